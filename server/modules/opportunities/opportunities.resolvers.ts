import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import * as opportunitiesService from "./opportunities.service.js";

const ref = (type: string, id: string | null | undefined, field: string) => (id ? refOf(type, id, field) : null);

export const opportunitiesResolvers: Resolvers = {
  Query: {
    opportunity: (_, { id }, ctx) => {
      const oid = idOf("Opportunity", id);
      return oid ? opportunitiesService.get(ctx, oid) : null;
    },
    opportunities: (_, { filter, first, after }, ctx) =>
      opportunitiesService.list(
        ctx,
        {
          ...filter,
          organisationId: ref("Organisation", filter?.organisationId, "filter.organisationId"),
          personId: ref("Person", filter?.personId, "filter.personId"),
        },
        { first, after },
      ),
  },
  Mutation: {
    createOpportunity: (_, { input }, ctx) => opportunitiesService.create(ctx, input),
    updateOpportunity: (_, { id, version, input }, ctx) =>
      opportunitiesService.update(ctx, existingIdOf("Opportunity", id), version, input),
  },
  Opportunity: {
    // Null when the referenced record is not visible to the viewer.
    organisation: (o, _, ctx) => (o.organisationId ? ctx.loaders.organisations.byId.load(o.organisationId) : null),
    person: (o, _, ctx) => (o.personId ? ctx.loaders.people.byId.load(o.personId) : null),
  },
};
