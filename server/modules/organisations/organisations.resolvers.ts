import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import * as organisationsService from "./organisations.service.js";

export const organisationsResolvers: Resolvers = {
  Query: {
    organisation: (_, { id }, ctx) => {
      const oid = idOf("Organisation", id);
      return oid ? organisationsService.get(ctx, oid) : null;
    },
    organisations: (_, { filter, first, after }, ctx) =>
      organisationsService.list(
        ctx,
        { ...filter, placeId: filter?.placeId ? refOf("Place", filter.placeId, "filter.placeId") : null },
        { first, after },
      ),
  },
  Mutation: {
    createOrganisation: (_, { input }, ctx) => organisationsService.create(ctx, input),
    updateOrganisation: (_, { id, version, input }, ctx) =>
      organisationsService.update(ctx, existingIdOf("Organisation", id), version, input),
  },
  Organisation: {
    place: (o, _, ctx) => (o.placeId ? ctx.loaders.places.byId.load(o.placeId) : null),
    parent: (o, _, ctx) => (o.parentId ? ctx.loaders.organisations.byId.load(o.parentId) : null),
    affiliations: (o, _, ctx) => ctx.loaders.organisations.affiliationsByOrganisation.load(o.id),
  },
};
