import { inArray } from "drizzle-orm";
import type { Context } from "../../context.js";
import { members, users } from "../../db/tables/index.js";
import { byIdLoader } from "../shared/loaders.js";

// Members are network reference data; users are filtered by the policy where resolved.
export function membersLoaders(ctx: Context) {
  return {
    byId: byIdLoader((ids) => ctx.db.select().from(members).where(inArray(members.id, [...ids]))),
    userById: byIdLoader((ids) => ctx.db.select().from(users).where(inArray(users.id, [...ids]))),
  };
}
