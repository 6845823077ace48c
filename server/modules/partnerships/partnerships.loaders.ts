import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { organisations, partnershipParties, partnerships, places } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader, groupLoader } from "../shared/loaders.js";

export function partnershipsLoaders(ctx: Context) {
  return {
    /** Visible partnerships only: another member's private partnership loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(partnerships)
        .where(and(inArray(partnerships.id, [...ids]), visibleWhere(viewerOf(ctx), partnerships))),
    ),
    /**
     * A partnership's parties, leaving out organisations the viewer cannot see
     * (one statement per batch). UK side first, then by the party's name.
     */
    partiesByPartnership: groupLoader(
      async (partnershipIds) =>
        (
          await ctx.db
            .select({ p: partnershipParties })
            .from(partnershipParties)
            .leftJoin(places, eq(places.id, partnershipParties.placeId))
            .leftJoin(organisations, eq(organisations.id, partnershipParties.organisationId))
            .where(
              and(
                inArray(partnershipParties.partnershipId, [...partnershipIds]),
                or(isNull(partnershipParties.organisationId), visibleWhere(viewerOf(ctx), organisations)),
              ),
            )
            .orderBy(
              asc(partnershipParties.side),
              sql`lower(coalesce(${places.name}, ${organisations.name}))`,
              asc(partnershipParties.id),
            )
        ).map((r) => r.p),
      (p) => p.partnershipId,
    ),
  };
}
