import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf } from "../../graphql/global-id.js";
import * as membersService from "../members/members.service.js";
import * as followUpsService from "./follow-ups.service.js";

export const followUpsResolvers: Resolvers = {
  Query: {
    followUp: (_, { id }, ctx) => {
      const fid = idOf("FollowUp", id);
      return fid ? followUpsService.get(ctx, fid) : null;
    },
    followUps: (_, { filter, first, after }, ctx) => followUpsService.list(ctx, filter ?? {}, { first, after }),
  },
  Mutation: {
    createFollowUp: (_, { input }, ctx) => followUpsService.create(ctx, input),
    updateFollowUp: (_, { id, version, input }, ctx) =>
      followUpsService.update(ctx, existingIdOf("FollowUp", id), version, input),
    completeFollowUp: (_, { id, version }, ctx) => followUpsService.complete(ctx, existingIdOf("FollowUp", id), version),
    reassignFollowUp: (_, { id, version, assigneeId }, ctx) =>
      followUpsService.reassign(ctx, existingIdOf("FollowUp", id), version, assigneeId),
  },
  FollowUp: {
    assignee: (f, _, ctx) => (f.assigneeId ? membersService.getUser(ctx, f.assigneeId) : null),
    overdue: (f) => followUpsService.overdue(f),
    // Each subject resolves through its visibility-filtered loader: null when the viewer cannot see it.
    interaction: (f, _, ctx) => (f.interactionId ? ctx.loaders.interactions.byId.load(f.interactionId) : null),
    person: (f, _, ctx) => (f.personId ? ctx.loaders.people.byId.load(f.personId) : null),
    organisation: (f, _, ctx) => (f.organisationId ? ctx.loaders.organisations.byId.load(f.organisationId) : null),
    partnership: (f, _, ctx) => (f.partnershipId ? ctx.loaders.partnerships.byId.load(f.partnershipId) : null),
    visit: (f, _, ctx) => (f.visitId ? ctx.loaders.visits.byId.load(f.visitId) : null),
    opportunity: (f, _, ctx) => (f.opportunityId ? ctx.loaders.opportunities.byId.load(f.opportunityId) : null),
  },
};
