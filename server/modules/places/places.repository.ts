import { type SQL, eq, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
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

/**
 * Whether making `parentId` the parent of `placeId` would close a loop: the
 * place is the parent itself or one of its ancestors. UNION (not UNION ALL)
 * makes the walk end even on a loop already in the data.
 */
export async function wouldMakeCycle(db: Db, placeId: string, parentId: string): Promise<boolean> {
  const [row] = await queryRows<{ cycle: boolean }>(
    db,
    sql`with recursive ancestors(id, parent_id) as (
          select ${places.id}, ${places.parentId} from ${places} where ${places.id} = ${parentId}
          union
          select p.id, p.parent_id from ${places} p join ancestors a on p.id = a.parent_id
        )
        select exists (select 1 from ancestors where id = ${placeId}) as cycle`,
  );
  return row?.cycle === true;
}
