import { type SQL, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { VisitRow } from "../../db/rows.js";
import { places, visitDestinations, visitMembers, visits } from "../../db/tables/index.js";
import { type Viewer, visibleWhere } from "../../policy/sharing.policy.js";
import { type PageArgs, type Sort, allOf, listPage } from "../shared/pagination.js";
import { nameMatches } from "../shared/text.js";

export interface VisitFilter {
  query?: string | null;
  from?: string | null;
  to?: string | null;
  placeId?: string | null;
  countryCode?: string | null;
  memberId?: string | null;
  status?: VisitRow["status"] | null;
  direction?: VisitRow["direction"] | null;
  ownedByMe?: boolean | null;
  includeArchived?: boolean | null;
}

// Newest first: the next trip (or the latest one) at the top.
const sort: Sort = { key: sql`${visits.startsOn}`, cast: "date", direction: "desc" };

export function visitsWhere(viewer: Viewer, filter: VisitFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleWhere(viewer, visits)];
  if (!filter.includeArchived) where.push(isNull(visits.archivedAt));
  if (filter.ownedByMe) where.push(eq(visits.ownerMemberId, viewer.memberId));
  if (filter.query) where.push(nameMatches(visits.title, filter.query));
  // Date overlap: the visit ends on or after `from` and starts on or before `to`.
  if (filter.from) where.push(gte(visits.endsOn, filter.from));
  if (filter.to) where.push(lte(visits.startsOn, filter.to));
  if (filter.status) where.push(eq(visits.status, filter.status));
  if (filter.direction) where.push(eq(visits.direction, filter.direction));
  if (filter.placeId) {
    where.push(
      inArray(visits.id, sql`(select ${visitDestinations.visitId} from ${visitDestinations} where ${visitDestinations.placeId} = ${filter.placeId})`),
    );
  }
  if (filter.countryCode) {
    where.push(
      inArray(
        visits.id,
        sql`(select ${visitDestinations.visitId} from ${visitDestinations}
             join ${places} on ${places.id} = ${visitDestinations.placeId}
             where ${places.countryCode} = ${filter.countryCode.trim().toUpperCase()})`,
      ),
    );
  }
  if (filter.memberId) {
    where.push(
      or(
        eq(visits.leadMemberId, filter.memberId),
        inArray(visits.id, sql`(select ${visitMembers.visitId} from ${visitMembers} where ${visitMembers.memberId} = ${filter.memberId})`),
      ),
    );
  }
  return allOf(...where);
}

export function listVisits(db: Db, viewer: Viewer, filter: VisitFilter, page: PageArgs) {
  return listPage<VisitRow>(db, visits, visitsWhere(viewer, filter), sort, page);
}

export const CALENDAR_LIMIT = 500;

/** Visible visits overlapping from..to, in date order (start, end, title), at most CALENDAR_LIMIT. */
export function calendarVisits(db: Db, viewer: Viewer, filter: VisitFilter, from: string, to: string): Promise<VisitRow[]> {
  return db
    .select()
    .from(visits)
    .where(visitsWhere(viewer, { ...filter, from, to }))
    .orderBy(asc(visits.startsOn), asc(visits.endsOn), sql`lower(${visits.title})`, asc(visits.id))
    .limit(CALENDAR_LIMIT);
}

/** Replaces a visit's destinations (in the given order) and participating members, given lists only. */
export async function replaceSubRecords(
  tx: Db,
  visitId: string,
  lists: { destinationIds?: string[]; memberIds?: string[] },
) {
  if (lists.destinationIds) {
    await tx.delete(visitDestinations).where(eq(visitDestinations.visitId, visitId));
    if (lists.destinationIds.length) {
      await tx
        .insert(visitDestinations)
        .values(lists.destinationIds.map((placeId, position) => ({ visitId, placeId, position })));
    }
  }
  if (lists.memberIds) {
    await tx.delete(visitMembers).where(eq(visitMembers.visitId, visitId));
    if (lists.memberIds.length) {
      await tx.insert(visitMembers).values(lists.memberIds.map((memberId) => ({ visitId, memberId })));
    }
  }
}

