import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import * as placesService from "./places.service.js";

export const placesResolvers: Resolvers = {
  Query: {
    place: (_, { id }, ctx) => {
      const pid = idOf("Place", id);
      return pid ? placesService.get(ctx, pid) : null;
    },
    places: (_, { filter, first, after }, ctx) =>
      placesService.list(
        ctx,
        { ...filter, parentId: filter?.parentId ? refOf("Place", filter.parentId, "filter.parentId") : null },
        { first, after },
      ),
  },
  Mutation: {
    createPlace: (_, { input }, ctx) => placesService.create(ctx, input),
    updatePlace: (_, { id, version, input }, ctx) => placesService.update(ctx, existingIdOf("Place", id), version, input),
  },
  Place: {
    parent: (place, _, ctx) => (place.parentId ? ctx.loaders.places.byId.load(place.parentId) : null),
  },
};
