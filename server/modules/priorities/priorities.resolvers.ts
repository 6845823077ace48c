import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf } from "../../graphql/global-id.js";
import * as prioritiesService from "./priorities.service.js";

export const prioritiesResolvers: Resolvers = {
  Query: {
    priority: (_, { id }, ctx) => {
      const pid = idOf("Priority", id);
      return pid ? prioritiesService.get(ctx, pid) : null;
    },
    priorities: (_, { filter, first, after }, ctx) => prioritiesService.list(ctx, filter ?? {}, { first, after }),
  },
  Mutation: {
    createPriority: (_, { input }, ctx) => prioritiesService.create(ctx, input),
    updatePriority: (_, { id, version, input }, ctx) =>
      prioritiesService.update(ctx, existingIdOf("Priority", id), version, input),
  },
  Priority: {
    country: (p, _, ctx) => (p.countryCode ? ctx.loaders.priorities.countryByCode.load(p.countryCode) : null),
  },
};
