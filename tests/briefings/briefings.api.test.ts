import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { PlaceRow, VisitRow } from "../../server/db/rows.js";
import {
  type Actor,
  gid,
  makeActor,
  makeAffiliation,
  makeAlumniTie,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeInvestorProfile,
  makeOpportunity,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
  makePriority,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// The India mission, built with factories: the West Midlands members (WMCA, a
// university, the trade envoy office) and another member (EMCCA) with private records.

let server: TestServer;
let wmca: Actor; // EDITOR at the West Midlands Combined Authority
let wmcaViewer: Actor;
let uni: Actor; // EDITOR at the University of Birmingham
let dbt: Actor; // EDITOR at the trade envoy office
let emca: Actor; // EDITOR at another member with private records
let india: PlaceRow;
let mumbai: PlaceRow;
let ahmedabad: PlaceRow;
let bengaluru: PlaceRow;
let tokyo: PlaceRow;
let mission: VisitRow;
let emcaSecretVisit: VisitRow;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const MISSING = "00000000-0000-4000-8000-000000000000";

const REF = "id name nameLatin";
const BRIEFING = `title from to since objectives interactionTotal markdown
  visit { id title direction status startsOn endsOn leadMember { name } participatingMembers { name } ownerMember { name } visibility }
  destinations { place { ${REF} } kind countryCode country }
  partnerships { id name kind status signedOn renewalDueOn nextAnniversaryOn anniversaryYears themes leadMember { name } ownerMember { name }
    parties { side party { ${REF} } } lastInteractionAt recentInteractions }
  organisations { id name kind place { name } sectors partner recentInteractions lastInteractionAt ownerMember { name } }
  people { id fullName nameLatin jobTitle bio place { name } affiliations { organisation { name } role current }
    knownBy { member { name } interactions lastMetAt } lastMetAt ownerMember { name } }
  interactions { id occurredAt kind subject notes outcome place { name } member { name } loggedBy participants { name } organisations { name } onThisVisit }
  followUps { id title dueOn overdue ownerMember { name } assignee about { ${REF} } }
  opportunities { id title stage sector capitalValueGbp organisation { name } person { name } ownerMember { name } }
  alumni { person { name } university { name } degree graduationYear ownerMember { name } }
  investors { id subject { ${REF} } investorType ticketMaxGbp place { name } }
  priorities { id name scope countryCode sector weight }
  warnings { key kind severity message date members { ${REF} } place { ${REF} } organisation { name } person { name } visit { ${REF} } otherVisit { ${REF} } }
  pointsToTake { text source date }`;

interface Briefing {
  title: string;
  interactionTotal: number;
  markdown: string;
  interactions: { subject: string; notes: string | null; member: { name: string }; onThisVisit: boolean }[];
  people: { fullName: string; knownBy: { member: { name: string }; interactions: number }[] }[];
  organisations: { name: string; recentInteractions: number; partner: boolean }[];
  partnerships: { name: string; parties: { party: { name: string } }[]; recentInteractions: number }[];
  followUps: { title: string; overdue: boolean }[];
  opportunities: { title: string }[];
  alumni: { person: { name: string }; university: { name: string } }[];
  investors: { subject: { name: string } }[];
  priorities: { name: string; scope: string }[];
  warnings: { kind: string; message: string; members: { name: string }[]; place: { name: string } | null; otherVisit: unknown }[];
  pointsToTake: { text: string; source: string }[];
  destinations: { place: { name: string }; country: string | null }[];
}

const briefingOf = (visitId: string, token?: string) =>
  server.gql<{ visitBriefing: Briefing | null }>(`query($id: ID!) { visitBriefing(visitId: $id) { ${BRIEFING} } }`, { id: visitId }, token);

async function markdown(path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get("content-type"), statements: Number(res.headers.get("x-sql-statements")), body: await res.text() };
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  wmca = await makeActor(db, server.config, "EDITOR", { name: "West Midlands Combined Authority" });
  wmcaViewer = await makeColleague(db, server.config, wmca, "VIEWER");
  uni = await makeActor(db, server.config, "EDITOR", { name: "University of Birmingham", kind: "UNIVERSITY" });
  dbt = await makeActor(db, server.config, "EDITOR", { name: "DBT Midlands Trade Envoy Office", kind: "GOVERNMENT_UNIT" });
  emca = await makeActor(db, server.config, "EDITOR", { name: "East Midlands Combined County Authority" });

  india = await makePlace(db, { kind: "COUNTRY", name: "India", countryCode: "IN" });
  mumbai = await makePlace(db, { name: "Mumbai", countryCode: "IN", parentId: india.id });
  ahmedabad = await makePlace(db, { name: "Ahmedabad", countryCode: "IN", parentId: india.id });
  bengaluru = await makePlace(db, { name: "Bengaluru", countryCode: "IN", parentId: india.id });
  tokyo = await makePlace(db, { name: "Tokyo", countryCode: "JP" });

  mission = await makeVisit(db, wmca, {
    title: "West Midlands mission to India",
    startsOn: day(30),
    endsOn: day(35),
    status: "CONFIRMED",
    objectives: "Promote the Investment Zone to Indian investors.",
    destinationIds: [ahmedabad.id, mumbai.id, bengaluru.id],
    memberIds: [wmca.member.id, uni.member.id, dbt.member.id],
  });

  const sabarmati = await makeOrganisation(db, wmca, { name: "Sabarmati Example Ventures", kind: "INVESTOR", placeId: ahmedabad.id, sectors: ["health and life sciences"] });
  const bdhc = await makeOrganisation(db, dbt, { name: "British Deputy High Commission Mumbai", kind: "DIPLOMATIC_POST", placeId: mumbai.id });
  const uob = await makeOrganisation(db, uni, { name: "University of Birmingham (organisation)", kind: "UNIVERSITY" });
  const mumbaiGov = await makeOrganisation(db, wmca, { name: "Municipal Corporation of Greater Mumbai", kind: "CITY_GOVERNMENT", placeId: mumbai.id });
  const birminghamCc = await makeOrganisation(db, wmca, { name: "Birmingham City Council", kind: "CITY_GOVERNMENT" });
  const aarav = await makePerson(db, wmca, {
    fullName: "Aarav Example",
    jobTitle: "Managing Partner",
    placeId: ahmedabad.id,
    bio: "Founder of a life sciences fund. ".repeat(30),
    email: "aarav@private.example",
    phone: "+91 22 5555 0100",
  });
  await makeAffiliation(db, aarav, sabarmati, { role: "Managing Partner" });
  const alumna = await makePerson(db, uni, { fullName: "Priya Alumna", placeId: mumbai.id, jobTitle: "Venture partner" });
  await makeAlumniTie(db, alumna, uob, { degree: "MBA", graduationYear: 2009 });
  await makeInvestorProfile(db, uni, { personId: alumna.id }, { investorType: "ANGEL", ticketMaxGbp: 500_000, sectors: ["health and life sciences"] });

  // The West Midlands members' interactions in India: the pack must list them.
  const sabarmatiMeeting = await makeInteraction(db, wmca, {
    subject: "Sabarmati: life sciences co-investment",
    occurredAt: at(-40),
    placeId: ahmedabad.id,
    outcome: "Agreed to receive the Investment Zone prospectus.",
    personIds: [aarav.id],
    organisationIds: [sabarmati.id],
  });
  await makeInteraction(db, uni, {
    subject: "Alumni reception, Mumbai",
    occurredAt: at(-20),
    placeId: mumbai.id,
    notes: "Sensitive: alumni gift pledges discussed.",
    notesSensitive: true,
    personIds: [alumna.id],
    organisationIds: [uob.id, bdhc.id],
  });
  await makeInteraction(db, dbt, { subject: "FTA briefing at the Deputy High Commission", occurredAt: at(-15), placeId: mumbai.id, organisationIds: [bdhc.id] });
  // Out of scope: another country, and too long ago.
  await makeInteraction(db, wmca, { subject: "Tokyo call about batteries", occurredAt: at(-10), placeId: tokyo.id });
  await makeInteraction(db, wmca, { subject: "Ancient Mumbai meeting", occurredAt: at(-1000), placeId: mumbai.id });

  // Another member's private world in Mumbai: none of it may appear, but its trip warns.
  const secretOrg = await makeOrganisation(db, emca, { name: "Okapi Secret Holdings", placeId: mumbai.id, visibility: "PRIVATE" });
  const secretPerson = await makePerson(db, emca, { fullName: "Zanzibar Hiddenperson", placeId: mumbai.id, visibility: "PRIVATE" });
  await makeInteraction(db, emca, {
    subject: "Okapi private negotiation",
    occurredAt: at(-12),
    placeId: mumbai.id,
    visibility: "PRIVATE",
    notes: "Confidential figures",
    personIds: [secretPerson.id, aarav.id],
    organisationIds: [secretOrg.id, bdhc.id],
  });
  await makeOpportunity(db, emca, { title: "Okapi secret opportunity", organisationId: bdhc.id, visibility: "PRIVATE" });
  await makeFollowUp(db, emca, { title: "Okapi secret follow-up", organisationId: bdhc.id, visibility: "PRIVATE" });
  emcaSecretVisit = await makeVisit(db, emca, {
    title: "Okapi covert trade visit",
    startsOn: day(33),
    endsOn: day(38),
    visibility: "PRIVATE",
    objectives: "Secret objectives",
    destinationIds: [mumbai.id],
  });

  // Partnership, follow-ups, opportunities and priorities there.
  const link = await makePartnership(db, wmca, { name: "Birmingham–Mumbai friendship", kind: "FRIENDSHIP", signedOn: "2016-01-01", leadMemberId: wmca.member.id });
  await makeParty(db, link, { side: "UK", organisationId: birminghamCc.id });
  await makeParty(db, link, { side: "INTERNATIONAL", placeId: mumbai.id });
  await makeInteraction(db, wmca, { subject: "Call with Mumbai's municipal corporation", occurredAt: at(-100), placeId: mumbai.id, organisationIds: [mumbaiGov.id] });
  await makeFollowUp(db, wmca, { title: "Send the prospectus to Sabarmati", dueOn: day(-3), interactionId: sabarmatiMeeting.id, assigneeId: wmca.user.id });
  await makeFollowUp(db, uni, { title: "Share the spinout pipeline with Mumbai alumni", dueOn: day(10), personId: alumna.id });
  await makeFollowUp(db, wmca, { title: "Brief the mayor before departure", dueOn: day(25), visitId: mission.id });
  await makeOpportunity(db, wmca, { title: "Sabarmati co-investment", organisationId: sabarmati.id, personId: aarav.id, stage: "ACTIVE", sector: "health and life sciences", capitalValueGbp: 15_000_000 });
  await makeOpportunity(db, wmca, { title: "Won deal, not open", organisationId: sabarmati.id, stage: "WON" });
  await makePriority(db, dbt, { name: "India trade after the FTA", scope: "NATIONAL", countryCode: "IN", weight: 9 });
  await makePriority(db, dbt, { name: "Health and life sciences", scope: "NATIONAL", countryCode: null, sector: "health and life sciences", weight: 7 });
  await makePriority(db, dbt, { name: "Japan automotive", scope: "NATIONAL", countryCode: "JP", weight: 8 });
});
afterAll(() => server.stop());

describe("visitBriefing", () => {
  it("requires authentication", async () => {
    const res = await briefingOf(gid("Visit", mission.id));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.visitBriefing ?? null).toBeNull();
    const place = await server.gql(`query($p: ID!) { placeBriefing(placeId: $p, from: "2026-01-01", to: "2026-01-05") { title } }`, { p: gid("Place", mumbai.id) });
    expect(place.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const md = await markdown(`/briefings/${gid("Visit", mission.id)}.md`);
    expect(md.status).toBe(401);
    expect(md.body).not.toContain("India");
    const placeMd = await markdown(`/briefings/places/${gid("Place", mumbai.id)}.md?from=2026-01-01&to=2026-01-05`);
    expect(placeMd.status).toBe(401);
  });

  it("cannot see another member's private visit, and another member's private records never appear", async () => {
    // The private visit itself: null, like a missing one, in GraphQL and as Markdown.
    const secret = await briefingOf(gid("Visit", emcaSecretVisit.id), wmca.token);
    expect(secret.errors).toBeUndefined();
    expect(secret.data).toEqual({ visitBriefing: null });
    const missing = await briefingOf(gid("Visit", MISSING), wmca.token);
    expect(missing.data).toEqual({ visitBriefing: null });
    const secretMd = await markdown(`/briefings/${gid("Visit", emcaSecretVisit.id)}.md`, wmca.token);
    const missingMd = await markdown(`/briefings/${gid("Visit", MISSING)}.md`, wmca.token);
    expect(secretMd.status).toBe(404);
    expect(secretMd.body).toBe(missingMd.body);

    // The mission's pack: nothing of EMCCA's private records, no owner-only fields.
    const res = await briefingOf(gid("Visit", mission.id), wmcaViewer.token);
    expect(res.errors).toBeUndefined();
    const text = JSON.stringify(res.data);
    for (const secretText of [
      "Okapi",
      "Zanzibar",
      "Confidential figures",
      "Secret objectives",
      gid("Visit", emcaSecretVisit.id),
      "aarav@private.example",
      "5555 0100",
      "alumni gift pledges",
    ]) {
      expect(text).not.toContain(secretText);
    }
    // Its overlapping trip still warns: the member and the shared city, nothing else.
    const travel = res.data!.visitBriefing!.warnings.filter((w) => w.kind === "OVERLAPPING_TRAVEL");
    expect(travel).toHaveLength(1);
    expect(travel[0]).toMatchObject({
      members: [{ name: emca.member.name }],
      place: { name: "Mumbai" },
      otherVisit: null,
    });
    expect(travel[0]!.message).toContain(`${emca.member.name} is also travelling to Mumbai`);
    // Who knows Aarav: only the members whose interactions the viewer can see.
    const aarav = res.data!.visitBriefing!.people.find((p) => p.fullName === "Aarav Example")!;
    expect(aarav.knownBy).toEqual([expect.objectContaining({ member: { name: wmca.member.name }, interactions: 1 })]);
    // The same in Markdown.
    const md = await markdown(`/briefings/${gid("Visit", mission.id)}.md`, wmca.token);
    for (const secretText of ["Okapi", "Zanzibar", "Confidential", "aarav@private.example", "alumni gift pledges"]) expect(md.body).not.toContain(secretText);
    // The owner member of the sensitive notes does see them.
    const own = await briefingOf(gid("Visit", mission.id), uni.token);
    expect(own.data!.visitBriefing!.interactions.find((i) => i.subject === "Alumni reception, Mumbai")!.notes).toBe(
      "Sensitive: alumni gift pledges discussed.",
    );
  });

  it("packs the West Midlands members' interactions in India, and everything else about the destinations", async () => {
    const res = await briefingOf(gid("Visit", mission.id), wmca.token);
    expect(res.errors).toBeUndefined();
    const b = res.data!.visitBriefing!;
    expect(b.title).toBe("West Midlands mission to India");
    expect(b.destinations.map((d) => [d.place.name, d.country])).toEqual([
      ["Ahmedabad", "India"],
      ["Mumbai", "India"],
      ["Bengaluru", "India"],
    ]);
    // Every member's interactions there in 24 months, newest first; not Tokyo, not 1000 days ago.
    expect(b.interactions.map((i) => [i.subject, i.member.name])).toEqual([
      ["FTA briefing at the Deputy High Commission", dbt.member.name],
      ["Alumni reception, Mumbai", uni.member.name],
      ["Sabarmati: life sciences co-investment", wmca.member.name],
      ["Call with Mumbai's municipal corporation", wmca.member.name],
    ]);
    expect(b.interactionTotal).toBe(4);
    expect(b.interactions.find((i) => i.subject === "Alumni reception, Mumbai")!.notes).toBeNull();
    expect(b.partnerships).toEqual([
      expect.objectContaining({ name: "Birmingham–Mumbai friendship", recentInteractions: 3, parties: [{ side: "UK", party: expect.objectContaining({ name: "Birmingham City Council" }) }, { side: "INTERNATIONAL", party: expect.objectContaining({ name: "Mumbai" }) }] }),
    ]);
    expect(b.organisations.map((o) => o.name)).toEqual([
      "British Deputy High Commission Mumbai",
      "Municipal Corporation of Greater Mumbai",
      "Sabarmati Example Ventures",
    ]);
    // Most met first (interactions the viewer can see), then the most recently met.
    expect(b.people.map((p) => p.fullName)).toEqual(["Priya Alumna", "Aarav Example"]);
    const aarav = b.people[1] as unknown as { bio: string; affiliations: unknown[] };
    expect(aarav.bio.length).toBeLessThanOrEqual(401);
    expect(aarav.bio.endsWith("…")).toBe(true);
    expect(aarav.affiliations).toEqual([{ organisation: { name: "Sabarmati Example Ventures" }, role: "Managing Partner", current: true }]);
    expect(b.followUps.map((f) => [f.title, f.overdue])).toEqual([
      ["Send the prospectus to Sabarmati", true],
      ["Share the spinout pipeline with Mumbai alumni", false],
      ["Brief the mayor before departure", false],
    ]);
    expect(b.opportunities.map((o) => o.title)).toEqual(["Sabarmati co-investment"]);
    expect(b.alumni).toEqual([expect.objectContaining({ person: { name: "Priya Alumna" }, university: { name: "University of Birmingham (organisation)" } })]);
    expect(b.investors.map((i) => i.subject.name)).toEqual(["Priya Alumna"]);
    expect(b.priorities.map((p) => p.name)).toEqual(["India trade after the FTA", "Health and life sciences"]);
    expect(b.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(["OVERLAPPING_TRAVEL", "OVERDUE_FOLLOW_UP"]));
    expect(b.pointsToTake.map((p) => p.source)).toEqual(expect.arrayContaining(["FOLLOW_UP", "OUTCOME"]));
    expect(b.pointsToTake.map((p) => p.text)).toContainEqual(expect.stringContaining("Agreed to receive the Investment Zone prospectus."));
    // The Markdown carries the same sections.
    for (const heading of ["# Briefing: West Midlands mission to India", "## Objectives", "## Points to take", "## Coordination warnings", "## Partnerships", "## Key organisations", "## Key people", "## Recent interactions", "## Open follow-ups", "## Opportunities", "## Alumni there", "## Investors there", "## Priorities"]) {
      expect(b.markdown).toContain(heading);
    }
  });

  it("names the field of a malformed id, and answers null for an id of another type", async () => {
    const bad = await briefingOf("not-an-id", wmca.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "visitId" });
    const other = await briefingOf(gid("Place", mumbai.id), wmca.token);
    expect(other.data).toEqual({ visitBriefing: null });
  });

  it("runs the same small number of statements however much data there is", async () => {
    const small = await briefingOf(gid("Visit", mission.id), wmca.token);
    expect(small.errors).toBeUndefined();
    expect(small.statements).toBeLessThanOrEqual(15);
    // Grow every section: more organisations, people, interactions, follow-ups, opportunities, alumni, investors.
    const db = server.db;
    for (let n = 0; n < 12; n++) {
      const place = [mumbai, ahmedabad, bengaluru][n % 3]!;
      const org = await makeOrganisation(db, dbt, { name: `Growth Org ${n}`, placeId: place.id, sectors: ["creative and digital"] });
      const person = await makePerson(db, uni, { fullName: `Growth Person ${n}`, placeId: place.id });
      await makeAffiliation(db, person, org, { role: "Director" });
      await makeAlumniTie(db, person, org, { degree: "BSc" });
      await makeInvestorProfile(db, uni, { organisationId: org.id }, { investorType: "CORPORATE" });
      const interaction = await makeInteraction(db, [wmca, uni, dbt][n % 3]!, {
        subject: `Growth meeting ${n}`,
        occurredAt: at(-n - 2),
        placeId: place.id,
        outcome: `Outcome ${n}`,
        personIds: [person.id],
        organisationIds: [org.id],
      });
      await makeFollowUp(db, dbt, { title: `Growth follow-up ${n}`, dueOn: day(n - 5), interactionId: interaction.id });
      await makeOpportunity(db, dbt, { title: `Growth opportunity ${n}`, organisationId: org.id, sector: "creative and digital" });
      const partnership = await makePartnership(db, dbt, { name: `Growth partnership ${n}`, signedOn: "2020-01-01" });
      await makeParty(db, partnership, { organisationId: org.id });
      await makeVisit(db, [emca, uni][n % 2]!, { startsOn: day(31 + n), endsOn: day(33 + n), destinationIds: [place.id] });
    }
    const large = await briefingOf(gid("Visit", mission.id), wmca.token);
    expect(large.errors).toBeUndefined();
    expect(large.data!.visitBriefing!.interactionTotal).toBe(16);
    expect(large.data!.visitBriefing!.organisations.length).toBeGreaterThan(small.data!.visitBriefing!.organisations.length);
    expect(large.statements).toBe(small.statements);
    const md = await markdown(`/briefings/${gid("Visit", mission.id)}.md`, wmca.token);
    expect(md.statements).toBe(small.statements);
  });
});

describe("placeBriefing", () => {
  const place = (placeId: string, from: string, to: string, token?: string) =>
    server.gql<{ placeBriefing: Briefing | null }>(
      `query($p: ID!, $from: Date!, $to: Date!) { placeBriefing(placeId: $p, from: $from, to: $to) { ${BRIEFING} } }`,
      { p: placeId, from, to },
      token,
    );

  it("covers a whole country, or just a city", async () => {
    const country = await place(gid("Place", india.id), day(30), day(35), wmca.token);
    expect(country.errors).toBeUndefined();
    const subjects = country.data!.placeBriefing!.interactions.map((i) => i.subject);
    expect(subjects).toEqual(expect.arrayContaining(["Sabarmati: life sciences co-investment", "FTA briefing at the Deputy High Commission"]));
    expect(subjects).not.toContain("Tokyo call about batteries");
    expect(subjects.some((s) => s.includes("Okapi"))).toBe(false);
    expect(country.data!.placeBriefing!.title).toBe("India");

    const city = await place(gid("Place", ahmedabad.id), day(30), day(35), wmca.token);
    const citySubjects = city.data!.placeBriefing!.interactions.map((i) => i.subject);
    expect(citySubjects).toContain("Sabarmati: life sciences co-investment");
    expect(citySubjects).not.toContain("FTA briefing at the Deputy High Commission");
    // Travel by another member to the same country within 14 days warns, without details of a private visit.
    const warning = country.data!.placeBriefing!.warnings.find((w) => w.kind === "OVERLAPPING_TRAVEL" && w.members.some((m) => m.name === emca.member.name));
    expect(warning).toBeDefined();
    expect(JSON.stringify(warning)).not.toContain("Okapi");
  });

  it("validates the dates, and answers null for a missing place", async () => {
    const reversed = await place(gid("Place", mumbai.id), "2026-03-10", "2026-03-01", wmca.token);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const long = await place(gid("Place", mumbai.id), "2026-01-01", "2026-06-01", wmca.token);
    expect(long.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const missing = await place(gid("Place", MISSING), "2026-03-01", "2026-03-05", wmca.token);
    expect(missing.data).toEqual({ placeBriefing: null });
    const badMd = await markdown(`/briefings/places/${gid("Place", mumbai.id)}.md?from=2026-02-30&to=2026-03-05`, wmca.token);
    expect(badMd.status).toBe(400);
  });
});

describe("GET /briefings/:visitId.md", () => {
  it("answers 401 without a valid token, 404 for an invisible visit like a missing one, and Markdown for a visible one", async () => {
    const id = gid("Visit", mission.id);
    expect((await markdown(`/briefings/${id}.md`)).status).toBe(401);
    expect((await markdown(`/briefings/${id}.md`, "not-a-token")).status).toBe(401);
    expect((await markdown(`/briefings/${gid("Visit", emcaSecretVisit.id)}.md`, uni.token)).status).toBe(404);
    expect((await markdown(`/briefings/garbage.md`, uni.token)).status).toBe(404);
    const res = await markdown(`/briefings/${id}.md`, uni.token);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/markdown/);
    expect(res.body).toMatch(/^# Briefing: West Midlands mission to India\n/);
    for (const text of ["## Points to take", "## Key people", "Aarav Example", "Sabarmati: life sciences co-investment", "## Coordination warnings"]) {
      expect(res.body).toContain(text);
    }
    // The owner member's own sensitive notes print for it.
    expect(res.body).toContain("alumni gift pledges");
    const place = await markdown(`/briefings/places/${gid("Place", mumbai.id)}.md?from=${day(30)}&to=${day(32)}`, wmca.token);
    expect(place.status).toBe(200);
    expect(place.body).toMatch(/^# Briefing: Mumbai\n/);
  });

  it("escapes what records contain, so a subject cannot inject links or HTML", async () => {
    const place = await makePlace(server.db, { name: "Injection City", countryCode: "FR" });
    const visit = await makeVisit(server.db, wmca, { title: "Trip [click](http://evil.example)", destinationIds: [place.id] });
    await makeInteraction(server.db, wmca, { subject: "![x](http://evil.example/a.png) <script>alert(1)</script>", occurredAt: at(-3), placeId: place.id, visitId: visit.id });
    const res = await markdown(`/briefings/${gid("Visit", visit.id)}.md`, wmca.token);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("<script>");
    expect(res.body).not.toMatch(/(^|[^\\])\]\(http/m);
    expect(res.body).toContain("\\<script\\>");
  });
});

describe("visitCalendar", () => {
  const calendar = (from: string, to: string, token?: string) =>
    server.gql<{ visitCalendar: { title: string; startsOn: string }[] }>(
      `query($from: Date!, $to: Date!) { visitCalendar(from: $from, to: $to) { title startsOn endsOn leadMember { name } destinations { name } } }`,
      { from, to },
      token,
    );

  it("requires authentication", async () => {
    const res = await calendar(day(0), day(60));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists the visits you can see that overlap the range, in date order, without another member's private ones", async () => {
    const early = await makeVisit(server.db, uni, { title: "Calendar early", startsOn: day(200), endsOn: day(202) });
    await makeVisit(server.db, dbt, { title: "Calendar overlapping start", startsOn: day(195), endsOn: day(201) });
    await makeVisit(server.db, emca, { title: "Calendar private", startsOn: day(201), endsOn: day(203), visibility: "PRIVATE" });
    await makeVisit(server.db, uni, { title: "Calendar later", startsOn: day(210), endsOn: day(212) });
    const res = await calendar(day(200), day(205), wmca.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.visitCalendar.map((v) => v.title)).toEqual(["Calendar overlapping start", "Calendar early"]);
    const own = await calendar(day(200), day(205), emca.token);
    expect(own.data!.visitCalendar.map((v) => v.title)).toContain("Calendar private");
    expect(early.id).toBeDefined();
  });

  it("validates the range", async () => {
    const reversed = await calendar(day(10), day(1), wmca.token);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const long = await calendar(day(0), day(500), wmca.token);
    expect(long.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
  });
});
