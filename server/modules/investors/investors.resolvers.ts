import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf } from "../../graphql/global-id.js";
import * as investorsService from "./investors.service.js";

export const investorsResolvers: Resolvers = {
  Query: {
    investorProfile: (_, { id }, ctx) => {
      const pid = idOf("InvestorProfile", id);
      return pid ? investorsService.get(ctx, pid) : null;
    },
    investorProfiles: (_, { filter, first, after }, ctx) => investorsService.list(ctx, filter, { first, after }),
  },
  Mutation: {
    createInvestorProfile: (_, { input }, ctx) => investorsService.create(ctx, input),
    updateInvestorProfile: (_, { id, version, input }, ctx) =>
      investorsService.update(ctx, existingIdOf("InvestorProfile", id), version, input),
  },
  InvestorProfile: {
    // Loaded through the visibility-filtered loaders: a subject the viewer cannot see is null.
    person: (p, _, ctx) => (p.personId ? ctx.loaders.people.byId.load(p.personId) : null),
    organisation: (p, _, ctx) => (p.organisationId ? ctx.loaders.organisations.byId.load(p.organisationId) : null),
  },
  Person: {
    investorProfiles: (p, _, ctx) => ctx.loaders.investors.byPerson.load(p.id),
  },
  Organisation: {
    investorProfiles: (o, _, ctx) => ctx.loaders.investors.byOrganisation.load(o.id),
  },
};
