import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import * as peopleService from "./people.service.js";

const ref = (type: string, id: string | null | undefined, field: string) => (id ? refOf(type, id, field) : null);

export const peopleResolvers: Resolvers = {
  Query: {
    person: (_, { id }, ctx) => {
      const pid = idOf("Person", id);
      return pid ? peopleService.get(ctx, pid) : null;
    },
    people: (_, { filter, first, after }, ctx) =>
      peopleService.list(
        ctx,
        {
          ...filter,
          placeId: ref("Place", filter?.placeId, "filter.placeId"),
          organisationId: ref("Organisation", filter?.organisationId, "filter.organisationId"),
        },
        { first, after },
      ),
  },
  Mutation: {
    createPerson: (_, { input }, ctx) => peopleService.create(ctx, input),
    updatePerson: (_, { id, version, input }, ctx) =>
      peopleService.update(ctx, existingIdOf("Person", id), version, input),
  },
  Person: {
    place: (p, _, ctx) => (p.placeId ? ctx.loaders.places.byId.load(p.placeId) : null),
    email: (p, _, ctx) => peopleService.ownerOnly(ctx, p, "email"),
    phone: (p, _, ctx) => peopleService.ownerOnly(ctx, p, "phone"),
    lawfulBasis: (p, _, ctx) => peopleService.ownerOnly(ctx, p, "lawfulBasis"),
    lawfulBasisNote: (p, _, ctx) => peopleService.ownerOnly(ctx, p, "lawfulBasisNote"),
    consentAt: (p, _, ctx) => peopleService.ownerOnly(ctx, p, "consentAt"),
    retentionReviewOn: (p, _, ctx) => peopleService.ownerOnly(ctx, p, "retentionReviewOn"),
    affiliations: (p, _, ctx) => ctx.loaders.people.affiliationsByPerson.load(p.id),
    alumniTies: (p, _, ctx) => ctx.loaders.people.alumniTiesByPerson.load(p.id),
  },
  Affiliation: {
    // Sub-records were filtered by the loaders; the parent is visible by construction.
    person: async (a, _, ctx) => (await ctx.loaders.people.byId.load(a.personId))!,
    organisation: async (a, _, ctx) => (await ctx.loaders.organisations.byId.load(a.organisationId))!,
    current: (a) => a.endedOn === null || a.endedOn >= new Date().toISOString().slice(0, 10),
  },
  AlumniTie: {
    person: async (t, _, ctx) => (await ctx.loaders.people.byId.load(t.personId))!,
    university: async (t, _, ctx) => (await ctx.loaders.organisations.byId.load(t.universityId))!,
  },
};

