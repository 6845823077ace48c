import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { OrganisationRow, PersonRow, PlaceRow } from "../../server/db/rows.js";
import {
  type Actor,
  gid,
  makeActor,
  makeAffiliation,
  makeAlumniTie,
  makeInteraction,
  makeInvestorProfile,
  makeOrganisation,
  makePerson,
  makePlace,
  makePriority,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let uni: Actor; // EDITOR at a member university
let bob: Actor; // EDITOR at a council
let unit: Actor; // the network unit, which sets national priorities
let testbridge: OrganisationRow; // the member university's own organisation record
let foreignUni: OrganisationRow; // a university that is not a member
let japan: PlaceRow;
let tokyo: PlaceRow;
let seoul: PlaceRow;
const p: Record<string, PersonRow> = {};
const DAY = 86_400_000;

const LIFE_SCIENCES_JAPAN = { sectors: ["life sciences"], countryCodes: ["JP"], ticketMinGbp: 1_000_000 };

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  uni = await makeActor(db, server.config, "EDITOR", { kind: "UNIVERSITY", name: `University of Testbridge ${process.pid}` });
  bob = await makeActor(db, server.config, "EDITOR");
  unit = await makeActor(db, server.config, "EDITOR", { kind: "NETWORK_UNIT" });
  testbridge = await makeOrganisation(db, uni, { name: uni.member.name.toUpperCase(), kind: "UNIVERSITY" });
  foreignUni = await makeOrganisation(db, bob, { name: "Foreign Tech Institute", kind: "UNIVERSITY" });
  japan = await makePlace(db, { kind: "COUNTRY", name: "Japan", countryCode: "JP" });
  tokyo = await makePlace(db, { kind: "CITY", name: "Tokyo", countryCode: "JP", parentId: japan.id });
  seoul = await makePlace(db, { kind: "CITY", name: "Seoul", countryCode: "KR" });
  await makePriority(db, unit, { scope: "NATIONAL", countryCode: "JP", name: "Japan – life sciences", weight: 8 });

  const alumnus = async (
    key: string,
    values: Partial<PersonRow> & { owner?: Actor; university?: OrganisationRow; year?: number },
    profile?: Parameters<typeof makeInvestorProfile>[3] & { owner?: Actor },
  ) => {
    const { owner = bob, university = testbridge, year = 2005, ...personValues } = values;
    const person = await makePerson(db, owner, { placeId: tokyo.id, ...personValues });
    await makeAlumniTie(db, person, university, { degree: "MBA", subject: "Finance", graduationYear: year });
    if (profile) {
      const { owner: profileOwner = owner, ...profileValues } = profile;
      await makeInvestorProfile(db, profileOwner, { personId: person.id }, profileValues);
    }
    p[key] = person;
    return person;
  };
  const lifeSciences = (min: number, max: number, investorType: "ANGEL" | "VENTURE_CAPITAL" = "VENTURE_CAPITAL") => ({
    investorType,
    sectors: ["Health and Life Sciences"],
    ticketMinGbp: min,
    ticketMaxGbp: max,
  });

  await alumnus("akiko", { fullName: "佐藤 明子", nameLatin: "Sato Akiko", jobTitle: "Partner", email: "akiko@example.jp" }, lifeSciences(1_000_000, 10_000_000));
  await alumnus("kenji", { fullName: "Kenji Mori", year: 2012 }, { investorType: "ANGEL", sectors: ["life sciences", "medtech"], ticketMinGbp: 2_000_000, ticketMaxGbp: 5_000_000 });
  await alumnus("small", { fullName: "Small Ticket" }, lifeSciences(100_000, 500_000));
  await alumnus("auto", { fullName: "Auto Investor" }, { investorType: "CORPORATE", sectors: ["automotive"], ticketMinGbp: 5_000_000, ticketMaxGbp: 50_000_000 });
  await alumnus("seoul", { fullName: "Seoul Investor", placeId: seoul.id }, lifeSciences(2_000_000, 8_000_000));
  await alumnus("secret", { fullName: "Secret Alumnus", visibility: "PRIVATE" }, lifeSciences(5_000_000, 9_000_000));
  await alumnus("hiddenProfile", { fullName: "Hidden Profile" }, { ...lifeSciences(5_000_000, 9_000_000), visibility: "PRIVATE" });
  await alumnus("foreign", { fullName: "Foreign Alumnus", university: foreignUni }, lifeSciences(2_000_000, 4_000_000));
  await alumnus("noProfile", { fullName: "No Profile" });
  const notAlumnus = await makePerson(db, bob, { fullName: "Not Alumnus", placeId: tokyo.id });
  await makeInvestorProfile(db, bob, { personId: notAlumnus.id }, lifeSciences(1_000_000, 10_000_000));
  // Invests through the investor organisation they work for.
  const fund = await makeOrganisation(db, bob, { name: "Sakura Bio Capital", kind: "INVESTOR" });
  await makeInvestorProfile(db, bob, { organisationId: fund.id }, lifeSciences(3_000_000, 30_000_000));
  const haruto = await alumnus("haruto", { fullName: "Haruto Fund Partner", year: 2015 });
  await makeAffiliation(db, haruto, fund, { role: "Partner" });

  // Warmth: the university met Akiko 10 days ago; another member met Kenji 30 days ago (shared);
  // bob's member met Akiko yesterday, privately, and the university cannot see that.
  await makeInteraction(db, uni, { subject: "Alumni lunch", occurredAt: new Date(Date.now() - 10 * DAY), personIds: [p.akiko!.id] });
  await makeInteraction(db, unit, { subject: "Kenji call", occurredAt: new Date(Date.now() - 30 * DAY), personIds: [p.kenji!.id] });
  await makeInteraction(db, bob, { subject: "Private dinner", occurredAt: new Date(Date.now() - DAY), personIds: [p.akiko!.id], visibility: "PRIVATE" });
});
afterAll(() => server.stop());

interface Result {
  person: { id: string; fullName: string; email: string | null };
  matchedSectors: string[];
  sectors: string[];
  investorTypes: string[];
  ticketMinGbp: number | null;
  ticketMaxGbp: number | null;
  countryCode: string | null;
  priorityMarket: boolean;
  lastContactAt: string | null;
  recentInteractionCount: number;
  knownBy: { name: string }[];
  fit: number;
  warmth: number;
  score: number;
  fitReasons: string[];
  alumniTies: { graduationYear: number; university: { name: string } }[];
  investorProfiles: { investorType: string; organisation: { name: string } | null }[];
}
interface Page {
  alumniInvestors: { totalCount: number; nodes: Result[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const QUERY = `query($filter: AlumniInvestorFilter, $first: Int, $after: String) {
  alumniInvestors(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      person { id fullName email }
      matchedSectors sectors investorTypes ticketMinGbp ticketMaxGbp countryCode priorityMarket
      lastContactAt recentInteractionCount knownBy { name } fit warmth score fitReasons
      alumniTies { graduationYear university { name } }
      investorProfiles { investorType organisation { name } }
    }
  }
}`;

const SCALARS = `query($filter: AlumniInvestorFilter, $first: Int) {
  alumniInvestors(filter: $filter, first: $first) {
    totalCount nodes { matchedSectors ticketMinGbp lastContactAt score fitReasons person { fullName } }
  }
}`;

async function run(actor: Actor, filter: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
  const res = await server.gql<Page>(QUERY, { filter, ...extra }, actor.token);
  expect(res.errors).toBeUndefined();
  return { ...res.data!.alumniInvestors, statements: res.statements };
}

const names = (nodes: { person: { fullName: string } }[]) => nodes.map((n) => n.person.fullName);

describe("alumniInvestors", () => {
  it("requires authentication", async () => {
    const res = await server.gql(QUERY, { filter: LIFE_SCIENCES_JAPAN });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.alumniInvestors ?? null).toBeNull();
  });

  it("cannot see another member's private record: people, profiles, interactions, universities, counts", async () => {
    const ours = await run(uni, LIFE_SCIENCES_JAPAN);
    // The private person and the person with only a private profile are neither listed nor counted.
    expect(names(ours.nodes)).not.toContain("Secret Alumnus");
    expect(names(ours.nodes)).not.toContain("Hidden Profile");
    expect(ours.totalCount).toBe(3);
    // The private dinner (yesterday) neither warms Akiko up nor names its member.
    const akiko = ours.nodes.find((n) => n.person.id === gid("Person", p.akiko!.id))!;
    expect(new Date(akiko.lastContactAt!).getTime()).toBeLessThan(Date.now() - 9 * DAY);
    expect(akiko.recentInteractionCount).toBe(1);
    expect(akiko.fitReasons.join(" ")).not.toContain("Private dinner");
    // Bob's member owns those records and sees them.
    const theirs = await run(bob, LIFE_SCIENCES_JAPAN);
    expect(names(theirs.nodes)).toEqual(expect.arrayContaining(["Secret Alumnus", "Hidden Profile"]));
    expect(theirs.totalCount).toBe(5);
    // A private university of another member matches nothing, like a missing one.
    const hiddenUni = await makeOrganisation(server.db, bob, { name: "Hidden University", kind: "UNIVERSITY", visibility: "PRIVATE" });
    const hiddenAlumnus = await makePerson(server.db, bob, { fullName: "Hidden Uni Alumnus", placeId: tokyo.id });
    await makeAlumniTie(server.db, hiddenAlumnus, hiddenUni);
    await makeInvestorProfile(server.db, bob, { personId: hiddenAlumnus.id }, { investorType: "ANGEL", sectors: ["life sciences"] });
    const byHidden = await run(uni, { universityId: gid("Organisation", hiddenUni.id) });
    expect(byHidden).toMatchObject({ totalCount: 0, nodes: [] });
    const byMissing = await run(uni, { universityId: gid("Organisation", "00000000-0000-4000-8000-000000000000") });
    expect(byMissing).toMatchObject({ totalCount: 0, nodes: [] });
    expect((await run(bob, { universityId: gid("Organisation", hiddenUni.id) })).totalCount).toBe(1);
  });

  it("finds alumni investing in life sciences in Japan with tickets over £1m, ranked, and says why", async () => {
    const res = await run(uni, LIFE_SCIENCES_JAPAN);
    // Akiko first: the university met her 10 days ago. Kenji: a shared call 30 days ago. Haruto: no contact.
    expect(names(res.nodes)).toEqual(["佐藤 明子", "Kenji Mori", "Haruto Fund Partner"]);
    const [akiko, kenji, haruto] = res.nodes as [Result, Result, Result];
    expect(akiko).toMatchObject({
      matchedSectors: ["Health and Life Sciences"],
      investorTypes: ["VENTURE_CAPITAL"],
      ticketMinGbp: 1_000_000,
      ticketMaxGbp: 10_000_000,
      countryCode: "JP",
      priorityMarket: true,
      recentInteractionCount: 1,
      alumniTies: [{ graduationYear: 2005, university: { name: testbridge.name } }],
      // The university's own record: the owner-only email is there for the owner member only (bob's).
      person: { email: null },
    });
    expect(akiko.knownBy.map((m) => m.name).sort()).toEqual([bob.member.name, uni.member.name].sort());
    expect(akiko.fitReasons).toEqual(
      expect.arrayContaining([
        `Alumni of ${testbridge.name} (MBA Finance, 2005)`,
        "Invests in Health and Life Sciences (asked for life sciences)",
        "Ticket £1m–£10m within £1m+",
        "Based in a priority market: JP (Japan – life sciences)",
      ]),
    );
    expect(akiko.fitReasons.some((r) => r.startsWith("Your member last met them on "))).toBe(true);
    expect(akiko.score).toBeGreaterThan(kenji.score);
    expect(kenji.score).toBeGreaterThan(haruto.score);
    expect(akiko.fit).toBe(1);
    expect(akiko.warmth).toBeGreaterThan(0.9);
    expect(kenji.warmth).toBeGreaterThan(0.4);
    expect(kenji.warmth).toBeLessThan(0.6);
    expect(kenji.knownBy.map((m) => m.name)).toContain(unit.member.name);
    expect(kenji.fitReasons).toContain(`Last contact on ${kenji.lastContactAt!.slice(0, 10)} by ${unit.member.name}`);
    expect(haruto).toMatchObject({ lastContactAt: null, warmth: 0, investorProfiles: [{ investorType: "VENTURE_CAPITAL", organisation: { name: "Sakura Bio Capital" } }] });
    expect(haruto.fitReasons).toEqual(expect.arrayContaining(["Invests through Sakura Bio Capital", "No contact recorded yet"]));
  });

  it("filters by university, investor type, graduation year, place and free text", async () => {
    const all = await run(uni, null);
    // Any member university: not the foreign institute's alumni, not people without a profile.
    expect(names(all.nodes).sort()).toEqual(["Auto Investor", "Haruto Fund Partner", "Kenji Mori", "Seoul Investor", "Small Ticket", "佐藤 明子"].sort());
    expect(names((await run(uni, { universityId: gid("Organisation", foreignUni.id) })).nodes)).toEqual(["Foreign Alumnus"]);
    expect(names((await run(uni, { ...LIFE_SCIENCES_JAPAN, investorTypes: ["ANGEL"] })).nodes)).toEqual(["Kenji Mori"]);
    expect(names((await run(uni, { ...LIFE_SCIENCES_JAPAN, graduationYearFrom: 2010 })).nodes).sort()).toEqual(["Haruto Fund Partner", "Kenji Mori"]);
    expect(names((await run(uni, { ...LIFE_SCIENCES_JAPAN, graduationYearTo: 2010 })).nodes)).toEqual(["佐藤 明子"]);
    const inJapan = await run(uni, { sectors: ["life sciences"], placeId: gid("Place", japan.id) });
    expect(names(inJapan.nodes).sort()).toEqual(["Haruto Fund Partner", "Kenji Mori", "Small Ticket", "佐藤 明子"].sort());
    expect(names((await run(uni, { ticketMaxGbp: 600_000 })).nodes)).toEqual(["Small Ticket"]);
    expect(names((await run(uni, { sectors: ["automotive"] })).nodes)).toEqual(["Auto Investor"]);
    // Free text, with transliterations and typos.
    expect(names((await run(uni, { query: "Akiko Sato" })).nodes)).toEqual(["佐藤 明子"]);
    expect(names((await run(uni, { query: "Kenij Mori" })).nodes)).toEqual(["Kenji Mori"]);
  });

  it("answers the same whether a filter on the person or on the profiles narrows the search first", async () => {
    // With a person filter (country, place, text) the people are found first; without one,
    // the alumni's profiles are: the same alumni must come out, with the same everything.
    const everywhere = await run(uni, { sectors: ["life sciences"] }, { first: 50 });
    const inJapan = await run(uni, { sectors: ["life sciences"], countryCodes: ["JP"] }, { first: 50 });
    // Small Ticket and Haruto tie on score (their order is by id): compared as a set.
    expect(names(inJapan.nodes).sort()).toEqual(["Haruto Fund Partner", "Kenji Mori", "Small Ticket", "佐藤 明子"].sort());
    expect(inJapan.nodes).toEqual(everywhere.nodes.filter((n) => n.countryCode === "JP"));
    expect(inJapan.totalCount).toBe(4);
    expect(everywhere.totalCount).toBe(5);
  });

  it("pages stably and runs a fixed number of SQL statements", async () => {
    const whole = await run(uni, null, { first: 50 });
    const collected: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof run>> = await run(uni, null, { first: 2, after });
      expect(page.totalCount).toBe(whole.totalCount);
      collected.push(...names(page.nodes));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(collected).toEqual(names(whole.nodes));
    const small = await server.gql<Page>(SCALARS, { filter: null, first: 1 }, uni.token);
    const large = await server.gql<Page>(SCALARS, { filter: null, first: 50 }, uni.token);
    const text = await server.gql<Page>(SCALARS, { filter: { ...LIFE_SCIENCES_JAPAN, query: "Kenji" }, first: 50 }, uni.token);
    expect(small.data?.alumniInvestors.nodes).toHaveLength(1);
    expect(large.data?.alumniInvestors.nodes.length).toBeGreaterThan(5);
    expect(text.data?.alumniInvestors.nodes).toHaveLength(1);
    expect(small.statements).toBe(large.statements);
    expect(text.statements).toBe(large.statements);
    // The viewer lookup and one query.
    expect(large.statements).toBeLessThanOrEqual(3);
  });

  it("names the failing field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ticketMinGbp: 5_000_000, ticketMaxGbp: 1_000_000 }, "filter.ticketMaxGbp"],
      [{ countryCodes: ["Japan"] }, "filter.countryCodes.0"],
      [{ graduationYearFrom: 2020, graduationYearTo: 2010 }, "filter.graduationYearTo"],
      [{ universityId: gid("Place", tokyo.id) }, "filter.universityId"],
      [{ ticketMinGbp: -1 }, "filter.ticketMinGbp"],
    ];
    for (const [filter, field] of cases) {
      const res = await server.gql(QUERY, { filter }, uni.token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
