import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { MEMBER_EXPORT_TABLES } from "../../server/modules/exports/member-export.js";
import { type Scenario, day, expectNoLeak, makeScenario } from "../support/adversary.js";
import { gid } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// The read paths outside GraphQL: CSV exports, saved-search downloads, the member export
// and Markdown briefings. A user of member B gets nothing of member A's private data from
// any of them, and a private record's address answers exactly as a missing one.

let server: TestServer;
let s: Scenario;
let ownSavedSearch: string;
let ownSavedList: string;

beforeAll(async () => {
  server = await startTestServer();
  s = await makeScenario(server);
  // B saves searches aimed at A's private records: running them applies today's sharing rules.
  const saved = await server.gql<{ a: { id: string }; b: { id: string } }>(
    `mutation($x: CreateSavedSearchInput!, $y: CreateSavedSearchInput!) { a: createSavedSearch(input: $x) { id } b: createSavedSearch(input: $y) { id } }`,
    {
      x: { name: "B hunts A", search: { query: s.secretMark } },
      y: { name: "B hunts A's organisation", people: { organisationId: gid("Organisation", s.secret.organisation.id) } },
    },
    s.attacker.token,
  );
  expect(saved.errors).toBeUndefined();
  ownSavedSearch = saved.data!.a.id;
  ownSavedList = saved.data!.b.id;
});
afterAll(() => server.stop());

async function get(path: string, token = s.attacker.token) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.text(), total: res.headers.get("x-total-count") };
}

/** CSV data rows (the header and the byte order mark left out). */
const rows = (csv: string) => csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);

describe("CSV exports", () => {
  it.each([
    ["people.csv", "/exports/people.csv", true],
    ["people.csv in the shared place", () => `/exports/people.csv?placeId=${gid("Place", s.place.id)}`, true],
    ["people.csv by A's private organisation", () => `/exports/people.csv?organisationId=${gid("Organisation", s.secret.organisation.id)}`, false],
    ["people.csv by the secret's name", () => `/exports/people.csv?query=${s.secretMark}`, false],
    ["search.csv for the secret's name", () => `/exports/search.csv?query=${s.secretMark}`, false],
    ["search.csv for the twin's name", () => `/exports/search.csv?query=${s.sharedMark}`, true],
    ["search.csv for the twin's owner-only email", () => `/exports/search.csv?query=${encodeURIComponent(`${s.secretMark.toLowerCase()}@victim.example`)}`, false],
    ["alumni-investors.csv of B's university", () => `/exports/alumni-investors.csv?universityId=${gid("Organisation", s.attackerOwn.university.id)}`, true],
    ["alumni-investors.csv by the secret's sector", () => `/exports/alumni-investors.csv?sectors=${encodeURIComponent(`${s.secretMark} energy`)}`, false],
    ["B's saved search for the secret's name", () => `/exports/saved-searches/${ownSavedSearch}.csv`, false],
    ["B's saved people list of A's private organisation", () => `/exports/saved-searches/${ownSavedList}.csv`, false],
  ] as const)("%s: nothing of A's private data, and counts that agree", async (what, path, shows) => {
    const res = await get(typeof path === "string" ? path : path());
    expect({ what, status: res.status }).toEqual({ what, status: 200 });
    expectNoLeak(s, res.body, what);
    expect({ what, shows: res.body.includes(s.sharedMark) }).toEqual({ what, shows });
    // The full count is of visible rows only: no hidden row is counted.
    expect({ what, total: Number(res.total) }).toEqual({ what, total: rows(res.body).length });
  });

  it("answers A's saved search exactly as one that does not exist", async () => {
    const theirs = await get(`/exports/saved-searches/${s.victimPrivate.savedSearch}.csv`);
    const missing = await get(`/exports/saved-searches/${gid("SavedSearch", "00000000-0000-4000-8000-000000000000")}.csv`);
    expect(theirs).toEqual({ ...missing, total: null });
    expect(theirs.status).toBe(404);
    expectNoLeak(s, theirs.body, "saved search");
  });
});

describe("the member export", () => {
  it("is for admins of the member only", async () => {
    expect((await get("/exports/member.json")).status).toBe(403);
    expect((await get("/exports/member/people.csv")).status).toBe(403);
  });

  it("holds B's own records and nothing of A's, as JSON and as every CSV table", async () => {
    const json = await get("/exports/member.json", s.attackerAdmin.token);
    expect(json.status).toBe(200);
    expectNoLeak(s, json.body, "member.json");
    expect(json.body).toContain(s.attackerOwn.person.fullName);
    expect(json.body).not.toContain(s.sharedMark); // A's NETWORK records are A's to export, not B's
    for (const table of MEMBER_EXPORT_TABLES) {
      const csv = await get(`/exports/member/${table.name}.csv`, s.attackerAdmin.token);
      expect({ table: table.name, status: csv.status }).toEqual({ table: table.name, status: 200 });
      expectNoLeak(s, csv.body, `member/${table.name}.csv`);
      expect({ table: table.name, shared: csv.body.includes(s.sharedMark) }).toEqual({ table: table.name, shared: false });
    }
  });
});

describe("Markdown briefings", () => {
  const MISSING_VISIT = gid("Visit", "00000000-0000-4000-8000-000000000000");

  it("answers A's private visit exactly as a missing one", async () => {
    const secret = await get(`/briefings/${gid("Visit", s.secret.visit.id)}.md`);
    const missing = await get(`/briefings/${MISSING_VISIT}.md`);
    expect(secret).toEqual(missing);
    expect(secret.status).toBe(404);
  });

  it.each([
    ["A's NETWORK visit", () => `/briefings/${gid("Visit", s.shared.visit.id)}.md`],
    ["B's own visit to the same place", () => `/briefings/${gid("Visit", s.attackerOwn.visit.id)}.md`],
    ["the city", () => `/briefings/places/${gid("Place", s.place.id)}.md?from=${day(15)}&to=${day(45)}`],
    ["the country", () => `/briefings/places/${gid("Place", s.country.id)}.md?from=${day(15)}&to=${day(45)}`],
  ])("briefs %s without anything of A's private data", async (what, path) => {
    const res = await get(path());
    expect({ what, status: res.status }).toEqual({ what, status: 200 });
    expectNoLeak(s, res.body, what);
    expect({ what, shows: res.body.includes(s.sharedMark) }).toEqual({ what, shows: true });
  });
});
