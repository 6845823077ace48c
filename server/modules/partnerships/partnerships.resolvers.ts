import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, refOf } from "../../graphql/global-id.js";
import * as partnershipsService from "./partnerships.service.js";

const ref = (type: string, id: string | null | undefined, field: string) => (id ? refOf(type, id, field) : null);

export const partnershipsResolvers: Resolvers = {
  Query: {
    partnership: (_, { id }, ctx) => {
      const pid = idOf("Partnership", id);
      return pid ? partnershipsService.get(ctx, pid) : null;
    },
    partnerships: (_, { filter, first, after }, ctx) =>
      partnershipsService.list(
        ctx,
        {
          ...filter,
          placeId: ref("Place", filter?.placeId, "filter.placeId"),
          memberId: ref("Member", filter?.memberId, "filter.memberId"),
        },
        { first, after },
      ),
  },
  Mutation: {
    createPartnership: (_, { input }, ctx) => partnershipsService.create(ctx, input),
    updatePartnership: (_, { id, version, input }, ctx) =>
      partnershipsService.update(ctx, existingIdOf("Partnership", id), version, input),
  },
  Partnership: {
    leadMember: (p, _, ctx) => (p.leadMemberId ? ctx.loaders.members.byId.load(p.leadMemberId) : null),
    parties: (p, _, ctx) => ctx.loaders.partnerships.partiesByPartnership.load(p.id),
  },
  PartnershipParty: {
    // Parties were filtered by the loader; the parent is visible by construction.
    partnership: async (party, _, ctx) => (await ctx.loaders.partnerships.byId.load(party.partnershipId))!,
    place: (party, _, ctx) => (party.placeId ? ctx.loaders.places.byId.load(party.placeId) : null),
    organisation: (party, _, ctx) => (party.organisationId ? ctx.loaders.organisations.byId.load(party.organisationId) : null),
  },
};
