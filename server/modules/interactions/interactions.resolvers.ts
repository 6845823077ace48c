import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import { toOrganisationMatch, toPersonMatch } from "../matching/matching.resolvers.js";
import { logInteraction } from "./interactions.log.js";
import * as interactionsService from "./interactions.service.js";

const ref = (type: string, id: string | null | undefined, field: string) => (id ? refOf(type, id, field) : null);

export const interactionsResolvers: Resolvers = {
  Query: {
    interaction: (_, { id }, ctx) => {
      const iid = idOf("Interaction", id);
      return iid ? interactionsService.get(ctx, iid) : null;
    },
    interactions: (_, { filter, first, after }, ctx) =>
      interactionsService.list(
        ctx,
        {
          ...filter,
          personId: ref("Person", filter?.personId, "filter.personId"),
          organisationId: ref("Organisation", filter?.organisationId, "filter.organisationId"),
          placeId: ref("Place", filter?.placeId, "filter.placeId"),
          visitId: ref("Visit", filter?.visitId, "filter.visitId"),
        },
        { first, after },
      ),
  },
  Mutation: {
    createInteraction: (_, { input }, ctx) => interactionsService.create(ctx, input),
    updateInteraction: (_, { id, version, input }, ctx) =>
      interactionsService.update(ctx, existingIdOf("Interaction", id), version, input),
    logInteraction: async (_, { input }, ctx) => {
      const result = await logInteraction(ctx, input);
      return {
        ...result,
        pendingMatches: result.pendingMatches.map((m) => ({
          ...m,
          people: m.people.map(toPersonMatch),
          organisations: m.organisations.map(toOrganisationMatch),
        })),
      };
    },
  },
  Interaction: {
    notes: (i, _, ctx) => interactionsService.notes(ctx, i),
    place: (i, _, ctx) => (i.placeId ? ctx.loaders.places.byId.load(i.placeId) : null),
    // Null when the visit is not (or no longer) visible to the viewer.
    visit: (i, _, ctx) => (i.visitId ? ctx.loaders.visits.byId.load(i.visitId) : null),
    participants: (i, _, ctx) => interactionsService.participants(ctx, i),
    organisations: (i, _, ctx) => interactionsService.organisationsOf(ctx, i),
    internalAttendees: (i, _, ctx) => interactionsService.internalAttendees(ctx, i),
    loggedBy: (i, _, ctx) => interactionsService.loggedBy(ctx, i),
  },
  Person: {
    interactions: (p, { first, after }, ctx) => interactionsService.interactionsOf(ctx, "person", p.id, { first, after }),
  },
  Organisation: {
    interactions: (o, { first, after }, ctx) =>
      interactionsService.interactionsOf(ctx, "organisation", o.id, { first, after }),
  },
};
