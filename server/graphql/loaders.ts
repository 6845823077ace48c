import type { Context } from "../context.js";
import { membersLoaders } from "../modules/members/members.loaders.js";
import { organisationsLoaders } from "../modules/organisations/organisations.loaders.js";
import { peopleLoaders } from "../modules/people/people.loaders.js";
import { placesLoaders } from "../modules/places/places.loaders.js";

// One factory per module, assembled per request (see createContext).
export function createLoaders(ctx: Context) {
  return {
    members: membersLoaders(ctx),
    places: placesLoaders(ctx),
    organisations: organisationsLoaders(ctx),
    people: peopleLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
