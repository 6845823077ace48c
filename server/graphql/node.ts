import type { Context } from "../context.js";
import { badInput, notFound } from "../errors.js";
import * as followUps from "../modules/follow-ups/follow-ups.service.js";
import * as investors from "../modules/investors/investors.service.js";
import * as opportunities from "../modules/opportunities/opportunities.service.js";
import * as organisations from "../modules/organisations/organisations.service.js";
import * as partnerships from "../modules/partnerships/partnerships.service.js";
import * as people from "../modules/people/people.service.js";
import * as places from "../modules/places/places.service.js";
import * as visits from "../modules/visits/visits.service.js";
import * as interactions from "../modules/interactions/interactions.service.js";
import * as priorities from "../modules/priorities/priorities.service.js";
import * as members from "../modules/members/members.service.js";
import * as imports from "../modules/imports/imports.service.js";
import * as savedSearches from "../modules/search/saved-searches.service.js";
import type { Resolvers } from "./generated.js";
import { parseGlobalId } from "./global-id.js";

// How each Node type is loaded (through its service, so through the policy)
// and, for archivable types, archived. Modules register their types here.
interface NodeType {
  load: (ctx: Context, id: string) => Promise<{ id: string } | null>;
  archive?: (ctx: Context, id: string, version: number) => Promise<{ id: string }>;
}

export const nodeTypes: Record<string, NodeType> = {
  Member: { load: members.get },
  User: { load: members.getUser },
  Place: { load: places.get, archive: places.archive },
  Organisation: { load: organisations.get, archive: organisations.archive },
  Person: { load: people.get, archive: people.archive },
  Visit: { load: visits.get, archive: visits.archive },
  Interaction: { load: interactions.get, archive: interactions.archive },
  Partnership: { load: partnerships.get, archive: partnerships.archive },
  Priority: { load: priorities.get, archive: priorities.archive },
  Opportunity: { load: opportunities.get, archive: opportunities.archive },
  FollowUp: { load: followUps.get, archive: followUps.archive },
  InvestorProfile: { load: investors.get, archive: investors.archive },
  SavedSearch: { load: savedSearches.get },
  ImportJob: { load: imports.get },
  ImportMapping: { load: imports.getMapping },
};


const tagged = <T extends object>(row: T | null, typename: string) => (row ? { ...row, __typename: typename } : null);

export const nodeResolvers: Resolvers = {
  Query: {
    ping: () => "pong",
    node: async (_, { id }, ctx) => {
      const parsed = parseGlobalId(id);
      if (!parsed) throw badInput("id", "id is not a valid id.");
      const type = nodeTypes[parsed.type];
      if (!type) return null;
      return tagged(await type.load(ctx, parsed.id), parsed.type) as never;
    },
  },
  Mutation: {
    archive: async (_, { id, version }, ctx) => {
      const parsed = parseGlobalId(id);
      if (!parsed) throw badInput("id", "id is not a valid id.");
      const type = nodeTypes[parsed.type];
      if (!type?.archive) throw notFound(parsed.type);
      return tagged(await type.archive(ctx, parsed.id, version), parsed.type) as never;
    },
  },
};
