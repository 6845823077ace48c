import type { Context } from "../context.js";
import { followUpsLoaders } from "../modules/follow-ups/follow-ups.loaders.js";
import { investorsLoaders } from "../modules/investors/investors.loaders.js";
import { membersLoaders } from "../modules/members/members.loaders.js";
import { opportunitiesLoaders } from "../modules/opportunities/opportunities.loaders.js";
import { organisationsLoaders } from "../modules/organisations/organisations.loaders.js";
import { partnershipsLoaders } from "../modules/partnerships/partnerships.loaders.js";
import { peopleLoaders } from "../modules/people/people.loaders.js";
import { placesLoaders } from "../modules/places/places.loaders.js";
import { visitsLoaders } from "../modules/visits/visits.loaders.js";
import { interactionsLoaders } from "../modules/interactions/interactions.loaders.js";
import { prioritiesLoaders } from "../modules/priorities/priorities.loaders.js";
import { timelinesLoaders } from "../modules/timelines/timelines.loaders.js";

// One factory per module, assembled per request (see createContext).
export function createLoaders(ctx: Context) {
  return {
    members: membersLoaders(ctx),
    places: placesLoaders(ctx),
    organisations: organisationsLoaders(ctx),
    people: peopleLoaders(ctx),
    visits: visitsLoaders(ctx),
    interactions: interactionsLoaders(ctx),
    partnerships: partnershipsLoaders(ctx),
    priorities: prioritiesLoaders(ctx),
    opportunities: opportunitiesLoaders(ctx),
    followUps: followUpsLoaders(ctx),
    investors: investorsLoaders(ctx),
    timelines: timelinesLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
