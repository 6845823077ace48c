import type { Resolvers } from "../../graphql/generated.js";
import * as gdpr from "./gdpr.service.js";

export const gdprResolvers: Resolvers = {
  Query: {
    retentionQueue: (_, { dueBy, first, after }, ctx) => gdpr.retentionQueue(ctx, dueBy, { first, after }),
    personDataExport: (_, { personId }, ctx) => gdpr.personDataExport(ctx, personId),
  },
  Mutation: {
    reviewRetention: (_, { personId, version, decision }, ctx) => gdpr.reviewRetention(ctx, personId, version, decision),
    erasePerson: (_, { personId, reason }, ctx) => gdpr.erasePerson(ctx, personId, reason),
  },
};
