import type { Resolvers } from "./generated.js";
import { nodeResolvers } from "./node.js";
import { followUpsResolvers } from "../modules/follow-ups/follow-ups.resolvers.js";
import { investorsResolvers } from "../modules/investors/investors.resolvers.js";
import { membersResolvers } from "../modules/members/members.resolvers.js";
import { opportunitiesResolvers } from "../modules/opportunities/opportunities.resolvers.js";
import { organisationsResolvers } from "../modules/organisations/organisations.resolvers.js";
import { partnershipsResolvers } from "../modules/partnerships/partnerships.resolvers.js";
import { peopleResolvers } from "../modules/people/people.resolvers.js";
import { placesResolvers } from "../modules/places/places.resolvers.js";
import { visitsResolvers } from "../modules/visits/visits.resolvers.js";
import { interactionsResolvers } from "../modules/interactions/interactions.resolvers.js";
import { prioritiesResolvers } from "../modules/priorities/priorities.resolvers.js";
import { sessionsResolvers } from "../modules/sessions/sessions.resolvers.js";
import { importsResolvers } from "../modules/imports/imports.resolvers.js";
import { gdprResolvers } from "../modules/gdpr/gdpr.resolvers.js";
import { auditResolvers } from "../modules/audit/audit.resolvers.js";
import { matchingResolvers } from "../modules/matching/matching.resolvers.js";
import { mergingResolvers } from "../modules/merging/merging.resolvers.js";
import { timelinesResolvers } from "../modules/timelines/timelines.resolvers.js";
import { briefingsResolvers } from "../modules/briefings/briefings.resolvers.js";
import { coordinationResolvers } from "../modules/coordination/coordination.resolvers.js";
import { searchResolvers } from "../modules/search/search.resolvers.js";
import { alumniResolvers } from "../modules/alumni/alumni.resolvers.js";
import { networkResolvers } from "../modules/network/network.resolvers.js";

// Explicit, not globbed: a reader sees every module the API is made of.
export const resolvers: Resolvers[] = [
  nodeResolvers,
  sessionsResolvers,
  membersResolvers,
  placesResolvers,
  organisationsResolvers,
  peopleResolvers,
  visitsResolvers,
  interactionsResolvers,
  partnershipsResolvers,
  prioritiesResolvers,
  opportunitiesResolvers,
  followUpsResolvers,
  investorsResolvers,
  importsResolvers,
  gdprResolvers,
  auditResolvers,
  matchingResolvers,
  mergingResolvers,
  timelinesResolvers,
  briefingsResolvers,
  coordinationResolvers,
  searchResolvers,
  alumniResolvers,
  networkResolvers,
];
