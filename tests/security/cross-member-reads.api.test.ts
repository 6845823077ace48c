import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildSchema } from "../../server/graphql/schema.js";
import { type Scenario, day, expectNoLeak, makeScenario } from "../support/adversary.js";
import { gid } from "../support/factories.js";
import { type GraphQLResponse, type TestServer, startTestServer } from "../support/server.js";

// A user of member B, with a valid account, asks for member A's private records by
// every read path. Table-driven: every Query field has an entry, or this file fails,
// so a new read path must say how it keeps A's records out. Each probe's whole answer
// (data and errors) is searched for anything of A's private data (expectNoLeak), and
// most also prove the path works by showing A's NETWORK twin (`shows`).

let server: TestServer;
let s: Scenario;

beforeAll(async () => {
  server = await startTestServer();
  s = await makeScenario(server);
});
afterAll(() => server.stop());

type Data = Record<string, unknown>;
interface Probe {
  query: string;
  vars?: Record<string, unknown>;
  /** Who asks; the attacker (an EDITOR of B) by default. */
  as?: "attacker" | "attackerAdmin";
  /** The answer must include member A's NETWORK twin (so the path is really exercised). */
  shows?: boolean;
  /** Top-level fields that must come back null (missing and hidden look alike). */
  nulls?: string[];
  /** An error code the answer must carry (the same as for a missing record). */
  code?: string;
  check?: (data: Data) => void;
}

/** A value at a dotted path of the answer. */
const dig = (data: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), data);

const HEALTH = `lastInteractionAt dormant relationshipHealth { lastInteractionAt interactionsLast12Months myMemberLastInteractionAt byMember { member { name } interactions lastInteractionAt } }`;
const TIMELINE = `timeline(first: 50) { totalCount nodes { kind at interaction { id subject notes } followUp { id title } visit { id title } change { action fields } } }`;
const INTERACTIONS = `interactions(first: 50) { totalCount nodes { id subject notes outcome participants { id fullName } organisations { id name } visit { id title } } }`;
const OWNED = `visibility ownerMember { name } canEdit version`;
const SEL: Record<string, string> = {
  Person: `id fullName jobTitle bio email phone lawfulBasisNote retentionReviewOn sectors ${OWNED} affiliations { id role organisation { id name } }
    alumniTies { id degree university { id name } } investorProfiles { id sectors notes } ${INTERACTIONS} ${TIMELINE} ${HEALTH}`,
  Organisation: `id name description sectors ${OWNED} parent { id name } affiliations { id role person { id fullName } } investorProfiles { id notes }
    ${INTERACTIONS} ${TIMELINE} ${HEALTH}`,
  Interaction: `id subject notes notesSensitive outcome ${OWNED} visit { id title } participants { id fullName email } organisations { id name } internalAttendees { id name email } loggedBy { id email }`,
  Visit: `id title objectives ${OWNED} destinations { id name } leadMember { name } participatingMembers { name }`,
  Partnership: `id name description ${OWNED} parties { id side place { name } organisation { id name } } ${TIMELINE} ${HEALTH}`,
  Opportunity: `id title sector ${OWNED} organisation { id name } person { id fullName }`,
  FollowUp: `id title notes ${OWNED} assignee { id email } person { id fullName } organisation { id name } interaction { id subject } visit { id title } partnership { id name } opportunity { id title }`,
  InvestorProfile: `id sectors notes ${OWNED} person { id fullName } organisation { id name }`,
  Priority: `id name sector description ${OWNED}`,
  Place: `id name ${TIMELINE} ${HEALTH}`,
};
const BRIEFING = `title objectives partnerships { id name description parties { party { id name } } lastInteractionAt recentInteractions }
  organisations { id name description recentInteractions } people { id fullName bio knownBy { member { name } interactions } affiliations { organisation { id name } role } }
  interactions { id subject notes outcome participants { id name } organisations { id name } } interactionTotal followUps { id title about { id name } }
  opportunities { id title organisation { id name } person { id name } } alumni { person { id name } degree } investors { id subject { id name } sectors }
  priorities { id name sector } warnings { kind message otherVisit { id name } person { id name } organisation { id name } } pointsToTake { text } markdown`;
const ALERTS = `key kind message members { name } place { name } organisation { id name } person { id name } partnership { id name } followUp { id name } visit { id name } otherVisit { id name }`;

/** By id: A's private record is null, its NETWORK twin is shown without owner-only fields. */
function byId(field: string, type: string, key: keyof Scenario["secret"]): (s: Scenario) => Probe[] {
  const query = `query($id: ID!) { ${field}(id: $id) { ${SEL[type]} } }`;
  return (s) => [
    { query, vars: { id: gid(type, s.secret[key].id) }, nulls: [field] },
    { query, vars: { id: gid(type, s.shared[key].id) }, shows: true },
  ];
}

/** Lists select the records' own fields (their nested lists are probed through byId). */
const FLAT = (type: string) => SEL[type]!.replace(INTERACTIONS, "").replace(TIMELINE, "");

/** A list: A's twin is listed, its private record is not, and totalCount agrees with the nodes. */
function list(field: string, type: string, hasQueryFilter = false): (s: Scenario) => Probe[] {
  const counted = (data: Data) => expect(dig(data, `${field}.totalCount`)).toBe((dig(data, `${field}.nodes`) as unknown[]).length);
  return (s) => [
    { query: `{ ${field}(first: 25) { totalCount nodes { ${FLAT(type)} } } }`, shows: true, check: counted },
    ...(hasQueryFilter
      ? [{ query: `query($q: String) { ${field}(filter: { query: $q }) { totalCount nodes { id } } }`, vars: { q: s.secretMark }, check: (d: Data) => expect(dig(d, `${field}.totalCount`)).toBe(0) }]
      : []),
  ];
}

const READS: Record<string, (s: Scenario) => Probe[]> = {
  node: (s) => [
    ...s.forbidden.filter((f) => /^[A-Za-z0-9_-]{40,}$/.test(f)).map((id) => ({ query: `query($id: ID!) { node(id: $id) { id } }`, vars: { id }, nulls: ["node"] })),
    { query: `query($id: ID!) { node(id: $id) { id ... on Person { fullName } } }`, vars: { id: gid("Person", s.shared.person.id) }, shows: true },
  ],
  person: byId("person", "Person", "person"),
  organisation: byId("organisation", "Organisation", "organisation"),
  interaction: byId("interaction", "Interaction", "interaction"),
  visit: byId("visit", "Visit", "visit"),
  partnership: byId("partnership", "Partnership", "partnership"),
  opportunity: byId("opportunity", "Opportunity", "opportunity"),
  followUp: byId("followUp", "FollowUp", "followUp"),
  investorProfile: byId("investorProfile", "InvestorProfile", "investorProfile"),
  priority: byId("priority", "Priority", "priority"),
  people: list("people", "Person", true),
  organisations: list("organisations", "Organisation", true),
  interactions: list("interactions", "Interaction"),
  visits: list("visits", "Visit", true),
  partnerships: list("partnerships", "Partnership", true),
  opportunities: list("opportunities", "Opportunity"),
  followUps: list("followUps", "FollowUp"),
  investorProfiles: list("investorProfiles", "InvestorProfile"),
  priorities: list("priorities", "Priority"),
  place: (s) => [
    { query: `query($id: ID!) { place(id: $id) { ${SEL.Place} } }`, vars: { id: gid("Place", s.place.id) }, shows: true },
    { query: `query($id: ID!) { place(id: $id) { ${SEL.Place} } }`, vars: { id: gid("Place", s.country.id) }, shows: true },
  ],
  places: (s) => [{ query: `query($q: String) { places(filter: { query: $q }) { totalCount nodes { id name } } }`, vars: { q: s.place.name }, check: (d) => expect(dig(d, "places.totalCount")).toBe(1) }],
  visitCalendar: () => [{ query: `query($from: Date!, $to: Date!) { visitCalendar(from: $from, to: $to) { ${SEL.Visit} } }`, vars: { from: day(0), to: day(60) }, shows: true }],
  search: (s) => [
    { query: `query($q: String!) { search(query: $q, first: 100) { totalCount nodes { kind snippet record { id } } } }`, vars: { q: s.secretMark }, check: (d) => expect(dig(d, "search.totalCount")).toBe(0) },
    { query: `query($q: String!) { search(query: $q, first: 100) { totalCount nodes { kind snippet record { id } } } }`, vars: { q: s.sharedMark }, shows: true },
    // Owner-only text (the twin's email) never matches.
    { query: `query($q: String!) { search(query: $q) { totalCount } }`, vars: { q: `${s.secretMark.toLowerCase()}@victim.example` }, check: (d) => expect(dig(d, "search.totalCount")).toBe(0) },
  ],
  savedSearches: () => [{ query: `{ savedSearches { id name search { query } } }`, check: (d) => expect(d.savedSearches).toEqual([]) }],
  savedSearch: (s) => [{ query: `query($id: ID!) { savedSearch(id: $id) { id name searchResults { totalCount } } }`, vars: { id: s.victimPrivate.savedSearch }, nulls: ["savedSearch"] }],
  personMatches: (s) => [
    { query: `query($n: String) { personMatches(name: $n, first: 20) { person { id fullName email } reasons } }`, vars: { n: `${s.secretMark} Person` }, check: (d) => expect(d.personMatches).toEqual([]) },
    { query: `query($n: String) { personMatches(name: $n, first: 20) { person { id fullName email } reasons } }`, vars: { n: `${s.sharedMark} Person` }, shows: true },
    { query: `query($e: String) { personMatches(email: $e) { person { id } } }`, vars: { e: `${s.secretMark.toLowerCase()}@victim.example` }, check: (d) => expect(d.personMatches).toEqual([]) },
  ],
  organisationMatches: (s) => [
    { query: `query($n: String!) { organisationMatches(name: $n, first: 20) { organisation { id name } } }`, vars: { n: `${s.secretMark} Holdings` }, check: (d) => expect(d.organisationMatches).toEqual([]) },
    { query: `query($n: String!) { organisationMatches(name: $n, first: 20) { organisation { id name } } }`, vars: { n: `${s.sharedMark} Holdings` }, shows: true },
  ],
  visitBriefing: (s) => [
    { query: `query($id: ID!) { visitBriefing(visitId: $id) { title } }`, vars: { id: gid("Visit", s.secret.visit.id) }, nulls: ["visitBriefing"] },
    { query: `query($id: ID!) { visitBriefing(visitId: $id) { ${BRIEFING} } }`, vars: { id: gid("Visit", s.shared.visit.id) }, shows: true },
    { query: `query($id: ID!) { visitBriefing(visitId: $id) { ${BRIEFING} } }`, vars: { id: gid("Visit", s.attackerOwn.visit.id) }, shows: true },
  ],
  placeBriefing: (s) =>
    [s.place, s.country].map((p) => ({
      query: `query($id: ID!, $from: Date!, $to: Date!) { placeBriefing(placeId: $id, from: $from, to: $to) { ${BRIEFING} } }`,
      vars: { id: gid("Place", p.id), from: day(15), to: day(45) },
      shows: true,
    })),
  coordinationAlerts: () => [{ query: `{ coordinationAlerts(first: 100) { ${ALERTS} } }`, shows: true, check: (d) => expect((d.coordinationAlerts as unknown[]).length).toBeGreaterThan(0) }],
  introductionPaths: (s) => [
    { query: `query($id: ID!) { introductionPaths(personId: $id) { hops } }`, vars: { id: gid("Person", s.secret.person.id) }, nulls: ["introductionPaths"] },
    ...[s.shared.person, s.attackerOwn.person].map((p) => ({
      query: `query($id: ID!) { introductionPaths(personId: $id, first: 25) { hops introducer { id name } steps { kind description opaque from { id name } to { id name } } } }`,
      vars: { id: gid("Person", p.id) },
    })),
  ],
  network: (s) => [
    { query: `query($id: ID!) { network(centre: $id) { depth } }`, vars: { id: gid("Person", s.secret.person.id) }, nulls: ["network"] },
    ...[gid("Person", s.shared.person.id), gid("Organisation", s.attackerOwn.university.id), gid("Person", s.attackerOwn.person.id)].map((id, i) => ({
      query: `query($id: ID!) { network(centre: $id, depth: 2, first: 200) { nodes { id kind name } edges { source target kind strength description } } }`,
      vars: { id },
      // Members are not expanded, so B's own contact links to A's twin only through A.
      shows: i < 2,
    })),
  ],
  whoKnows: (s) => [
    { query: `query($id: ID!) { whoKnows(personId: $id) { interactions } }`, vars: { id: gid("Person", s.secret.person.id) }, nulls: ["whoKnows"] },
    { query: `query($id: ID!) { whoKnows(personId: $id, first: 50) { user { id name email } member { name } interactions lastMetAt } }`, vars: { id: gid("Person", s.shared.person.id) } },
  ],
  engagementByPriority: () => [
    {
      query: `query($from: Date!, $to: Date!) { engagementByPriority(from: $from, to: $to) { priorities { priority { id name } total { interactions } }
        markets { countryCode total { interactions visits opportunities } byMember { member { name } counts { interactions } } } sectors { sector total { opportunities } } } }`,
      vars: { from: day(-300), to: day(60) },
      shows: true,
    },
  ],
  alumniInvestors: (s) => [
    {
      query: `query($u: ID) { alumniInvestors(first: 10, filter: { universityId: $u }) { totalCount nodes { person { id fullName email } sectors investorProfiles { id notes } alumniTies { id degree } knownBy { name } fitReasons lastContactAt recentInteractionCount } } }`,
      vars: { u: gid("Organisation", s.attackerOwn.university.id) },
      shows: true,
      // The twin only (found through its NETWORK profile), with only its two visible interactions.
      check: (d) => expect(dig(d, "alumniInvestors")).toMatchObject({ totalCount: 1, nodes: [{ recentInteractionCount: 2 }] }),
    },
    { query: `query($q: String) { alumniInvestors(filter: { query: $q }) { totalCount } }`, vars: { q: s.secretMark }, check: (d) => expect(dig(d, "alumniInvestors.totalCount")).toBe(0) },
  ],
  retentionQueue: () => [{ as: "attackerAdmin", query: `query($by: Date) { retentionQueue(dueBy: $by, first: 100) { totalCount nodes { id fullName } } }`, vars: { by: day(400) } }],
  personDataExport: (s) =>
    [
      [s.secret.person, "NOT_FOUND"],
      [s.shared.person, "FORBIDDEN"], // visible, but not B's to export
    ].map(([p, code]) => ({ as: "attackerAdmin" as const, query: `query($id: ID!) { personDataExport(personId: $id) { json } }`, vars: { id: gid("Person", (p as { id: string }).id) }, code: code as string })),
  auditEvents: (s) => [
    { as: "attackerAdmin", query: `{ auditEvents(first: 100) { totalCount nodes { action recordType recordId changes member { name } } } }` },
    { as: "attackerAdmin", query: `query($r: ID) { auditEvents(filter: { recordId: $r }) { totalCount } }`, vars: { r: gid("Person", s.shared.person.id) }, check: (d) => expect(dig(d, "auditEvents.totalCount")).toBe(0) },
  ],
  importJob: (s) => [{ query: `query($id: ID!) { importJob(id: $id) { id fileName columns } }`, vars: { id: s.victimPrivate.importJob }, nulls: ["importJob"] }],
  importJobs: () => [{ query: `{ importJobs(first: 100) { totalCount nodes { id fileName } } }`, check: (d) => expect(dig(d, "importJobs.totalCount")).toBe(0) }],
  importPreview: (s) => [{ query: `query($id: ID!) { importPreview(jobId: $id) { columns sampleRows } }`, vars: { id: s.victimPrivate.importJob }, code: "NOT_FOUND" }],
  importMappings: () => [{ query: `{ importMappings(entity: PEOPLE) { id name } }`, check: (d) => expect(d.importMappings).toEqual([]) }],
  importFields: () => [{ query: `{ importFields(entity: PEOPLE) { name label } }` }],
  member: (s) => [{ query: `query($id: ID!) { member(id: $id) { name users(first: 100) { totalCount nodes { id name email } } } }`, vars: { id: gid("Member", s.victim.member.id) } }],
  members: () => [{ query: `{ members(first: 10) { totalCount nodes { name users(first: 10) { nodes { name email role } } } } }` }],
  user: (s) => [{ query: `query($id: ID!) { user(id: $id) { id name email member { name } } }`, vars: { id: gid("User", s.victim.user.id) }, check: (d) => expect(dig(d, "user.email")).toBeNull() }],
  // The viewer's own user and public fields: nothing of another member's, still checked for leaks.
  me: () => [{ query: `{ me { id email member { name users { nodes { email } } } } }` }],
  ping: () => [{ query: `{ ping }` }],
  demoSignIns: () => [{ query: `{ demoSignIns { email memberName } }` }],
};

describe("cross-member reads", () => {
  it("has an entry for every Query field (add new read paths to READS)", () => {
    const fields = Object.keys(buildSchema().getQueryType()!.getFields()).sort();
    expect(fields.filter((f) => !(f in READS))).toEqual([]);
  });

  it("requires authentication on every read path but the public ones", async () => {
    for (const [field, probes] of Object.entries(READS)) {
      if (["ping", "demoSignIns"].includes(field)) continue;
      const probe = probes(s)[0]!;
      const res = await server.gql(probe.query, probe.vars);
      expect({ field, code: res.errors?.[0]?.extensions?.code }).toEqual({ field, code: "UNAUTHENTICATED" });
      expectNoLeak(s, res, field);
    }
  });

  it.each(Object.keys(READS))("%s: member B cannot read member A's private records", async (field) => {
    for (const probe of READS[field]!(s)) {
      const token = (probe.as === "attackerAdmin" ? s.attackerAdmin : s.attacker).token;
      const res: GraphQLResponse<Data> = await server.gql<Data>(probe.query, probe.vars, token);
      const where = `${field} ${JSON.stringify(probe.vars ?? {})}`;
      expect({ where, status: res.status, errors: res.status === 200 ? undefined : res.errors }).toEqual({ where, status: 200, errors: undefined });
      expectNoLeak(s, { data: res.data, errors: res.errors }, where);
      if (probe.code) {
        expect({ where, code: res.errors?.[0]?.extensions?.code }).toEqual({ where, code: probe.code });
        continue;
      }
      expect({ where, errors: res.errors }).toEqual({ where, errors: undefined });
      for (const key of probe.nulls ?? []) expect({ where, value: res.data?.[key] }).toEqual({ where, value: null });
      if (probe.shows) expect({ where, shows: JSON.stringify(res.data).includes(s.sharedMark) }).toEqual({ where, shows: true });
      probe.check?.(res.data ?? {});
    }
  });

  it("counts only what member B may see on the NETWORK twin (no private interaction is counted)", async () => {
    const res = await server.gql<Data>(
      `query($id: ID!) { person(id: $id) { lastInteractionAt affiliations { id } investorProfiles { id } interactions { totalCount } relationshipHealth { interactionsLast12Months } } }`,
      { id: gid("Person", s.shared.person.id) },
      s.attacker.token,
    );
    // A's private meeting with the twin (two days ago) is later than anything B may see.
    expect(res.data?.person).toEqual({
      lastInteractionAt: s.attackerOwn.interaction.occurredAt.toISOString(),
      affiliations: [{ id: expect.any(String) }],
      investorProfiles: [{ id: gid("InvestorProfile", s.shared.investorProfile.id) }],
      interactions: { totalCount: 2 },
      relationshipHealth: { interactionsLast12Months: 2 },
    });
  });
});
