import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** A LIKE pattern that matches `term` literally anywhere: %, _ and \ in user input are not wildcards. */
export function likePattern(term: string): string {
  return `%${term.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accent- and case-insensitive "contains", with the user's text taken literally. */
export function nameMatches(column: SQL | PgColumn, term: string): SQL {
  return sql`unaccent(lower(${column})) like unaccent(lower(${likePattern(term)}))`;
}
