import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import * as visitsService from "./visits.service.js";

const ref = (type: string, id: string | null | undefined, field: string) => (id ? refOf(type, id, field) : null);

export const visitsResolvers: Resolvers = {
  Query: {
    visit: (_, { id }, ctx) => {
      const vid = idOf("Visit", id);
      return vid ? visitsService.get(ctx, vid) : null;
    },
    visits: (_, { filter, first, after }, ctx) =>
      visitsService.list(
        ctx,
        {
          ...filter,
          placeId: ref("Place", filter?.placeId, "filter.placeId"),
          memberId: ref("Member", filter?.memberId, "filter.memberId"),
        },
        { first, after },
      ),
    visitCalendar: (_, { from, to, filter }, ctx) =>
      visitsService.calendar(ctx, from, to, {
        ...filter,
        placeId: ref("Place", filter?.placeId, "filter.placeId"),
        memberId: ref("Member", filter?.memberId, "filter.memberId"),
      }),
  },
  Mutation: {
    createVisit: (_, { input }, ctx) => visitsService.create(ctx, input),
    updateVisit: (_, { id, version, input }, ctx) => visitsService.update(ctx, existingIdOf("Visit", id), version, input),
  },
  Visit: {
    // Members are network reference data: the lead always loads.
    leadMember: async (v, _, ctx) => (await ctx.loaders.members.byId.load(v.leadMemberId))!,
    participatingMembers: (v, _, ctx) => visitsService.participatingMembers(ctx, v),
    destinations: (v, _, ctx) => visitsService.destinations(ctx, v),
  },
};
