import { type SQL, and, count, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { badInput } from "../../errors.js";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  // A thunk: graphql-js calls it only when the client asks for totalCount.
  totalCount: () => Promise<number>;
}

/** A keyset sort: a non-null SQL expression, then the id as the tie-breaker. */
export interface Sort {
  key: SQL;
  cast: "text" | "timestamptz" | "date" | "numeric";
  direction: "asc" | "desc";
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badInput("first", "first must be a whole number of 0 or more.");
  return Math.min(first, MAX_PAGE_SIZE);
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the input error
  }
  throw badInput("after", "after is not a valid cursor.");
}

/** The WHERE clause that continues a keyset page after `cursor`. */
export function afterCursor(sort: Sort, idColumn: PgColumn, cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const { key, id } = decodeCursor(cursor);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw badInput("after", "after is not a valid cursor.");
  const op = sort.direction === "asc" ? sql`>` : sql`<`;
  return sql`(${sort.key}, ${idColumn}) ${op} (cast(${key} as ${sql.raw(sort.cast)}), cast(${id} as uuid))`;
}

export function orderBy(sort: Sort, idColumn: PgColumn): SQL[] {
  return sort.direction === "asc"
    ? [sql`${sort.key} asc`, sql`${idColumn} asc`]
    : [sql`${sort.key} desc`, sql`${idColumn} desc`];
}

/** Builds the connection from rows fetched with limit size + 1, each carrying its sort key. */
export function toConnection<T extends { id: string }>(
  rows: { row: T; sortKey: string }[],
  size: number,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map(({ row, sortKey }) => ({ cursor: encodeCursor(sortKey, row.id), node: row }));
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

export function allOf(...clauses: (SQL | undefined)[]): SQL | undefined {
  return and(...clauses.filter((c): c is SQL => c !== undefined));
}

/**
 * One keyset page of `table` rows matching `where` (already including the
 * visibility filter), plus a lazy count over the same filter. Two statements
 * at most, whatever the page size.
 */
export async function listPage<T extends { id: string }>(
  db: Db,
  table: PgTable & { id: PgColumn },
  where: SQL | undefined,
  sort: Sort,
  page: PageArgs,
): Promise<Connection<T>> {
  const size = pageSize(page.first);
  const rows = (await db
    .select({ row: table as PgTable, sortKey: sql<string>`(${sort.key})::text` } as never)
    .from(table)
    .where(allOf(where, afterCursor(sort, table.id, page.after)))
    .orderBy(...orderBy(sort, table.id))
    .limit(size + 1)) as unknown as { row: T; sortKey: string }[];
  return toConnection(rows, size, async () => {
    const [c] = await db.select({ n: count() }).from(table).where(where);
    return c?.n ?? 0;
  });
}
