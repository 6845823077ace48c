import { parse } from "csv-parse/sync";
import { gql } from "./run-as-build.js";
import { type Session, arr, compareIds, idOf, ids, keep, name, obj, problem, same } from "./run-as-compare.js";
import * as ref from "./run-as-reference.js";
import type { Expect, Tri } from "./run-as-reference.js";
import { type Org, type Person, type Rec, type Visit, addDays } from "./run-as-world.js";

// The read paths built from many records: search, timelines, alumni
// investors, introduction paths, coordination alerts, briefings and CSV
// exports, each against the reference, for one user.

const token = (s: Session) => s.v.user.token;
const visibleOnly = (s: Session, where: string, gids: (string | null)[]) => {
  for (const g of gids) {
    const r = s.w.records.find((x) => x.gid === g);
    if (r && !ref.sees(s.v, r)) problem(s, where, `names ${name(s.w, g)}`);
  }
};

export async function checkSearch(s: Session): Promise<void> {
  const { w, v } = s;
  const hits = `totalCount pageInfo { hasNextPage endCursor } nodes { kind snippet record { id } }`;
  const queries: [string, string, Expect][] = [
    ["search(world tag)", w.tag, ref.searchByTag(w, v)],
    ["search(owner-only secret prefix)", w.sec, ref.searchBySecret(w, v)],
  ];
  for (const [where, text, expected] of queries) {
    const got: string[] = [];
    let after: string | null = null;
    let total: unknown = null;
    for (let n = 0; n < 20; n++) {
      const data = keep(
        s,
        where,
        await gql(s.url, `query($q: String!, $after: String) { s: search(query: $q, first: 100, after: $after) { ${hits} } }`, { q: text, after }, token(s)),
      );
      const conn = obj(data?.s);
      total ??= conn.totalCount;
      got.push(...(arr(conn.nodes).map((h) => idOf(h.record)) as string[]));
      if (!obj(conn.pageInfo).hasNextPage) break;
      after = obj(conn.pageInfo).endCursor as string;
    }
    same(s, `${where} totalCount (against the hits listed)`, total, got.length);
    compareIds(s, where, got, expected);
  }
}

const ENTRIES = `timeline(first: 30) { totalCount pageInfo { hasNextPage } nodes { kind interaction { id } followUp { id } visit { id } } } lastInteractionAt`;
const HEALTH = `relationshipHealth { byMember { member { id } interactions interactionsLast12Months } }`;

export async function checkTimelines(s: Session): Promise<void> {
  const { w, v } = s;
  const parents = [...w.people, ...w.orgs, ...w.partnerships].filter((r) => ref.sees(v, r));
  const field = (r: Rec) => (r.kind === "Person" ? "person" : r.kind === "Organisation" ? "organisation" : "partnership");
  const fields = parents.map((r, i) => `t${i}: ${field(r)}(id: "${r.gid}") { ${ENTRIES} ${r.kind === "Partnership" ? "" : HEALTH} }`);
  fields.push(`c: place(id: "${w.city.gid}") { ${ENTRIES} }`);
  const data = keep(s, "timelines", await gql(s.url, `query { ${fields.join(" ")} }`, {}, token(s)));
  if (!data) return;
  const compare = (where: string, parent: Record<string, unknown>, expected: ref.TimelineExpect) => {
    const t = obj(parent.timeline);
    const entries = arr(t.nodes);
    checkLastInteraction(s, where.replace(".timeline", ".lastInteractionAt"), parent.lastInteractionAt, expected.interactions);
    same(s, `${where} is one page`, obj(t.pageInfo).hasNextPage, false);
    same(s, `${where} totalCount (against the entries listed)`, t.totalCount, entries.length);
    compareIds(s, `${where} interactions`, entries.map((e) => idOf(e.interaction)), expected.interactions);
    compareIds(s, `${where} follow-ups`, entries.map((e) => idOf(e.followUp)), expected.followUps);
    compareIds(s, `${where} visits`, entries.map((e) => idOf(e.visit)), expected.visits);
  };
  parents.forEach((r, i) => {
    const d = obj(data[`t${i}`]);
    const where = `${field(r)}(id).timeline of ${r.key}`;
    if (r.kind === "Partnership") return compare(where, d, ref.partnershipTimeline(w, v, r));
    compare(where, d, ref.recordTimeline(w, v, r as Person | Org));
    checkEngagement(s, `${field(r)}(id).relationshipHealth of ${r.key}`, arr(obj(d.relationshipHealth).byMember), r as Person | Org);
  });
  compare("place(id).timeline of the city", obj(data.c), ref.placeTimeline(w, v));
}

/** The latest interaction the viewer can see: never the date of one they cannot. */
function checkLastInteraction(s: Session, where: string, actual: unknown, interactions: Expect): void {
  const at = (t: Tri) => s.w.interactions.filter((i) => (interactions.get(i.gid) ?? 0) >= t).map((i) => i.occurredAt);
  const certain = at(1).sort().at(-1) ?? null;
  const possible = at(0.5);
  const ok = actual === null ? certain === null : possible.includes(actual as string) && (certain === null || (actual as string) >= certain);
  if (!ok) problem(s, where, `is ${JSON.stringify(actual)}; the latest visible is ${certain ?? "none"} (possible: ${possible.join(", ") || "none"})`);
}

/** A count of records: at least the certain ones, at most those that may count. */
function checkCount(s: Session, where: string, actual: unknown, expected: Expect): void {
  const must = [...expected.values()].filter((t) => t === 1).length;
  const all = [...expected.values()].filter((t) => t > 0).length;
  if (typeof actual !== "number" || actual < must || actual > all) problem(s, where, `is ${JSON.stringify(actual)}, expected ${must}..${all}`);
}

/** Per member counts of interactions: another member's private interactions never count. */
function checkEngagement(s: Session, where: string, byMember: Record<string, unknown>[], parent: Person | Org, withRecent = true): void {
  const all = ref.engagement(s.w, s.v, parent);
  const recent = ref.engagement(s.w, s.v, parent, 365);
  const memberIndex = (gid: string | null) => s.w.members.findIndex((m) => m.gid === gid);
  for (const row of byMember) {
    const m = memberIndex(idOf(row.member));
    const [lo, hi] = all.get(m) ?? [0, 0];
    const [rlo, rhi] = recent.get(m) ?? [0, 0];
    const n = row.interactions as number;
    const r = withRecent ? (row.interactionsLast12Months as number) : rlo;
    if (m < 0 || n < lo || n > hi || r < rlo || r > rhi || hi === 0) {
      problem(s, where, `counts ${n} interactions (${r} in 12 months) for ${name(s.w, idOf(row.member))}; expected ${lo}..${hi} (${rlo}..${rhi})`);
    }
  }
  for (const [m, [lo]] of all) {
    if (lo > 0 && !byMember.some((row) => idOf(row.member) === s.w.members[m]!.gid)) problem(s, where, `leaves out M${m}`);
  }
}

export async function checkAlumniAndPaths(s: Session): Promise<void> {
  const { w, v } = s;
  const universities = w.orgs.filter((o) => o.university);
  const fields = [
    ...universities.map(
      (u, i) =>
        `a${i}: alumniInvestors(filter: { universityId: "${u.gid}" }, first: 10) { totalCount pageInfo { hasNextPage } ` +
        `nodes { person { id } investorProfiles { id } knownBy { id } recentInteractionCount lastContactAt } }`,
    ),
    ...w.people.map(
      (p, i) =>
        `i${i}: introductionPaths(personId: "${p.gid}", maxHops: 2, first: 25) { hops introducer { id } ` +
        `steps { from { type id } to { type id } kind strength lastContactAt opaque } } ` +
        `pm${i}: personMatches(name: "Person ${p.label}", email: "${w.sec}${p.key}m@example.org", first: 20) { person { id } reasons }`,
    ),
    ...w.orgs.map((o, i) => `om${i}: organisationMatches(name: "Organisation ${o.label}", first: 20) { organisation { id } }`),
  ];
  if (!fields.length) return;
  const data = keep(s, "alumniInvestors and introductionPaths", await gql(s.url, `query { ${fields.join(" ")} }`, {}, token(s)));
  if (!data) return;
  universities.forEach((u, i) => checkAlumni(s, `alumniInvestors(university ${u.key})`, obj(data[`a${i}`]), u));
  w.people.forEach((p, i) => checkPaths(s, `introductionPaths(${p.key})`, data[`i${i}`], p));
  // Duplicate matching: the record asked about, other visible look-alikes at most; an email matches your own member's records only.
  const likeAll = <T extends Rec>(list: T[], target: T): Expect => new Map(list.map((x) => [x.gid, x === target ? ref.live(v, x) : ref.may(ref.live(v, x))]));
  w.people.forEach((p, i) => {
    const matches = arr(data[`pm${i}`]);
    compareIds(s, `personMatches(${p.key})`, matches.map((m) => idOf(m.person)), likeAll(w.people, p));
    for (const m of matches) {
      const q = w.people.find((x) => x.gid === idOf(m.person));
      if (q && (m.reasons as string[]).includes("EMAIL") && !(q === p && ref.ownerOnly(v, q))) {
        problem(s, `personMatches(${p.key}) by email`, `matched ${name(w, q.gid)} by email`);
      }
    }
  });
  w.orgs.forEach((o, i) => compareIds(s, `organisationMatches(${o.key})`, arr(data[`om${i}`]).map((m) => idOf(m.organisation)), likeAll(w.orgs, o)));
}

function checkAlumni(s: Session, where: string, conn: Record<string, unknown>, u: Org): void {
  const expected = ref.alumni(s.w, s.v, u);
  const nodes = arr(conn.nodes);
  same(s, `${where} totalCount (against the people listed)`, conn.totalCount, nodes.length);
  compareIds(s, where, nodes.map((n) => idOf(n.person)), new Map([...expected].map(([g, e]) => [g, e.shown])));
  for (const n of nodes) {
    const e = expected.get(idOf(n.person) ?? "");
    if (!e) continue;
    const who = `${where} for ${name(s.w, idOf(n.person))}`;
    compareIds(s, `${who} investorProfiles`, ids(n.investorProfiles), e.profiles);
    const known = new Set(ids(n.knownBy));
    const [must, mayBe] = e.knownBy;
    for (const m of must) if (!known.has(s.w.members[m]!.gid)) problem(s, `${who} knownBy`, `leaves out M${m}`);
    for (const g of known) {
      const m = s.w.members.findIndex((x) => x.gid === g);
      if (m >= 0 && !mayBe.has(m)) problem(s, `${who} knownBy`, `names M${m}, which only hidden records link to the person`);
    }
    const person = s.w.people.find((p) => p.gid === idOf(n.person))!;
    checkLastInteraction(s, `${who} lastContactAt`, n.lastContactAt, ref.recordTimeline(s.w, s.v, person).interactions);
    const count = n.recentInteractionCount as number;
    if (count < e.recent[0] || count > e.recent[1]) problem(s, `${who} recentInteractionCount`, `is ${count}, expected ${e.recent[0]}..${e.recent[1]}`);
  }
}

function checkPaths(s: Session, where: string, result: unknown, p: Person): void {
  const { w, v } = s;
  const e = ref.introductionPaths(w, v, p);
  if (result === null || result === undefined) {
    if (e.answered === 1) problem(s, where, "is null, but the person is visible");
    return;
  }
  if (e.answered === 0) return problem(s, where, `answers for ${name(w, p.gid)}, which must not be visible`);
  const paths = arr(result);
  const introducers = new Set(paths.map((x) => idOf(x.introducer)).filter(Boolean));
  w.members.forEach((m, i) => {
    if (i === v.member) return;
    const t = e.introducers.get(i) ?? 0;
    if (t === 1 && !introducers.has(m.gid)) problem(s, where, `does not offer ${m.key} as an introducer, though it has a relationship with ${p.key}`);
    if (t === 0 && introducers.has(m.gid)) problem(s, where, `offers ${m.key} as an introducer without any relationship with ${p.key}`);
  });
  const direct: Tri = paths.some((x) => x.hops === 1 && !x.introducer) ? 1 : 0;
  if ((e.direct === 1 && direct === 0) || (e.direct === 0 && direct === 1)) problem(s, where, `direct path is ${direct}, expected ${e.direct}`);
  for (const step of paths.flatMap((x) => arr(x.steps))) {
    const from = obj(step.from);
    const to = obj(step.to);
    visibleOnly(s, `${where} step`, [idOf(from), idOf(to)]);
    if (from.type !== "MEMBER" || to.id !== p.gid) continue;
    const m = w.members.findIndex((x) => x.gid === from.id);
    const seen = e.seen.get(m) ?? { certain: [], archived: [] };
    const lo = seen.certain.length;
    const hi = lo + seen.archived.length;
    const dates = [...seen.certain, ...seen.archived].map((i) => i.occurredAt);
    if (step.kind === "RELATIONSHIP") {
      if (lo > 0 || !step.opaque || step.strength !== 1 || step.lastContactAt !== null) {
        problem(s, where, `opaque step from M${m} is ${JSON.stringify(step)}, but ${lo} of its interactions are visible`);
      }
    } else if (step.kind === "INTERACTION") {
      const strength = step.strength as number;
      if (hi === 0 || strength < Math.max(lo, 1) || strength > hi || !dates.includes(step.lastContactAt as string)) {
        problem(s, where, `step from M${m} is ${JSON.stringify(step)}; visible interactions: ${lo}..${hi} on ${dates.join(", ") || "none"}`);
      }
    }
  }
}

const ALERT = `kind members { id } place { id } organisation { id } person { id } partnership { id } followUp { id } visit { id } otherVisit { id }`;
const refsOf = (a: Record<string, unknown>) =>
  ["place", "organisation", "person", "partnership", "followUp", "visit", "otherVisit"].map((k) => idOf(a[k]));

const BRIEFING = `fragment BR on Briefing { visit { id } interactionTotal since
  partnerships { id parties { party { id } } lastInteractionAt recentInteractions } organisations { id lastInteractionAt recentInteractions }
  people { id affiliations { organisation { id } } knownBy { member { id } interactions } lastMetAt }
  interactions { id notes participants { id } organisations { id } }
  followUps { id about { id } } opportunities { id organisation { id } person { id } }
  alumni { person { id } university { id } } investors { id subject { id } } priorities { id }
  warnings { ${ALERT} } markdown }`;

export async function checkAlertsAndBriefings(s: Session): Promise<void> {
  const { w, v } = s;
  const { from, to } = ref.placeBriefingDates(w);
  // Every visit's pack (null for a hidden one); the city's pack when no visit shows the sections.
  const placePack = !w.visits.some((vi) => ref.sees(v, vi));
  const fields = [
    `alerts: coordinationAlerts(first: 100) { ${ALERT} }`,
    `engagement: engagementByPriority(from: "${addDays(w.today, -365)}", to: "${w.today}") { priorities { priority { id } } }`,
    ...(placePack ? [`place: placeBriefing(placeId: "${w.city.gid}", from: "${from}", to: "${to}") { ...BR }`] : []),
    ...w.visits.map((vi, i) => `v${i}: visitBriefing(visitId: "${vi.gid}") { ...BR }`),
  ];
  const data = keep(s, "coordinationAlerts and briefings", await gql(s.url, `query { ${fields.join(" ")} } ${BRIEFING}`, {}, token(s)));
  if (!data) return;
  visibleOnly(s, "engagementByPriority", arr(obj(data.engagement).priorities).map((p) => idOf(p.priority)));
  const alerts = arr(data.alerts);
  for (const a of alerts) visibleOnly(s, `coordinationAlerts ${String(a.kind)}`, refsOf(a));
  compareIds(s, "coordinationAlerts OVERDUE_FOLLOW_UP", alerts.filter((a) => a.kind === "OVERDUE_FOLLOW_UP").map((a) => idOf(a.followUp)), ref.overdueFollowUps(w, v));
  if (placePack) checkBriefing(s, "placeBriefing(city)", obj(data.place), ref.briefing(w, v, from, null));
  w.visits.forEach((vi, i) => {
    const b = data[`v${i}`];
    const where = `visitBriefing(${vi.key})`;
    if (!ref.sees(v, vi)) return void (b === null || problem(s, where, `answers for ${name(w, vi.gid)}, which must not be visible`));
    if (!b) return problem(s, where, "is null, but the visit is visible");
    same(s, `${where} visit`, idOf(obj(b).visit), vi.gid);
    checkBriefing(s, where, obj(b), ref.briefing(w, v, ref.visitBriefingFrom(vi), vi as Visit));
  });
}

function checkBriefing(s: Session, where: string, b: Record<string, unknown>, e: ref.BriefingExpect): void {
  const { w, v } = s;
  const rec = (g: string | null) => w.records.find((r) => r.gid === g);
  const of = <T extends Rec>(list: T[]): Expect => new Map(list.map((x) => [x.gid, ref.live(v, x)]));
  const since = String(b.since);
  const recentOnly = (interactions: Expect): Expect =>
    new Map([...interactions].map(([g, t]) => [g, w.interactions.find((i) => i.gid === g)!.occurredAt.slice(0, 10) >= since ? t : 0]));
  compareIds(s, `${where} partnerships`, ids(b.partnerships), e.partnerships);
  for (const p of arr(b.partnerships)) {
    const pt = rec(idOf(p));
    if (pt?.kind !== "Partnership") continue;
    const parties = arr(p.parties).map((q) => idOf(q.party));
    compareIds(s, `${where} parties of ${pt.key}`, parties, new Map([[w.city.gid, 1 as Tri], ...of(pt.orgParties.map((q) => q.org))]));
    const activity = ref.partnershipTimeline(w, v, pt).interactions;
    checkLastInteraction(s, `${where} partnership ${pt.key} lastInteractionAt`, p.lastInteractionAt, activity);
    checkCount(s, `${where} partnership ${pt.key} recentInteractions`, p.recentInteractions, recentOnly(activity));
  }
  compareIds(s, `${where} organisations`, ids(b.organisations), e.organisations);
  for (const o of arr(b.organisations)) {
    const org = rec(idOf(o));
    if (org?.kind !== "Organisation") continue;
    const withOrg = new Map([...e.interactions].map(([g, t]) => [g, w.interactions.find((i) => i.gid === g)!.orgs.includes(org) ? t : 0] as const));
    checkLastInteraction(s, `${where} organisation ${org.key} lastInteractionAt`, o.lastInteractionAt, withOrg);
    checkCount(s, `${where} organisation ${org.key} recentInteractions`, o.recentInteractions, withOrg);
  }
  compareIds(s, `${where} people`, ids(b.people), e.people);
  for (const p of arr(b.people)) {
    const person = rec(idOf(p));
    if (person?.kind !== "Person") continue;
    compareIds(s, `${where} affiliations of ${person.key}`, arr(p.affiliations).map((a) => idOf(a.organisation)), of(person.affiliations));
    checkEngagement(s, `${where} knownBy of ${person.key}`, arr(p.knownBy), person, false);
    checkLastInteraction(s, `${where} lastMetAt of ${person.key}`, p.lastMetAt, ref.recordTimeline(w, v, person).interactions);
  }
  compareIds(s, `${where} interactions`, ids(b.interactions), e.interactions);
  checkCount(s, `${where} interactionTotal`, b.interactionTotal, e.interactions);
  for (const i of arr(b.interactions)) {
    const r = rec(idOf(i));
    if (r?.kind !== "Interaction") continue;
    same(s, `${where} notes of ${r.key} shown`, i.notes !== null, ref.readsNotes(v, r));
    compareIds(s, `${where} participants of ${r.key}`, ids(i.participants), of(r.participants));
    compareIds(s, `${where} organisations of ${r.key}`, ids(i.organisations), of(r.orgs));
  }
  compareIds(s, `${where} followUps`, ids(b.followUps), e.followUps);
  for (const f of arr(b.followUps)) {
    const r = rec(idOf(f));
    if (r?.kind === "FollowUp") same(s, `${where} follow-up ${r.key} about`, idOf(f.about), ref.refTo(v, r.about));
  }
  compareIds(s, `${where} opportunities`, ids(b.opportunities), e.opportunities);
  for (const o of arr(b.opportunities)) {
    const r = rec(idOf(o));
    if (r?.kind !== "Opportunity") continue;
    same(s, `${where} opportunity ${r.key} organisation`, idOf(o.organisation), ref.refTo(v, r.org));
    same(s, `${where} opportunity ${r.key} person`, idOf(o.person), ref.refTo(v, r.person));
  }
  compareIds(s, `${where} alumni`, arr(b.alumni).map((a) => idOf(a.person)), e.alumni, { once: false });
  visibleOnly(s, `${where} alumni universities`, arr(b.alumni).map((a) => idOf(a.university)));
  compareIds(s, `${where} investors`, ids(b.investors), e.investors);
  visibleOnly(s, `${where} investor subjects`, arr(b.investors).map((x) => idOf(x.subject)));
  compareIds(s, `${where} priorities`, ids(b.priorities), e.priorities);
  for (const a of arr(b.warnings)) visibleOnly(s, `${where} warning ${String(a.kind)}`, refsOf(a));
}

/** A CSV export: its ID column against the reference, and owner-only columns filled for the owner member only. */
async function csv(s: Session, where: string, path: string, expected: Expect): Promise<void> {
  const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token(s)}` } });
  const text = await res.text();
  s.bodies.push({ where, text });
  if (res.status !== 200) return problem(s, where, `answered ${res.status}: ${text.slice(0, 300)}`);
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  same(s, `${where} X-Total-Count (against the rows)`, Number(res.headers.get("x-total-count")), rows.length);
  compareIds(s, where, rows.map((r) => r.ID ?? null), expected);
  for (const row of rows) {
    const r = s.w.records.find((x) => x.gid === row.ID);
    if (r && "Email" in row) same(s, `${where} Email of ${r.key} filled`, row.Email !== "", ref.ownerOnly(s.v, r));
  }
}

export async function checkExports(s: Session): Promise<void> {
  const { w, v } = s;
  await csv(s, "people.csv(city)", `/exports/people.csv?placeId=${w.city.gid}`, ref.peopleInCity(w, v));
  await csv(s, "search.csv(world tag)", `/exports/search.csv?query=${w.tag}`, ref.searchByTag(w, v));
  const u = w.orgs.find((o) => o.university);
  if (u) {
    const expected = new Map([...ref.alumni(w, v, u)].map(([g, e]) => [g, e.shown]));
    await csv(s, `alumni-investors.csv(${u.key})`, `/exports/alumni-investors.csv?universityId=${u.gid}`, expected);
  }
}

/** The network graph and "who knows": only records the viewer can see, and only interactions they can see counted. */
export async function checkNetwork(s: Session): Promise<void> {
  const { w, v } = s;
  const centres: (Person | Org)[] = [...w.people, ...w.orgs];
  const fields = [
    ...centres.map(
      (c, i) => `n${i}: network(centre: "${c.gid}", depth: 2, first: 60) { nodes { id kind } edges { source target kind strength } }`,
    ),
    ...w.people.map((p, i) => `k${i}: whoKnows(personId: "${p.gid}", first: 50) { user { id } member { id } interactions }`),
  ];
  if (!fields.length) return;
  const data = keep(s, "network and whoKnows", await gql(s.url, `query { ${fields.join(" ")} }`, {}, token(s)));
  if (!data) return;
  centres.forEach((c, i) => {
    const where = `network(${c.key})`;
    const graph = data[`n${i}`];
    const shown = ref.live(v, c);
    if (graph === null || graph === undefined) return void (shown === 1 && problem(s, where, "is null, but the record is visible"));
    if (shown === 0) return problem(s, where, `answers for ${name(w, c.gid)}, which must not be visible`);
    visibleOnly(s, `${where} nodes`, arr(obj(graph).nodes).map(idOf));
    for (const e of arr(obj(graph).edges)) {
      if (e.kind !== "INTERACTION") continue;
      const [a, b] = [String(e.source), String(e.target)];
      const m = w.members.findIndex((x) => x.gid === a || x.gid === b);
      const other = centres.find((x) => x.gid === a || x.gid === b);
      if (m < 0 || !other) continue;
      const [lo, hi] = ref.engagement(w, v, other).get(m) ?? [0, 0];
      const n = e.strength as number;
      if (n < lo || n > hi || hi === 0) problem(s, `${where} link M${m}–${other.key}`, `counts ${n} interactions, expected ${lo}..${hi}`);
    }
  });
  w.people.forEach((p, i) => {
    const where = `whoKnows(${p.key})`;
    const rows = data[`k${i}`];
    if (rows === null || rows === undefined) return void (ref.sees(v, p) && problem(s, where, "is null, but the person is visible"));
    if (!ref.sees(v, p)) return problem(s, where, `answers for ${name(w, p.gid)}, which must not be visible`);
    // A user met the person in an interaction they logged (its owner's writer) or attended.
    const met = (u: (typeof w.users)[number], t: Tri) =>
      w.interactions.filter(
        (x) => x.participants.includes(p) && ref.live(v, x) >= t && x.owner === u.member && (u === w.members[x.owner]!.users[0] || x.attendees.some((a) => w.members[x.owner]!.users[a] === u)),
      ).length;
    for (const u of w.users) {
      const row = arr(rows).find((r) => idOf(r.user) === u.gid);
      const [lo, hi] = [met(u, 1), met(u, 0.5)];
      const n = row ? (row.interactions as number) : 0;
      if (n < lo || n > hi) problem(s, where, `counts ${n} interactions for ${u.key} (M${u.member}), expected ${lo}..${hi}`);
    }
  });
}
