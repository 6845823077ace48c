import { type SQL, and, arrayContains, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { PersonRow } from "../../db/rows.js";
import { affiliations, alumniTies, organisations, people, places } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";
import { nameMatches } from "../shared/text.js";

export interface PersonFilter {
  query?: string | null;
  organisationId?: string | null;
  placeId?: string | null;
  countryCode?: string | null;
  sector?: string | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

const sort: Sort = { key: sql`lower(${people.fullName})`, cast: "text", direction: "asc" };

export function peopleWhere(viewer: Viewer, filter: PersonFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, people)];
  if (!filter.includeArchived) where.push(isNull(people.archivedAt));
  if (filter.ownedByMe) where.push(eq(people.ownerMemberId, viewer.memberId));
  if (filter.query) {
    where.push(
      sql`(${nameMatches(people.fullName, filter.query)} or ${nameMatches(sql`coalesce(${people.nameLatin}, '')`, filter.query)})`,
    );
  }
  if (filter.placeId) where.push(eq(people.placeId, filter.placeId));
  if (filter.countryCode) {
    where.push(
      inArray(people.placeId, sql`(select ${places.id} from ${places} where ${places.countryCode} = ${filter.countryCode.toUpperCase()})`),
    );
  }
  if (filter.sector) where.push(arrayContains(people.sectors, [filter.sector]));
  if (filter.organisationId) {
    // Only through an organisation the viewer can see: a hidden one must match nobody, like a missing one.
    where.push(
      inArray(
        people.id,
        sql`(select ${affiliations.personId} from ${affiliations} join ${organisations} on ${organisations.id} = ${affiliations.organisationId}
             where ${affiliations.organisationId} = ${filter.organisationId} and ${visibleWhere(viewer, organisations)})`,
      ),
    );
  }
  return allOf(...where);
}

export function listPeople(db: Db, viewer: Viewer, filter: PersonFilter, page: PageArgs) {
  return listPage<PersonRow>(db, people, peopleWhere(viewer, filter), sort, page);
}

export interface AffiliationValues {
  organisationId: string;
  role: string | null;
  startedOn: string | null;
  endedOn: string | null;
}
export interface AlumniTieValues {
  universityId: string;
  degree: string | null;
  subject: string | null;
  graduationYear: number | null;
}

/** Replaces a person's affiliations and ties (given lists only), inside the caller's transaction. */
/**
 * Replaces the affiliations and alumni ties the editor can see. Ties to organisations the
 * editor cannot see (another member's private record) are not theirs to remove: they stay.
 */
export async function replaceSubRecords(
  tx: Db,
  viewer: Viewer,
  personId: string,
  lists: { affiliations?: AffiliationValues[]; alumniTies?: AlumniTieValues[] },
) {
  const visibleOrganisations = tx.select({ id: organisations.id }).from(organisations).where(visibleWhere(viewer, organisations));
  if (lists.affiliations) {
    await tx
      .delete(affiliations)
      .where(and(eq(affiliations.personId, personId), inArray(affiliations.organisationId, visibleOrganisations)));
    if (lists.affiliations.length) {
      await tx.insert(affiliations).values(lists.affiliations.map((a) => ({ ...a, personId })));
    }
  }
  if (lists.alumniTies) {
    await tx
      .delete(alumniTies)
      .where(and(eq(alumniTies.personId, personId), inArray(alumniTies.universityId, visibleOrganisations)));
    if (lists.alumniTies.length) {
      await tx.insert(alumniTies).values(lists.alumniTies.map((t) => ({ ...t, personId })));
    }
  }
}
