import { type Interaction, type Org, type Person, type Rec, type UserM, type Visit, type World, addDays } from "./run-as-world.js";

// The reference: what a user may see, written from the sharing model in
// /work/shared/DESIGN.md and the field descriptions of schema/*.graphql, in
// the plainest terms possible. It deliberately does NOT import the policy
// module: the property compares two independent answers.
//
// Three-valued answers: 1 = must be shown, 0 = must not be shown, 0.5 = may
// be shown. "May" covers only archiving, which the design leaves to each path
// ("hidden from lists; kept for history"); visibility is never a "may".

export type Tri = 0 | 0.5 | 1;
export const and = (...t: Tri[]): Tri => Math.min(1, ...t) as Tri;
export const or = (...t: Tri[]): Tri => Math.max(0, ...t) as Tri;
/** Shown at most "may": extras a path is free to add but never promised. */
export const may = (t: Tri): Tri => Math.min(t, 0.5) as Tri;
const bool = (b: boolean): Tri => (b ? 1 : 0);

export interface Viewer {
  member: number;
  user: UserM;
}

// --- DESIGN.md, "Sharing model" ---

/** Erasing a person deletes them, their investor profiles and the follow-ups about them (schema/gdpr.graphql): gone for everyone. */
export function gone(r: Rec): boolean {
  if (r.kind === "Person") return r.erased;
  if (r.kind === "InvestorProfile") return r.person?.erased ?? false;
  if (r.kind === "FollowUp") return r.about?.kind === "Person" && r.about.erased;
  return false;
}

/** Owner member only when PRIVATE; everyone when NETWORK. An investor profile also needs its subject to be visible (schema/investors.graphql). */
export function sees(v: Viewer, r: Rec): boolean {
  if (gone(r)) return false;
  const shared = r.visibility === "NETWORK" || r.owner === v.member;
  if (r.kind === "InvestorProfile") return shared && sees(v, (r.person ?? r.org)!);
  return shared;
}
/** Email, phone, data-protection fields: the owner member only, even on a NETWORK record. */
export const ownerOnly = (v: Viewer, r: Rec) => r.owner === v.member;
/** Sensitive notes: the owner member only; other notes: whoever sees the interaction. */
export const readsNotes = (v: Viewer, i: Interaction) => sees(v, i) && (!i.sensitive || ownerOnly(v, i));
/** README/members.graphql: editors and admins of the owner member change a record. */
export const canEdit = (v: Viewer, r: Rec) => r.owner === v.member && v.user.role !== "VIEWER";
/** A record in a list, section or nested list: visible, and archived ones at the path's discretion. */
export const live = (v: Viewer, r: Rec): Tri => (!sees(v, r) ? 0 : r.archived ? 0.5 : 1);
/** A single reference (a follow-up's subject, an interaction's visit): the record when visible, else null. */
export const refTo = (v: Viewer, r: Rec | null): string | null => (r && sees(v, r) ? r.gid : null);

export type Expect = Map<string, Tri>;
const expect = (entries: [Rec, Tri][]): Expect => new Map(entries.map(([r, t]) => [r.gid, t]));

/** A top-level list: visible records, archived ones only with includeArchived. */
export function list(w: World, v: Viewer, kind: Rec["kind"], includeArchived: boolean): Expect {
  return expect(w.records.filter((r) => r.kind === kind).map((r) => [r, bool(sees(v, r) && (includeArchived || !r.archived))]));
}

// --- timelines (schema/timelines.graphql) ---

export interface TimelineExpect {
  interactions: Expect;
  followUps: Expect;
  visits: Expect;
}

/** "Interactions, follow-ups, visits and changes around this person/organisation that you can see." */
export function recordTimeline(w: World, v: Viewer, parent: Person | Org): TimelineExpect {
  const involves = (i: Interaction) => (parent.kind === "Person" ? i.participants.includes(parent) : i.orgs.includes(parent));
  const mine = w.interactions.filter(involves);
  return {
    interactions: expect(w.interactions.map((i) => [i, and(live(v, i), bool(involves(i)))])),
    followUps: expect(
      w.followUps.map((f) => {
        const about = f.about;
        const direct = bool(about === parent);
        const viaInteraction = about?.kind === "Interaction" && mine.includes(about) ? may(live(v, about)) : 0;
        return [f, and(live(v, f), or(direct, viaInteraction))];
      }),
    ),
    visits: expect(w.visits.map((vi) => [vi, may(and(live(v, vi), or(...mine.filter((i) => i.visit === vi).map((i) => live(v, i)))))])),
  };
}

/** Every world partnership has the city as an international party: its interactions are those there or with its international organisations. */
function partnershipScope(v: Viewer, p: Rec & { kind: "Partnership" }, i: Interaction): Tri {
  const international = p.orgParties.filter((q) => q.side === "INTERNATIONAL").map((q) => q.org);
  return or(bool(i.placed), ...i.orgs.filter((o) => international.includes(o)).map((o) => live(v, o)));
}

/** "Interactions with the international parties (organisations, or at its places), visits there, the partnership's follow-ups." */
export function partnershipTimeline(w: World, v: Viewer, p: Rec & { kind: "Partnership" }): TimelineExpect {
  const inScope = (i: Interaction) => and(live(v, i), partnershipScope(v, p, i));
  return {
    interactions: expect(w.interactions.map((i) => [i, inScope(i)])),
    // Every world visit goes to the city.
    visits: expect(w.visits.map((vi) => [vi, live(v, vi)])),
    followUps: expect(
      w.followUps.map((f) => {
        const a = f.about;
        const around = a?.kind === "Interaction" ? may(inScope(a)) : a?.kind === "Visit" ? may(live(v, a)) : 0;
        return [f, and(live(v, f), or(bool(a === p), around))];
      }),
    ),
  };
}

/** "Interactions and visits at this place or within it, their follow-ups." */
export function placeTimeline(w: World, v: Viewer): TimelineExpect {
  return {
    interactions: expect(w.interactions.map((i) => [i, and(live(v, i), bool(i.placed))])),
    visits: expect(w.visits.map((vi) => [vi, live(v, vi)])),
    followUps: expect(
      w.followUps.map((f) => {
        const a = f.about;
        const about = a?.kind === "Interaction" ? and(live(v, a), bool(a.placed)) : a?.kind === "Visit" ? live(v, a) : 0;
        return [f, and(live(v, f), about)];
      }),
    ),
  };
}

/** Per member, the interactions with a person or organisation the viewer can count: [certainly, at most]. */
export function engagement(w: World, v: Viewer, parent: Person | Org, withinDays = Infinity): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (const i of w.interactions) {
    const involved = parent.kind === "Person" ? i.participants.includes(parent) : i.orgs.includes(parent);
    const t = live(v, i);
    if (!involved || t === 0 || i.daysAgo > withinDays) continue;
    const [lo, hi] = out.get(i.owner) ?? [0, 0];
    out.set(i.owner, [lo + (t === 1 ? 1 : 0), hi + 1]);
  }
  return out;
}

// --- search (schema/search.graphql) ---

/** The world tag is a word of every name: every visible record of a searched kind is found, and the city. */
export function searchByTag(w: World, v: Viewer): Expect {
  const kinds = new Set(["Person", "Organisation", "Partnership", "Visit", "Interaction"]);
  const out = expect(w.records.filter((r) => kinds.has(r.kind)).map((r) => [r, live(v, r)]));
  out.set(w.city.gid, 1);
  return out;
}

/** The secret prefix is only in emails, data-protection notes and interaction notes: only notes the viewer may read match. */
export function searchBySecret(w: World, v: Viewer): Expect {
  return expect(w.interactions.map((i) => [i, and(live(v, i), bool(readsNotes(v, i)))]));
}

// --- alumni investors (schema/alumni.graphql) ---

export interface AlumnusExpect {
  shown: Tri;
  profiles: Expect;
  /** Members that must / may appear in knownBy. */
  knownBy: [Set<number>, Set<number>];
  /** Bounds of recentInteractionCount (interactions in the last 12 months the viewer can see). */
  recent: [number, number];
}

/** Alumni of university `u` with an investor profile the viewer can see: their own, or of an organisation they work for. */
export function alumni(w: World, v: Viewer, u: Org): Map<string, AlumnusExpect> {
  const out = new Map<string, AlumnusExpect>();
  for (const p of w.people.filter((x) => x.ties.includes(u))) {
    const profiles = expect(
      w.profiles.map((ip) => {
        if (ip.person === p) return [ip, live(v, ip)];
        if (ip.org && p.affiliations.includes(ip.org)) return [ip, and(live(v, ip), live(v, ip.org))];
        return [ip, 0];
      }),
    );
    const shown = and(live(v, p), live(v, u), or(...profiles.values()));
    const must = new Set<number>([p.owner]);
    const mayBe = new Set<number>([p.owner]);
    for (const ip of w.profiles) {
      const t = profiles.get(ip.gid) ?? 0;
      if (t === 1) must.add(ip.owner);
      if (t > 0) mayBe.add(ip.owner);
    }
    const withP = w.interactions.filter((i) => i.participants.includes(p));
    for (const i of withP) {
      if (live(v, i) === 1) must.add(i.owner);
      if (live(v, i) > 0) mayBe.add(i.owner);
    }
    const recent = withP.filter((i) => i.daysAgo <= 365);
    out.set(p.gid, {
      shown,
      profiles,
      knownBy: [must, mayBe],
      recent: [recent.filter((i) => live(v, i) === 1).length, recent.filter((i) => live(v, i) > 0).length],
    });
  }
  return out;
}

// --- introduction paths (schema/coordination.graphql) ---

export interface PathsExpect {
  /** Whether paths come back at all (null otherwise). */
  answered: Tri;
  /** Members (other than the viewer's) with a relationship with the person: each is an introducer. */
  introducers: Map<number, Tri>;
  /** Whether the viewer's own member has a direct link. */
  direct: Tri;
  /** Per member, the interactions with the person the viewer sees (certain, archived). */
  seen: Map<number, { certain: Interaction[]; archived: Interaction[] }>;
}

/** A member "has a relationship" with a person when it logged an interaction with them; only visible ones are described. */
export function introductionPaths(w: World, v: Viewer, p: Person): PathsExpect {
  const relation = new Map<number, Tri>();
  const seen = new Map<number, { certain: Interaction[]; archived: Interaction[] }>();
  for (const i of w.interactions.filter((x) => x.participants.includes(p))) {
    relation.set(i.owner, or(relation.get(i.owner) ?? 0, i.archived ? 0.5 : 1));
    const s = seen.get(i.owner) ?? { certain: [], archived: [] };
    if (live(v, i) === 1) s.certain.push(i);
    if (live(v, i) === 0.5) s.archived.push(i);
    seen.set(i.owner, s);
  }
  const introducers = new Map([...relation].filter(([m]) => m !== v.member));
  return { answered: live(v, p), introducers, direct: relation.get(v.member) ?? 0, seen };
}

// --- coordination alerts ---

/** Your member's open follow-ups past their due date. */
export function overdueFollowUps(w: World, v: Viewer): Expect {
  return expect(
    w.followUps.map((f) => [f, bool(sees(v, f) && f.owner === v.member && !f.archived && f.status === "OPEN" && f.dueOn !== null && f.dueOn < w.today)]),
  );
}

// --- briefings (schema/briefings.graphql): the world city, or a visit there ---

export interface BriefingExpect {
  partnerships: Expect;
  organisations: Expect;
  people: Expect;
  interactions: Expect;
  followUps: Expect;
  opportunities: Expect;
  alumni: Expect;
  investors: Expect;
  priorities: Expect;
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * A pack for a trip to the city from `from` (for `visit`, when given): records there that the viewer
 * can see, interactions there (or on the visit, or with people and organisations there) in the 24
 * months before, open follow-ups and opportunities about records there.
 */
export function briefing(w: World, v: Viewer, from: string, visit: Visit | null): BriefingExpect {
  const since = addMonths(from, -24);
  const there = (r: { placed: boolean }) => bool(r.placed);
  const about = (i: Interaction) =>
    or(
      bool(i.placed),
      bool(visit !== null && i.visit === visit),
      ...i.orgs.map((o) => and(live(v, o), there(o))),
      ...i.participants.map((p) => and(live(v, p), there(p))),
    );
  const recent = (i: Interaction) => and(live(v, i), about(i), bool(i.occurredAt.slice(0, 10) >= since));
  const openOpportunity = (op: Rec & { kind: "Opportunity" }) =>
    and(
      live(v, op),
      bool(["PROSPECT", "ACTIVE", "VERIFY_WIN"].includes(op.stage)),
      or(op.org ? and(live(v, op.org), there(op.org)) : 0, op.person ? and(live(v, op.person), there(op.person)) : 0),
    );
  const followUpThere = (a: Rec | null): Tri => {
    if (!a) return 0;
    switch (a.kind) {
      case "Interaction":
        return and(live(v, a), about(a));
      case "Person":
      case "Organisation":
        return and(live(v, a), there(a));
      case "Partnership":
      case "Visit":
        return live(v, a);
      case "Opportunity":
        return openOpportunity(a);
      default:
        return 0;
    }
  };
  return {
    partnerships: expect(w.partnerships.map((p) => [p, live(v, p)])),
    organisations: expect(w.orgs.map((o) => [o, and(live(v, o), there(o))])),
    people: expect(
      w.people.map((p) => [
        p,
        and(
          live(v, p),
          or(
            there(p),
            ...p.affiliations.map((o) => and(live(v, o), there(o))),
            ...w.interactions.filter((i) => i.participants.includes(p)).map(recent),
          ),
        ),
      ]),
    ),
    interactions: expect(w.interactions.map((i) => [i, recent(i)])),
    followUps: expect(w.followUps.map((f) => [f, and(live(v, f), bool(f.status === "OPEN"), followUpThere(f.about))])),
    opportunities: expect(w.opportunities.map((op) => [op, openOpportunity(op)])),
    alumni: expect(w.people.map((p) => [p, and(live(v, p), there(p), or(...p.ties.map((u) => live(v, u))))])),
    investors: expect(w.profiles.map((ip) => [ip, and(live(v, ip), live(v, (ip.person ?? ip.org)!), there((ip.person ?? ip.org)!))])),
    priorities: expect(w.priorities.map((pr) => [pr, live(v, pr)])),
  };
}

/** A visit's pack covers its dates; it exists for whoever can see the visit. */
export const visitBriefingFrom = (vi: Visit) => vi.startsOn;
export const placeBriefingDates = (w: World) => ({ from: w.today, to: addDays(w.today, 30) });

/** People in the city, for people.csv?placeId: the list's rule (archived ones left out). */
export function peopleInCity(w: World, v: Viewer): Expect {
  return expect(w.people.map((p) => [p, bool(sees(v, p) && !p.archived && p.placed)]));
}

/** retentionQueue: your own member's people only (archived ones still hold personal data). */
export function retentionQueue(w: World, v: Viewer): Expect {
  return expect(w.people.map((p) => [p, p.owner === v.member && !gone(p) ? (p.archived ? 0.5 : 1) : 0]));
}
