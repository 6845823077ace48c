import type { OrganisationRow, PersonRow } from "../../db/rows.js";
import type { Resolvers } from "../../graphql/generated.js";
import * as matchingService from "./matching.service.js";

export const toPersonMatch = (m: matchingService.Match<PersonRow>) => ({ person: m.row, score: m.score, reasons: m.reasons });
export const toOrganisationMatch = (m: matchingService.Match<OrganisationRow>) => ({
  organisation: m.row,
  score: m.score,
  reasons: m.reasons,
});

export const matchingResolvers: Resolvers = {
  Query: {
    personMatches: async (_, args, ctx) => (await matchingService.personMatches(ctx, args)).map(toPersonMatch),
    organisationMatches: async (_, args, ctx) => (await matchingService.organisationMatches(ctx, args)).map(toOrganisationMatch),
  },
};
