import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf } from "../../graphql/global-id.js";
import * as membersService from "./members.service.js";

const memberId = (id: string) => idOf("Member", id);
const userId = (id: string) => idOf("User", id);

export const membersResolvers: Resolvers = {
  Query: {
    member: (_, { id }, ctx) => {
      const mid = memberId(id);
      return mid ? membersService.get(ctx, mid) : null;
    },
    members: (_, { filter, first, after }, ctx) => membersService.list(ctx, filter ?? {}, { first, after }),
    user: (_, { id }, ctx) => {
      const uid = userId(id);
      return uid ? membersService.getUser(ctx, uid) : null;
    },
  },
  Mutation: {
    updateMember: (_, { id, version, input }, ctx) =>
      membersService.updateMember(ctx, existingIdOf("Member", id), version, input),
    createUser: (_, { input }, ctx) => membersService.createUser(ctx, input),
    updateUser: (_, { id, version, input }, ctx) => membersService.updateUser(ctx, existingIdOf("User", id), version, input),
  },
  Member: {
    users: (member, { first, after }, ctx) => membersService.usersOf(ctx, member, { first, after }),
  },
  User: {
    email: (user, _, ctx) => membersService.userEmail(ctx, user),
    disabled: (user) => user.disabledAt !== null,
    member: async (user, _, ctx) => (await ctx.loaders.members.byId.load(user.memberId))!,
  },
};
