import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

// Hand-written queries (matching, timelines, one-statement writes) return raw rows keyed by
// column name, or rows serialised with to_jsonb(). These turn them back into the same typed
// rows the query builder returns, through each column's own driver mapping.

/** The typed row of `table` from a raw row (snake_case column names, driver values) or a to_jsonb() object. */
export function rowFrom<T extends PgTable>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value == null ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}

/** A raw row as a JSON object whose keys are column names (to_jsonb(row) arrives parsed or as text). */
export function jsonObject(value: unknown): Record<string, unknown> {
  if (typeof value === "string") return JSON.parse(value) as Record<string, unknown>;
  return value as Record<string, unknown>;
}
