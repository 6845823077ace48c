import { count, sql } from "drizzle-orm";
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
  if ((row?.n ?? 0) > 0) return { users: await presentDemoUsers(db), password: DEMO_PASSWORD };
  const users = await loadDemoNetwork(db);
  // PGlite never analyses tables by itself: without statistics the planner
  // picks poor plans for briefings and search on the freshly loaded data.
  await db.execute(sql`analyze`);
  return { users, password: DEMO_PASSWORD };
}
