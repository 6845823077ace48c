import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { savedSearches } from "../../db/tables/index.js";

// Saved searches belong to one user: every query here is scoped by user id, so
// another user's saved search is indistinguishable from a missing one.

export type SavedSearchRow = typeof savedSearches.$inferSelect;
export type SavedSearchKind = SavedSearchRow["kind"];

export function listForUser(db: Db, userId: string): Promise<SavedSearchRow[]> {
  return db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .orderBy(desc(savedSearches.createdAt), desc(savedSearches.id));
}

export async function findForUser(db: Db, userId: string, id: string): Promise<SavedSearchRow | null> {
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)));
  return row ?? null;
}

export async function countForUser(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, userId));
  return row?.n ?? 0;
}

export async function deleteForUser(db: Db, userId: string, id: string): Promise<SavedSearchRow | null> {
  const [row] = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning();
  return row ?? null;
}

/** Inserts unless the user already has a saved search of that name (then null). */
export async function insertUnlessNameTaken(
  db: Db,
  values: Pick<SavedSearchRow, "userId" | "name" | "kind" | "filter">,
): Promise<SavedSearchRow | null> {
  const [row] = await db.insert(savedSearches).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
