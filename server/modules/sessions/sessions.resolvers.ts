import type { Resolvers } from "../../graphql/generated.js";
import * as sessions from "./sessions.service.js";

export const sessionsResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => sessions.me(ctx),
    demoSignIns: (_, __, ctx) => sessions.demoSignIns(ctx),
  },
  Mutation: {
    login: (_, { email, password }, ctx) => sessions.login(ctx, email, password),
    refreshSession: (_, { refreshToken }, ctx) => sessions.refresh(ctx, refreshToken),
    logout: (_, __, ctx) => sessions.logout(ctx),
  },
};
