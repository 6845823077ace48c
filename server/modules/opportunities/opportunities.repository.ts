import { type SQL, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { OpportunityRow } from "../../db/rows.js";
import { opportunities, organisations, people, places } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";

export interface OpportunityFilter {
  stage?: OpportunityRow["stage"] | null;
  sector?: string | null;
  organisationId?: string | null;
  personId?: string | null;
  countryCode?: string | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

// Soonest landing first (undated last), then by title: the date as fixed-width
// digits followed by the title is one text key, as the keyset cursor needs.
const sort: Sort = {
  key: sql`to_char(coalesce(${opportunities.landOn}, date '9999-12-31'), 'YYYYMMDD') || lower(${opportunities.title})`,
  cast: "text",
  direction: "asc",
};

export function opportunitiesWhere(viewer: Viewer, filter: OpportunityFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, opportunities)];
  if (!filter.includeArchived) where.push(isNull(opportunities.archivedAt));
  if (filter.ownedByMe) where.push(eq(opportunities.ownerMemberId, viewer.memberId));
  if (filter.stage) where.push(eq(opportunities.stage, filter.stage));
  if (filter.sector) where.push(sql`lower(${opportunities.sector}) = lower(${filter.sector.trim()})`);
  if (filter.organisationId) where.push(eq(opportunities.organisationId, filter.organisationId));
  if (filter.personId) where.push(eq(opportunities.personId, filter.personId));
  if (filter.countryCode) {
    // Only an organisation or person the viewer can see may make an opportunity match.
    const inCountry = sql`(select ${places.id} from ${places} where ${places.countryCode} = ${filter.countryCode.trim().toUpperCase()})`;
    where.push(
      sql`(${inArray(
        opportunities.organisationId,
        sql`(select ${organisations.id} from ${organisations} where ${visibleWhere(viewer, organisations)} and ${organisations.placeId} in ${inCountry})`,
      )} or ${inArray(
        opportunities.personId,
        sql`(select ${people.id} from ${people} where ${visibleWhere(viewer, people)} and ${people.placeId} in ${inCountry})`,
      )})`,
    );
  }
  return allOf(...where);
}

export function listOpportunities(db: Db, viewer: Viewer, filter: OpportunityFilter, page: PageArgs) {
  return listPage<OpportunityRow>(db, opportunities, opportunitiesWhere(viewer, filter), sort, page);
}
