import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  gid,
  makeAffiliation,
  makeAlumniTie,
  makeFollowUp,
  makeInteraction,
  makeInvestorProfile,
  makeOpportunity,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { type IndiaMission, MISSING, at, buildIndiaMission, day, markdown } from "./india-mission.js";

let server: TestServer;
let m: IndiaMission;

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


beforeAll(async () => {
  server = await startTestServer();
  m = await buildIndiaMission(server);
});
afterAll(() => server.stop());

describe("visitBriefing", () => {
  it("requires authentication", async () => {
    const res = await briefingOf(gid("Visit", m.mission.id));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.visitBriefing ?? null).toBeNull();
    const place = await server.gql(`query($p: ID!) { placeBriefing(placeId: $p, from: "2026-01-01", to: "2026-01-05") { title } }`, { p: gid("Place", m.mumbai.id) });
    expect(place.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const md = await markdown(server, `/briefings/${gid("Visit", m.mission.id)}.md`);
    expect(md.status).toBe(401);
    expect(md.body).not.toContain("India");
    const placeMd = await markdown(server, `/briefings/places/${gid("Place", m.mumbai.id)}.md?from=2026-01-01&to=2026-01-05`);
    expect(placeMd.status).toBe(401);
  });

  it("cannot see another member's private visit, and another member's private records never appear", async () => {
    // The private visit itself: null, like a missing one, in GraphQL and as Markdown.
    const secret = await briefingOf(gid("Visit", m.emcaSecretVisit.id), m.wmca.token);
    expect(secret.errors).toBeUndefined();
    expect(secret.data).toEqual({ visitBriefing: null });
    const missing = await briefingOf(gid("Visit", MISSING), m.wmca.token);
    expect(missing.data).toEqual({ visitBriefing: null });
    const secretMd = await markdown(server, `/briefings/${gid("Visit", m.emcaSecretVisit.id)}.md`, m.wmca.token);
    const missingMd = await markdown(server, `/briefings/${gid("Visit", MISSING)}.md`, m.wmca.token);
    expect(secretMd.status).toBe(404);
    expect(secretMd.body).toBe(missingMd.body);

    // The mission's pack: nothing of EMCCA's private records, no owner-only fields.
    const res = await briefingOf(gid("Visit", m.mission.id), m.wmcaViewer.token);
    expect(res.errors).toBeUndefined();
    const text = JSON.stringify(res.data);
    for (const secretText of [
      "Okapi",
      "Zanzibar",
      "Confidential figures",
      "Secret objectives",
      gid("Visit", m.emcaSecretVisit.id),
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
      members: [{ name: m.emca.member.name }],
      place: { name: "Mumbai" },
      otherVisit: null,
    });
    expect(travel[0]!.message).toContain(`${m.emca.member.name} is also travelling to Mumbai`);
    // Who knows Aarav: only the members whose interactions the viewer can see.
    const aarav = res.data!.visitBriefing!.people.find((p) => p.fullName === "Aarav Example")!;
    expect(aarav.knownBy).toEqual([expect.objectContaining({ member: { name: m.wmca.member.name }, interactions: 1 })]);
    // The same in Markdown.
    const md = await markdown(server, `/briefings/${gid("Visit", m.mission.id)}.md`, m.wmca.token);
    for (const secretText of ["Okapi", "Zanzibar", "Confidential", "aarav@private.example", "alumni gift pledges"]) expect(md.body).not.toContain(secretText);
    // The owner member of the sensitive notes does see them.
    const own = await briefingOf(gid("Visit", m.mission.id), m.uni.token);
    expect(own.data!.visitBriefing!.interactions.find((i) => i.subject === "Alumni reception, Mumbai")!.notes).toBe(
      "Sensitive: alumni gift pledges discussed.",
    );
  });

  it("packs the West Midlands members' interactions in India, and everything else about the destinations", async () => {
    const res = await briefingOf(gid("Visit", m.mission.id), m.wmca.token);
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
      ["FTA briefing at the Deputy High Commission", m.dbt.member.name],
      ["Alumni reception, Mumbai", m.uni.member.name],
      ["Sabarmati: life sciences co-investment", m.wmca.member.name],
      ["Call with Mumbai's municipal corporation", m.wmca.member.name],
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
    expect(b.pointsToTake.map((p) => p.text)).toContainEqual(expect.stringContaining("Agreed to receive the Investment Zone prospectus (West Midlands Combined Authority"));
    // The Markdown carries the same sections.
    for (const heading of ["# Briefing: West Midlands mission to India", "## Objectives", "## Points to take", "## Coordination warnings", "## Partnerships", "## Key organisations", "## Key people", "## Recent interactions", "## Open follow-ups", "## Opportunities", "## Alumni there", "## Investors there", "## Priorities"]) {
      expect(b.markdown).toContain(heading);
    }
  });

  it("names the field of a malformed id, and answers null for an id of another type", async () => {
    const bad = await briefingOf("not-an-id", m.wmca.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "visitId" });
    const other = await briefingOf(gid("Place", m.mumbai.id), m.wmca.token);
    expect(other.data).toEqual({ visitBriefing: null });
  });

  it("runs the same small number of statements however much data there is", async () => {
    const small = await briefingOf(gid("Visit", m.mission.id), m.wmca.token);
    expect(small.errors).toBeUndefined();
    expect(small.statements).toBeLessThanOrEqual(15);
    // Grow every section: more organisations, people, interactions, follow-ups, opportunities, alumni, investors.
    const db = server.db;
    for (let n = 0; n < 8; n++) {
      const place = [m.mumbai, m.ahmedabad, m.bengaluru][n % 3]!;
      const org = await makeOrganisation(db, m.dbt, { name: `Growth Org ${n}`, placeId: place.id, sectors: ["creative and digital"] });
      const person = await makePerson(db, m.uni, { fullName: `Growth Person ${n}`, placeId: place.id });
      await makeAffiliation(db, person, org, { role: "Director" });
      await makeAlumniTie(db, person, org, { degree: "BSc" });
      await makeInvestorProfile(db, m.uni, { organisationId: org.id }, { investorType: "CORPORATE" });
      const interaction = await makeInteraction(db, [m.wmca, m.uni, m.dbt][n % 3]!, {
        subject: `Growth meeting ${n}`,
        occurredAt: at(-n - 2),
        placeId: place.id,
        outcome: `Outcome ${n}`,
        personIds: [person.id],
        organisationIds: [org.id],
      });
      await makeFollowUp(db, m.dbt, { title: `Growth follow-up ${n}`, dueOn: day(n - 5), interactionId: interaction.id });
      await makeOpportunity(db, m.dbt, { title: `Growth opportunity ${n}`, organisationId: org.id, sector: "creative and digital" });
      const partnership = await makePartnership(db, m.dbt, { name: `Growth partnership ${n}`, signedOn: "2020-01-01" });
      await makeParty(db, partnership, { organisationId: org.id });
      await makeVisit(db, [m.emca, m.uni][n % 2]!, { startsOn: day(31 + n), endsOn: day(33 + n), destinationIds: [place.id] });
    }
    const large = await briefingOf(gid("Visit", m.mission.id), m.wmca.token);
    expect(large.errors).toBeUndefined();
    expect(large.data!.visitBriefing!.interactionTotal).toBe(12);
    expect(large.data!.visitBriefing!.organisations.length).toBeGreaterThan(small.data!.visitBriefing!.organisations.length);
    expect(large.statements).toBe(small.statements);
    const md = await markdown(server, `/briefings/${gid("Visit", m.mission.id)}.md`, m.wmca.token);
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
    const country = await place(gid("Place", m.india.id), day(30), day(35), m.wmca.token);
    expect(country.errors).toBeUndefined();
    const subjects = country.data!.placeBriefing!.interactions.map((i) => i.subject);
    expect(subjects).toEqual(expect.arrayContaining(["Sabarmati: life sciences co-investment", "FTA briefing at the Deputy High Commission"]));
    expect(subjects).not.toContain("Tokyo call about batteries");
    expect(subjects.some((s) => s.includes("Okapi"))).toBe(false);
    expect(country.data!.placeBriefing!.title).toBe("India");

    const city = await place(gid("Place", m.ahmedabad.id), day(30), day(35), m.wmca.token);
    const citySubjects = city.data!.placeBriefing!.interactions.map((i) => i.subject);
    expect(citySubjects).toContain("Sabarmati: life sciences co-investment");
    expect(citySubjects).not.toContain("FTA briefing at the Deputy High Commission");
    // Travel by another member to the same country within 14 days warns, without details of a private visit.
    const warning = country.data!.placeBriefing!.warnings.find((w) => w.kind === "OVERLAPPING_TRAVEL" && w.members.some((x) => x.name === m.emca.member.name));
    expect(warning).toBeDefined();
    expect(JSON.stringify(warning)).not.toContain("Okapi");
  });

  it("validates the dates, and answers null for a missing place", async () => {
    const reversed = await place(gid("Place", m.mumbai.id), "2026-03-10", "2026-03-01", m.wmca.token);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const long = await place(gid("Place", m.mumbai.id), "2026-01-01", "2026-06-01", m.wmca.token);
    expect(long.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const missing = await place(gid("Place", MISSING), "2026-03-01", "2026-03-05", m.wmca.token);
    expect(missing.data).toEqual({ placeBriefing: null });
    const badMd = await markdown(server, `/briefings/places/${gid("Place", m.mumbai.id)}.md?from=2026-02-30&to=2026-03-05`, m.wmca.token);
    expect(badMd.status).toBe(400);
  });
});
