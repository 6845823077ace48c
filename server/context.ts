import { randomUUID } from "node:crypto";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { unauthenticated } from "./errors.js";
import { createLoaders, type Loaders } from "./graphql/loaders.js";
import type { Viewer } from "./policy/sharing.policy.js";

export interface Context {
  viewer: Viewer | null;
  db: Db;
  config: Config;
  requestId: string;
  /** The client's address (for sign-in throttling); never logged with personal data. */
  clientAddress?: string;
  loaders: Loaders;
}

export function createContext(args: {
  db: Db;
  config: Config;
  viewer: Viewer | null;
  requestId?: string;
  clientAddress?: string;
}): Context {
  const ctx = { ...args, requestId: args.requestId ?? randomUUID() } as Context;
  // Per request, so the DataLoader cache never crosses users.
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

/** The signed-in viewer, or UNAUTHENTICATED. Services call this rather than trusting the caller. */
export function viewerOf(ctx: Pick<Context, "viewer">): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}
