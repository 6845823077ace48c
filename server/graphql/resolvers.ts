import type { Resolvers } from "./generated.js";
import { nodeResolvers } from "./node.js";
import { membersResolvers } from "../modules/members/members.resolvers.js";
import { organisationsResolvers } from "../modules/organisations/organisations.resolvers.js";
import { peopleResolvers } from "../modules/people/people.resolvers.js";
import { placesResolvers } from "../modules/places/places.resolvers.js";
import { sessionsResolvers } from "../modules/sessions/sessions.resolvers.js";

// Explicit, not globbed: a reader sees every module the API is made of.
export const resolvers: Resolvers[] = [
  nodeResolvers,
  sessionsResolvers,
  membersResolvers,
  placesResolvers,
  organisationsResolvers,
  peopleResolvers,
];
