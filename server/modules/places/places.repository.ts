import { type SQL, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { PlaceRow } from "../../db/rows.js";
import { places } from "../../db/tables/index.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";
import { nameMatches } from "../shared/text.js";

export interface PlaceFilter {
  kind?: PlaceRow["kind"] | null;
  countryCode?: string | null;
  parentId?: string | null;
  query?: string | null;
  includeArchived?: boolean | null;
}

const sort: Sort = { key: sql`lower(${places.name})`, cast: "text", direction: "asc" };

export function listPlaces(db: Db, filter: PlaceFilter, page: PageArgs) {
  const where: (SQL | undefined)[] = [];
  if (!filter.includeArchived) where.push(isNull(places.archivedAt));
  if (filter.kind) where.push(eq(places.kind, filter.kind));
  if (filter.countryCode) where.push(eq(places.countryCode, filter.countryCode.toUpperCase()));
  if (filter.parentId) where.push(eq(places.parentId, filter.parentId));
  if (filter.query) {
    where.push(sql`(${nameMatches(places.name, filter.query)} or ${nameMatches(sql`coalesce(${places.nameLatin}, '')`, filter.query)})`);
  }
  return listPage<PlaceRow>(db, places, allOf(...where), sort, page);
}
