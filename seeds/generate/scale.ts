// Scale tiers. S is tiny (tests, demos); M and L are the benchmark sizes:
// M = 10k people, 2k organisations, 100k interactions;
// L = 100k people, 20k organisations, 1M interactions, 60 members, 600 users.

export const SCALES = ["S", "M", "L"] as const;
export type Scale = (typeof SCALES)[number];

export interface Counts {
  members: number;
  users: number;
  organisations: number;
  people: number;
  interactions: number;
  partnerships: number;
  visits: number;
  opportunities: number;
  /** Follow-ups raised from interactions. */
  interactionFollowUps: number;
  /** Follow-ups on opportunities, people, partnerships, visits or nothing. */
  recordFollowUps: number;
  nationalPriorities: number;
}

const BASE: Record<Scale, Pick<Counts, "members" | "users" | "organisations" | "people" | "interactions">> = {
  S: { members: 5, users: 15, organisations: 60, people: 240, interactions: 800 },
  M: { members: 20, users: 150, organisations: 2_000, people: 10_000, interactions: 100_000 },
  L: { members: 60, users: 600, organisations: 20_000, people: 100_000, interactions: 1_000_000 },
};

/** Counts for a tier, or for a fraction (0 < f ≤ 1) of it, e.g. a 1% slice of M for tests. */
export function countsFor(scale: Scale, fraction = 1): Counts {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`fraction must be in (0, 1], got ${fraction}`);
  const base = BASE[scale];
  const f = (n: number, min: number) => Math.max(min, Math.round(n * fraction));
  const members = f(base.members, 4);
  const users = Math.max(members * 2, f(base.users, 8));
  const organisations = f(base.organisations, 30);
  const people = f(base.people, 60);
  const interactions = f(base.interactions, 100);
  const partnerships = Math.max(3, Math.round(organisations * 0.05));
  const visits = Math.max(3, Math.round(interactions * 0.003));
  const opportunities = Math.max(5, Math.round(organisations * 0.5));
  return {
    members,
    users,
    organisations,
    people,
    interactions,
    partnerships,
    visits,
    opportunities,
    interactionFollowUps: Math.round(interactions * 0.08),
    recordFollowUps: Math.round(opportunities * 0.5 + partnerships * 0.3 + visits * 0.5 + people * 0.02),
    nationalPriorities: scale === "S" ? 4 : 12,
  };
}
