import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { members, places, visitDestinations, visitMembers, visits } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader, groupLoader } from "../shared/loaders.js";

export function visitsLoaders(ctx: Context) {
  return {
    /** Visible visits only: another member's private visit loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(visits)
        .where(and(inArray(visits.id, [...ids]), visibleWhere(viewerOf(ctx), visits))),
    ),
    /**
     * A visit's destinations in itinerary order (one statement per batch). Places are
     * public reference data; the visit itself was loaded through the policy.
     */
    destinationsByVisit: groupLoader(
      (visitIds) =>
        ctx.db
          .select({ visitId: visitDestinations.visitId, place: places })
          .from(visitDestinations)
          .innerJoin(places, eq(places.id, visitDestinations.placeId))
          .where(inArray(visitDestinations.visitId, [...visitIds]))
          .orderBy(asc(visitDestinations.position), asc(places.id)),
      (d) => d.visitId,
    ),
    /** A visit's participating members, by name (one statement per batch). */
    membersByVisit: groupLoader(
      (visitIds) =>
        ctx.db
          .select({ visitId: visitMembers.visitId, member: members })
          .from(visitMembers)
          .innerJoin(members, eq(members.id, visitMembers.memberId))
          .where(inArray(visitMembers.visitId, [...visitIds]))
          .orderBy(sql`lower(${members.name})`, asc(members.id)),
      (m) => m.visitId,
    ),
  };
}
