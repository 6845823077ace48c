import type { Resolvers } from "../../graphql/generated.js";
import * as networkService from "./network.service.js";

export const networkResolvers: Resolvers = {
  Query: {
    network: (_, { centre, depth, first }, ctx) => networkService.network(ctx, centre, depth, first),
  },
};
