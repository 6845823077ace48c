import type { Resolvers } from "../../graphql/generated.js";
import { idOf } from "../../graphql/global-id.js";
import * as coordination from "./coordination.service.js";

export const coordinationResolvers: Resolvers = {
  Query: {
    coordinationAlerts: (_, { first }, ctx) => coordination.coordinationAlerts(ctx, first),
    introductionPaths: (_, { personId, maxHops, first }, ctx) => {
      // A well-formed id of another type is simply no such person.
      const id = idOf("Person", personId, "personId");
      return id ? coordination.introductionPaths(ctx, id, maxHops, first) : null;
    },
    engagementByPriority: (_, { from, to }, ctx) => coordination.engagementByPriority(ctx, from, to),
  },
  Mutation: {
    requestIntroduction: (_, args, ctx) => coordination.requestIntroduction(ctx, args),
  },
};
