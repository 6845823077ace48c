import { and, eq, inArray } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import { affiliations, alumniTies, organisations, people } from "../../db/tables/index.js";
import { visibleWhere } from "../../policy/sharing.policy.js";
import { byIdLoader, groupLoader } from "../shared/loaders.js";

export function peopleLoaders(ctx: Context) {
  return {
    /** Visible people only: another member's private person loads as null. */
    byId: byIdLoader((ids) =>
      ctx.db
        .select()
        .from(people)
        .where(and(inArray(people.id, [...ids]), visibleWhere(viewerOf(ctx), people))),
    ),
    /**
     * A person's affiliations with organisations the viewer can see (one statement per batch).
     * The join already read each organisation: it primes the organisations loader, so
     * Affiliation.organisation costs no second statement.
     */
    affiliationsByPerson: groupLoader(async (personIds) => {
      const rows = await ctx.db
        .select({ a: affiliations, o: organisations })
        .from(affiliations)
        .innerJoin(organisations, and(eq(organisations.id, affiliations.organisationId), visibleWhere(viewerOf(ctx), organisations)))
        .where(inArray(affiliations.personId, [...personIds]))
        .orderBy(affiliations.startedOn, affiliations.id);
      for (const r of rows) ctx.loaders.organisations.byId.prime(r.o.id, r.o);
      return rows.map((r) => r.a);
    }, (a) => a.personId),
    /** As affiliationsByPerson: the universities prime the organisations loader. */
    alumniTiesByPerson: groupLoader(async (personIds) => {
      const rows = await ctx.db
        .select({ t: alumniTies, o: organisations })
        .from(alumniTies)
        .innerJoin(organisations, and(eq(organisations.id, alumniTies.universityId), visibleWhere(viewerOf(ctx), organisations)))
        .where(inArray(alumniTies.personId, [...personIds]))
        .orderBy(alumniTies.graduationYear, alumniTies.id);
      for (const r of rows) ctx.loaders.organisations.byId.prime(r.o.id, r.o);
      return rows.map((r) => r.t);
    }, (t) => t.personId),
  };
}
