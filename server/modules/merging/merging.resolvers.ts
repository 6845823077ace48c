import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf } from "../../graphql/global-id.js";
import * as mergingService from "./merging.service.js";

export const mergingResolvers: Resolvers = {
  Mutation: {
    mergePeople: async (_, { keepId, mergeId }, ctx) => {
      const { kept, merged } = await mergingService.mergePeople(
        ctx,
        existingIdOf("Person", keepId, "keepId"),
        existingIdOf("Person", mergeId, "mergeId"),
      );
      return { person: kept, merged };
    },
    mergeOrganisations: async (_, { keepId, mergeId }, ctx) => {
      const { kept, merged } = await mergingService.mergeOrganisations(
        ctx,
        existingIdOf("Organisation", keepId, "keepId"),
        existingIdOf("Organisation", mergeId, "mergeId"),
      );
      return { organisation: kept, merged };
    },
  },
};
