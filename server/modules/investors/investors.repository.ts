import { type SQL, and, arrayContains, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { InvestorProfileRow } from "../../db/rows.js";
import { investorProfiles, organisations, people, places } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";

export interface InvestorProfileFilter {
  investorType?: InvestorProfileRow["investorType"] | null;
  sector?: string | null;
  ticketAtLeast?: number | null;
  ticketAtMost?: number | null;
  countryCode?: string | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

const sort: Sort = { key: sql`${investorProfiles.createdAt}`, cast: "timestamptz", direction: "desc" };

/**
 * A profile is visible when the policy lets the viewer see it AND the person or
 * organisation it describes: a profile must not reveal that a private contact
 * exists (or invests in what, how much) to a member who cannot see that contact.
 */
export function profilesVisibleWhere(viewer: Viewer): SQL {
  return and(
    visibleWhere(viewer, investorProfiles),
    or(
      sql`exists (select 1 from ${people} where ${people.id} = ${investorProfiles.personId} and ${visibleWhere(viewer, people)})`,
      sql`exists (select 1 from ${organisations} where ${organisations.id} = ${investorProfiles.organisationId} and ${visibleWhere(viewer, organisations)})`,
    ),
  )!;
}

export function profilesWhere(viewer: Viewer, filter: InvestorProfileFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [profilesVisibleWhere(viewer)];
  if (!filter.includeArchived) where.push(isNull(investorProfiles.archivedAt));
  if (filter.ownedByMe) where.push(eq(investorProfiles.ownerMemberId, viewer.memberId));
  if (filter.investorType) where.push(eq(investorProfiles.investorType, filter.investorType));
  if (filter.sector) where.push(arrayContains(investorProfiles.sectors, [filter.sector]));
  const min = investorProfiles.ticketMinGbp;
  const max = investorProfiles.ticketMaxGbp;
  if (filter.ticketAtLeast != null || filter.ticketAtMost != null) {
    // Overlap of [min, max] (open where null) with the range asked for; no range at all never matches.
    where.push(sql`num_nonnulls(${min}, ${max}) > 0`);
    if (filter.ticketAtLeast != null) where.push(sql`(${max} is null or ${max} >= ${filter.ticketAtLeast})`);
    if (filter.ticketAtMost != null) where.push(sql`(${min} is null or ${min} <= ${filter.ticketAtMost})`);
  }
  if (filter.countryCode) {
    // The subject is visible (profilesVisibleWhere), so its place may be matched.
    const country = filter.countryCode.toUpperCase();
    where.push(
      or(
        sql`exists (select 1 from ${people} join ${places} on ${places.id} = ${people.placeId}
                    where ${people.id} = ${investorProfiles.personId} and ${places.countryCode} = ${country})`,
        sql`exists (select 1 from ${organisations} join ${places} on ${places.id} = ${organisations.placeId}
                    where ${organisations.id} = ${investorProfiles.organisationId} and ${places.countryCode} = ${country})`,
      ),
    );
  }
  return allOf(...where);
}

export function listProfiles(db: Db, viewer: Viewer, filter: InvestorProfileFilter, page: PageArgs) {
  return listPage<InvestorProfileRow>(db, investorProfiles, profilesWhere(viewer, filter), sort, page);
}
