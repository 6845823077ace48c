import fc from "fast-check";

// The random worlds of the run-as property test: a spec that fast-check
// generates and shrinks (references are small numbers resolved modulo the
// list they point into, so removing a record never makes a spec invalid),
// and its resolution into a model of records that the builder creates through
// the API and the reference reads. Nothing here knows how the server decides.

export type Role = "ADMIN" | "EDITOR" | "VIEWER";
export type Visibility = "PRIVATE" | "NETWORK";
export type Kind =
  | "Organisation"
  | "Person"
  | "Visit"
  | "Partnership"
  | "Interaction"
  | "Opportunity"
  | "InvestorProfile"
  | "FollowUp"
  | "Priority";

const ref = fc.nat({ max: 7 });
const owned = {
  owner: fc.nat({ max: 3 }),
  // Shrinks towards the simplest world: shared, not archived.
  private: fc.boolean(),
  archived: fc.nat({ max: 4 }).map((n) => n === 4),
};
const placed = fc.nat({ max: 3 }).map((n) => n !== 3);
/** Days before today: clear of every window edge (12 and 24 months, 365 days) by weeks. */
const AGES = [2, 30, 200, 390, 1200] as const;

export const worldSpecArb = fc.record({
  members: fc.array(
    fc.record({
      writer: fc.constantFrom<Role>("EDITOR", "ADMIN"),
      others: fc.array(fc.constantFrom<Role>("VIEWER", "EDITOR", "ADMIN"), { maxLength: 1 }),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  orgs: fc.array(fc.record({ ...owned, placed, university: fc.boolean(), parent: fc.option(ref, { nil: null }) }), { maxLength: 4 }),
  people: fc.array(
    fc.record({
      ...owned,
      placed,
      affiliations: fc.uniqueArray(ref, { maxLength: 2 }),
      ties: fc.uniqueArray(ref, { maxLength: 1 }),
      // Erased (UK GDPR) by an admin of its member, when it has one.
      erased: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
    }),
    { maxLength: 4 },
  ),
  visits: fc.array(
    fc.record({ ...owned, startIn: fc.integer({ min: -20, max: 60 }), days: fc.nat({ max: 5 }), participants: fc.uniqueArray(ref, { maxLength: 2 }) }),
    { maxLength: 2 },
  ),
  partnerships: fc.array(
    fc.record({
      ...owned,
      status: fc.constantFrom("ACTIVE", "PROPOSED", "DORMANT", "ENDED"),
      lead: fc.option(ref, { nil: null }),
      orgs: fc.uniqueArray(fc.record({ org: ref, uk: fc.boolean() }), { maxLength: 2, selector: (p) => p.org }),
    }),
    { maxLength: 2 },
  ),
  interactions: fc.array(
    fc.record({
      ...owned,
      placed,
      sensitive: fc.boolean(),
      age: fc.constantFrom(...AGES),
      participants: fc.uniqueArray(ref, { maxLength: 2 }),
      orgs: fc.uniqueArray(ref, { maxLength: 2 }),
      visit: fc.option(ref, { nil: null }),
      attendees: fc.nat({ max: 3 }),
    }),
    { maxLength: 4 },
  ),
  opportunities: fc.array(
    fc.record({
      ...owned,
      stage: fc.constantFrom("PROSPECT", "ACTIVE", "VERIFY_WIN", "WON", "LOST"),
      org: fc.option(ref, { nil: null }),
      person: fc.option(ref, { nil: null }),
    }),
    { maxLength: 2 },
  ),
  profiles: fc.array(fc.record({ ...owned, ofPerson: fc.boolean(), subject: ref }), { maxLength: 2 }),
  followUps: fc.array(
    fc.record({
      ...owned,
      about: fc.option(
        fc.record({ kind: fc.constantFrom<Kind>("Interaction", "Person", "Organisation", "Partnership", "Visit", "Opportunity"), ref }),
        { nil: null },
      ),
      due: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
      done: fc.nat({ max: 3 }).map((n) => n === 3),
      assignee: fc.option(ref, { nil: null }),
    }),
    { maxLength: 3 },
  ),
  priorities: fc.array(fc.record(owned), { maxLength: 1 }),
});
export type WorldSpec = typeof worldSpecArb extends fc.Arbitrary<infer T> ? T : never;

// --- the resolved model ---

export interface UserM {
  key: string;
  member: number;
  role: Role;
  /** Filled in by the builder. */
  id: string;
  gid: string;
  email: string;
  token: string;
}
export interface MemberM {
  key: string;
  users: UserM[];
  id: string;
  gid: string;
}

interface Base {
  kind: Kind;
  key: string;
  owner: number;
  visibility: Visibility;
  archived: boolean;
  id: string;
  gid: string;
  /** The one word of its name that is unique to it: world tag + key. */
  label: string;
}
export interface Org extends Base {
  kind: "Organisation";
  placed: boolean;
  university: boolean;
  parent: Org | null;
}
export interface Person extends Base {
  kind: "Person";
  placed: boolean;
  erased: boolean;
  affiliations: Org[];
  ties: Org[];
}
export interface Visit extends Base {
  kind: "Visit";
  startsOn: string;
  endsOn: string;
  participants: number[];
}
export interface Partnership extends Base {
  kind: "Partnership";
  status: string;
  lead: number | null;
  orgParties: { org: Org; side: "UK" | "INTERNATIONAL" }[];
}
export interface Interaction extends Base {
  kind: "Interaction";
  placed: boolean;
  sensitive: boolean;
  daysAgo: number;
  occurredAt: string;
  participants: Person[];
  orgs: Org[];
  visit: Visit | null;
  /** Users of the owner member (indexes into its users) who attended. */
  attendees: number[];
}
export interface Opportunity extends Base {
  kind: "Opportunity";
  stage: string;
  org: Org | null;
  person: Person | null;
}
export interface Profile extends Base {
  kind: "InvestorProfile";
  person: Person | null;
  org: Org | null;
}
export interface FollowUp extends Base {
  kind: "FollowUp";
  about: Rec | null;
  dueOn: string | null;
  status: "OPEN" | "DONE";
  /** An index into the owner member's users, or null (unassigned). */
  assignee: number | null;
}
export interface Priority extends Base {
  kind: "Priority";
}
export type Rec = Org | Person | Visit | Partnership | Interaction | Opportunity | Profile | FollowUp | Priority;

export interface World {
  /** Unique per generated world: every name carries it, so searches and leak checks can tell worlds apart. */
  tag: string;
  /** Prefix of the owner-only secrets (emails, notes, data-protection notes) of this world. */
  sec: string;
  country: string;
  today: string;
  city: { id: string; gid: string; label: string };
  members: MemberM[];
  users: UserM[];
  orgs: Org[];
  people: Person[];
  visits: Visit[];
  partnerships: Partnership[];
  interactions: Interaction[];
  opportunities: Opportunity[];
  profiles: Profile[];
  followUps: FollowUp[];
  priorities: Priority[];
  /** Every owned record, in creation order. */
  records: Rec[];
}

const pick = <T>(list: readonly T[], n: number | null): T | null => (n === null || list.length === 0 ? null : list[n % list.length]!);
const unique = <T>(list: (T | null)[]): T[] => [...new Set(list.filter((x): x is T => x !== null))];
const LETTER: Record<Kind, string> = {
  Organisation: "g",
  Person: "p",
  Visit: "v",
  Partnership: "t",
  Interaction: "r",
  Opportunity: "b",
  InvestorProfile: "f",
  FollowUp: "w",
  Priority: "z",
};

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The spec as records, ids still empty. Pure: the same spec always resolves to the same world shape. */
export function resolve(spec: WorldSpec, today: string): World {
  const m = spec.members.length;
  const members: MemberM[] = spec.members.map((s, i) => ({ key: `M${i}`, users: [], id: "", gid: "" }));
  const users: UserM[] = [];
  spec.members.forEach((s, i) => {
    for (const role of [s.writer, ...s.others]) {
      const user: UserM = { key: `u${users.length}`, member: i, role, id: "", gid: "", email: "", token: "" };
      users.push(user);
      members[i]!.users.push(user);
    }
  });
  const counts = new Map<Kind, number>();
  const base = <K extends Kind>(kind: K, o: { owner: number; private: boolean; archived: boolean }) => {
    const n = counts.get(kind) ?? 0;
    counts.set(kind, n + 1);
    return {
      kind,
      key: `${LETTER[kind]}${n}`,
      owner: o.owner % m,
      visibility: (o.private ? "PRIVATE" : "NETWORK") as Visibility,
      archived: o.archived,
      id: "",
      gid: "",
      label: "",
    };
  };

  const orgs: Org[] = [];
  for (const s of spec.orgs) {
    // One level of parents, pointing back: every parent exists (and is shared) when its child is created.
    const parent = pick(orgs.filter((o) => o.parent === null), s.parent);
    orgs.push({ ...base("Organisation", s), placed: s.placed, university: s.university, parent });
  }
  const universities = orgs.filter((o) => o.university);
  const people: Person[] = spec.people.map((s) => ({
    ...base("Person", s),
    placed: s.placed,
    erased: s.erased && spec.members[s.owner % m]!.writer === "ADMIN",
    affiliations: unique(s.affiliations.map((r) => pick(orgs, r))),
    ties: unique(s.ties.map((r) => pick(universities, r))),
  }));
  const visits: Visit[] = spec.visits.map((s) => ({
    ...base("Visit", s),
    startsOn: addDays(today, s.startIn),
    endsOn: addDays(today, s.startIn + s.days),
    participants: unique(s.participants.map((r) => r % m)),
  }));
  const partnerships: Partnership[] = spec.partnerships.map((s) => {
    const parties = new Map<Org, "UK" | "INTERNATIONAL">();
    for (const p of s.orgs) {
      const org = pick(orgs, p.org);
      if (org && !parties.has(org)) parties.set(org, p.uk ? "UK" : "INTERNATIONAL");
    }
    return {
      ...base("Partnership", s),
      status: s.status,
      lead: s.lead === null ? null : s.lead % m,
      orgParties: [...parties].map(([org, side]) => ({ org, side })),
    };
  });
  const interactions: Interaction[] = spec.interactions.map((s) => {
    const b = base("Interaction", s);
    const ownUsers = members[b.owner]!.users.length;
    return {
      ...b,
      placed: s.placed,
      sensitive: s.sensitive,
      daysAgo: s.age,
      occurredAt: `${addDays(today, -s.age)}T09:30:00.000Z`,
      participants: unique(s.participants.map((r) => pick(people, r))),
      orgs: unique(s.orgs.map((r) => pick(orgs, r))),
      visit: pick(visits, s.visit),
      attendees: [0, 1].filter((u) => u < ownUsers && (s.attendees >> u) & 1),
    };
  });
  const opportunities: Opportunity[] = spec.opportunities.map((s) => ({
    ...base("Opportunity", s),
    stage: s.stage,
    org: pick(orgs, s.org),
    person: pick(people, s.person),
  }));
  const profiles: Profile[] = [];
  for (const s of spec.profiles) {
    const person = s.ofPerson ? pick(people, s.subject) : null;
    const org = person ? null : pick(orgs, s.subject);
    if (person || org) profiles.push({ ...base("InvestorProfile", s), person, org });
  }
  const byKind: Partial<Record<Kind, readonly Rec[]>> = {
    Interaction: interactions,
    Person: people,
    Organisation: orgs,
    Partnership: partnerships,
    Visit: visits,
    Opportunity: opportunities,
  };
  const followUps: FollowUp[] = spec.followUps.map((s) => {
    const b = base("FollowUp", s);
    return {
      ...b,
      about: s.about ? pick(byKind[s.about.kind] ?? [], s.about.ref) : null,
      dueOn: s.due === null ? null : addDays(today, s.due),
      status: s.done ? "DONE" : "OPEN",
      assignee: s.assignee === null ? null : s.assignee % members[b.owner]!.users.length,
    };
  });
  const priorities: Priority[] = spec.priorities.map((s) => ({ ...base("Priority", s) }));
  const records: Rec[] = [...orgs, ...people, ...visits, ...partnerships, ...interactions, ...opportunities, ...profiles, ...followUps, ...priorities];
  return {
    tag: "",
    sec: "",
    country: "",
    today,
    city: { id: "", gid: "", label: "" },
    members,
    users,
    orgs,
    people,
    visits,
    partnerships,
    interactions,
    opportunities,
    profiles,
    followUps,
    priorities,
    records,
  };
}

// --- printing a world, for counterexamples ---

const keys = (list: readonly { key: string }[]) => (list.length ? list.map((r) => r.key).join(",") : "-");

function details(r: Rec, w: World): string {
  switch (r.kind) {
    case "Organisation":
      return `${r.placed ? "in city" : "no place"}${r.university ? " university" : ""}${r.parent ? ` parent ${r.parent.key}` : ""}`;
    case "Person":
      return `${r.placed ? "in city" : "no place"} affiliations ${keys(r.affiliations)} ties ${keys(r.ties)}`;
    case "Visit":
      return `${r.startsOn}..${r.endsOn} to city, with ${r.participants.map((i) => `M${i}`).join(",") || "-"}`;
    case "Partnership":
      return `${r.status}${r.lead === null ? "" : ` lead M${r.lead}`} city (INTERNATIONAL) ${r.orgParties.map((p) => `${p.org.key} (${p.side})`).join(" ")}`;
    case "Interaction":
      return (
        `${r.daysAgo}d ago ${r.placed ? "in city" : "no place"}${r.sensitive ? " SENSITIVE notes" : ""} people ${keys(r.participants)} ` +
        `orgs ${keys(r.orgs)}${r.visit ? ` visit ${r.visit.key}` : ""} attendees ${r.attendees.map((u) => w.members[r.owner]!.users[u]!.key).join(",") || "-"}`
      );
    case "Opportunity":
      return `${r.stage} org ${r.org?.key ?? "-"} person ${r.person?.key ?? "-"}`;
    case "InvestorProfile":
      return `of ${(r.person ?? r.org)!.key}`;
    case "FollowUp":
      return (
        `${r.status} due ${r.dueOn ?? "-"} about ${r.about ? `${r.about.kind} ${r.about.key}` : "-"} ` +
        `assignee ${r.assignee === null ? "-" : w.members[r.owner]!.users[r.assignee]!.key}`
      );
    case "Priority":
      return `country ${w.country || "(world country)"}`;
  }
}

export function describeRecord(r: Rec): string {
  return `${r.key} ${r.kind} of M${r.owner} ${r.visibility}${r.archived ? " ARCHIVED" : ""}${r.kind === "Person" && r.erased ? " ERASED" : ""}`;
}

/** The world as lines a person can read: members and users, then every record with what it refers to. */
export function describeWorld(w: World): string {
  const lines = [`world ${w.tag || "(not built)"}: today ${w.today}, city ${w.city.label || "c"} in ${w.country || "?"}`];
  for (const m of w.members) lines.push(`  ${m.key}: ${m.users.map((u) => `${u.key} ${u.role}`).join(", ")}`);
  for (const r of w.records) lines.push(`  ${describeRecord(r)}: ${details(r, w)}`);
  return lines.join("\n");
}
