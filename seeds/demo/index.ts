import { count } from "drizzle-orm";
import type { Db } from "../../server/db/client.js";
import { members } from "../../server/db/tables/index.js";
import { DEMO_PASSWORD, type DemoUser, presentDemoUsers } from "./accounts.js";
import { loadDemoNetwork } from "./network.js";

/**
 * Loads the demo network into an empty database; a database that already has
 * members is left alone (safe on every start). Returns the demo sign-ins present.
 */
export async function seedDemoIfEmpty(db: Db): Promise<{ users: DemoUser[]; password: string }> {
  const [row] = await db.select({ n: count() }).from(members);
  const users = (row?.n ?? 0) > 0 ? await presentDemoUsers(db) : await loadDemoNetwork(db);
  return { users, password: DEMO_PASSWORD };
}
