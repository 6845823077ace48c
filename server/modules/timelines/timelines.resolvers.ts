import type { Resolvers } from "../../graphql/generated.js";
import { idOf } from "../../graphql/global-id.js";
import * as membersService from "../members/members.service.js";
import type { PageArgs } from "../shared/pagination.js";
import * as timelinesService from "./timelines.service.js";

type Ctx = Parameters<typeof timelinesService.timeline>[0];

/** The four fields every parent type gains, resolved through one batched loader per parent kind. */
function fieldsOf(parent: timelinesService.TimelineParent) {
  return {
    timeline: (p: { id?: string }, args: PageArgs, ctx: Ctx) => timelinesService.timeline(ctx, parent, p.id!, args),
    lastInteractionAt: async (p: { id?: string }, _: unknown, ctx: Ctx) =>
      (await timelinesService.health(ctx, parent, p.id!)).lastInteractionAt,
    dormant: async (p: { id?: string }, _: unknown, ctx: Ctx) => (await timelinesService.health(ctx, parent, p.id!)).dormant,
    relationshipHealth: (p: { id?: string }, _: unknown, ctx: Ctx) => timelinesService.health(ctx, parent, p.id!),
  };
}

export const timelinesResolvers: Resolvers = {
  Query: {
    whoKnows: (_, { personId, first }, ctx) => {
      // A well-formed id of another type is simply no such person.
      const id = idOf("Person", personId, "personId");
      return id ? timelinesService.whoKnows(ctx, id, first) : null;
    },
  },
  Person: fieldsOf("person"),
  Organisation: fieldsOf("organisation"),
  Partnership: fieldsOf("partnership"),
  Place: fieldsOf("place"),
  RecordChange: {
    fields: (c) => timelinesService.changedFields(c),
    by: (c, _, ctx) => (c.userId ? membersService.getUser(ctx, c.userId) : null),
    member: (c, _, ctx) => (c.memberId ? ctx.loaders.members.byId.load(c.memberId) : null),
  },
  Acquaintance: {
    member: async (a, _, ctx) => (await ctx.loaders.members.byId.load(a.user.memberId))!,
  },
  MemberEngagement: {
    member: async (m, _, ctx) => (await ctx.loaders.members.byId.load(m.memberId))!,
  },
};
