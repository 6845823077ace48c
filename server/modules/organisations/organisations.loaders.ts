import { and, eq, inArray } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { affiliations, organisations, people } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader, groupLoader } from "../shared/loaders.js";

export function organisationsLoaders(ctx: Context) {
  return {
    /** Visible organisations only: another member's private organisation loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(organisations)
        .where(and(inArray(organisations.id, [...ids]), visibleWhere(viewerOf(ctx), organisations))),
    ),
    /** Affiliations of people the viewer can see (one statement per batch). */
    affiliationsByOrganisation: groupLoader(
      async (orgIds) =>
        (
          await ctx.db
            .select({ a: affiliations })
            .from(affiliations)
            .innerJoin(people, and(eq(people.id, affiliations.personId), visibleWhere(viewerOf(ctx), people)))
            .where(inArray(affiliations.organisationId, [...orgIds]))
            .orderBy(people.fullName, affiliations.id)
        ).map((r) => r.a),
      (a) => a.organisationId,
    ),
  };
}
