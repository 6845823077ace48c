import type { Resolvers } from "../../graphql/generated.js";
import { alumniInvestors } from "./alumni.service.js";

export const alumniResolvers: Resolvers = {
  Query: {
    alumniInvestors: (_, { filter, first, after }, ctx) => alumniInvestors(ctx, filter, { first, after }),
  },
};
