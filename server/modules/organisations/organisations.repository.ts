import { type SQL, arrayContains, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import type { OrganisationRow } from "../../db/rows.js";
import { organisations, places } from "../../db/tables/index.js";
import { type Viewer, visibleSql, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";
import { nameMatches } from "../shared/text.js";

export interface OrganisationFilter {
  query?: string | null;
  kind?: OrganisationRow["kind"] | null;
  placeId?: string | null;
  countryCode?: string | null;
  sector?: string | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

const sort: Sort = { key: sql`lower(${organisations.name})`, cast: "text", direction: "asc" };

export function organisationsWhere(viewer: Viewer, filter: OrganisationFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, organisations)];
  if (!filter.includeArchived) where.push(isNull(organisations.archivedAt));
  if (filter.ownedByMe) where.push(eq(organisations.ownerMemberId, viewer.memberId));
  if (filter.kind) where.push(eq(organisations.kind, filter.kind));
  if (filter.query) {
    where.push(
      sql`(${nameMatches(organisations.name, filter.query)} or ${nameMatches(sql`coalesce(${organisations.nameLatin}, '')`, filter.query)})`,
    );
  }
  if (filter.placeId) where.push(eq(organisations.placeId, filter.placeId));
  if (filter.countryCode) {
    where.push(
      inArray(
        organisations.placeId,
        sql`(select ${places.id} from ${places} where ${places.countryCode} = ${filter.countryCode.toUpperCase()})`,
      ),
    );
  }
  if (filter.sector) where.push(arrayContains(organisations.sectors, [filter.sector]));
  return allOf(...where);
}

export function listOrganisations(db: Db, viewer: Viewer, filter: OrganisationFilter, page: PageArgs) {
  return listPage<OrganisationRow>(db, organisations, organisationsWhere(viewer, filter), sort, page);
}

/**
 * Whether making `parentId` the parent of `organisationId` would close a loop:
 * the organisation is the parent itself or one of its ancestors. The walk
 * follows organisations the viewer can see only, so the answer reveals nothing
 * about private ones; UNION (not UNION ALL) ends it even on an existing loop.
 */
export async function wouldMakeCycle(db: Db, viewer: Viewer, organisationId: string, parentId: string): Promise<boolean> {
  const [row] = await queryRows<{ cycle: boolean }>(
    db,
    sql`with recursive ancestors(id, parent_id) as (
          select o.id, o.parent_id from ${organisations} o where o.id = ${parentId} and ${visibleSql(viewer, "o")}
          union
          select o.id, o.parent_id from ${organisations} o join ancestors a on o.id = a.parent_id where ${visibleSql(viewer, "o")}
        )
        select exists (select 1 from ancestors where id = ${organisationId}) as cycle`,
  );
  return row?.cycle === true;
}
