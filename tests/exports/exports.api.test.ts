import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import {
  type Actor,
  gid,
  makeActor,
  makeAlumniTie,
  makeInteraction,
  makeInvestorProfile,
  makeOrganisation,
  makePerson,
  makePlace,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let uni: Actor; // EDITOR at a member university
let bob: Actor; // EDITOR at another member

beforeAll(async () => {
  server = await startTestServer();
  uni = await makeActor(server.db, server.config, "EDITOR", { kind: "UNIVERSITY", name: `University of Exportham ${process.pid}` });
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

interface Csv {
  status: number;
  bytes: Buffer;
  text: string;
  rows: Record<string, string>[];
  headers: Headers;
  json: { errors?: { extensions?: { code?: string; field?: string } }[] } | null;
}

async function download(path: string, token?: string): Promise<Csv> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  const isCsv = (res.headers.get("content-type") ?? "").startsWith("text/csv");
  return {
    status: res.status,
    bytes,
    text,
    headers: res.headers,
    rows: isCsv ? (parse(bytes, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]) : [],
    json: isCsv ? null : (JSON.parse(text) as Csv["json"]),
  };
}

const q = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const value of Array.isArray(v) ? v : [v]) search.append(k, value);
  return search.toString();
};

describe("CSV exports", () => {
  it("requires authentication", async () => {
    for (const path of ["/exports/people.csv", "/exports/search.csv?query=x", "/exports/alumni-investors.csv", `/exports/saved-searches/${gid("SavedSearch", "00000000-0000-4000-8000-000000000000")}.csv`]) {
      const anonymous = await download(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.json?.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const forged = await download(path, "not-a-token");
      expect(forged.status).toBe(401);
    }
  });

  it("cannot see another member's private record: no rows, no owner-only fields, no sensitive notes", async () => {
    await makePerson(server.db, uni, { fullName: "Privatus Exportwick", visibility: "PRIVATE", email: "privatus@example.org" });
    const shared = await makePerson(server.db, uni, { fullName: "Sharedus Exportwick", email: "sharedus@example.org", phone: "+44 7700 900555" });
    await makeInteraction(server.db, uni, { subject: "Exportwick meeting", notes: "Confidential Exportwick valuation", notesSensitive: true, personIds: [shared.id] });

    const theirs = await download(`/exports/people.csv?${q({ query: "Exportwick" })}`, bob.token);
    expect(theirs.status).toBe(200);
    expect(theirs.rows.map((r) => r.Name)).toEqual(["Sharedus Exportwick"]);
    expect(theirs.rows[0]).toMatchObject({ Email: "", Phone: "" });
    expect(theirs.headers.get("x-total-count")).toBe("1");
    expect(theirs.text).not.toMatch(/Privatus|privatus@|sharedus@|900555/);

    const ours = await download(`/exports/people.csv?${q({ query: "Exportwick" })}`, uni.token);
    expect(ours.rows.map((r) => r.Name)).toEqual(["Privatus Exportwick", "Sharedus Exportwick"]);
    expect(ours.rows[1]).toMatchObject({ Email: "sharedus@example.org", Phone: "'+44 7700 900555" });

    const search = await download(`/exports/search.csv?${q({ query: "Exportwick" })}`, bob.token);
    expect(search.rows.map((r) => r.Name).sort()).toEqual(["Exportwick meeting", "Sharedus Exportwick"]);
    expect(search.text).not.toMatch(/Privatus|Confidential|valuation/);
    const ownSearch = await download(`/exports/search.csv?${q({ query: "valuation" })}`, uni.token);
    expect(ownSearch.rows.map((r) => r.Extract)).toEqual(["Exportwick meeting · Confidential Exportwick valuation"]);
    expect((await download(`/exports/search.csv?${q({ query: "valuation" })}`, bob.token)).rows).toEqual([]);
  });

  it("writes RFC 4180 CSV with a BOM that parses back to the same values, formulas neutralised", async () => {
    const tricky = [
      { fullName: 'Quotey "The Quote" Csvford, Jr.', jobTitle: "Line one\nline two", bio: null },
      { fullName: "Formula Csvford", jobTitle: "=HYPERLINK(\"http://evil.example\",\"click\")", bio: null },
      { fullName: "Plus Csvford", jobTitle: "+44 cmd", bio: null },
      { fullName: "Minus Csvford", jobTitle: "-2+3", bio: null },
      { fullName: "At Csvford", jobTitle: "@SUM(A1:A2)", bio: null },
      { fullName: "Ünïcödé 田中 Csvford", jobTitle: "Tab\there", bio: null },
    ];
    for (const t of tricky) await makePerson(server.db, uni, t);
    const csv = await download(`/exports/people.csv?${q({ query: "Csvford" })}`, uni.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    // UTF-8 byte order mark, CRLF record ends, quotes doubled inside quoted fields.
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain("\r\n");
    expect(csv.text).toContain('"Quotey ""The Quote"" Csvford, Jr."');
    const byName = new Map(csv.rows.map((r) => [r.Name, r]));
    expect(byName.get('Quotey "The Quote" Csvford, Jr.')?.["Job title"]).toBe("Line one\nline two");
    expect(byName.get("Formula Csvford")?.["Job title"]).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(byName.get("Plus Csvford")?.["Job title"]).toBe("'+44 cmd");
    expect(byName.get("Minus Csvford")?.["Job title"]).toBe("'-2+3");
    expect(byName.get("At Csvford")?.["Job title"]).toBe("'@SUM(A1:A2)");
    expect(byName.get("Ünïcödé 田中 Csvford")?.["Job title"]).toBe("Tab\there");
    // Every cell of every row is a string; no cell starts a formula.
    for (const row of csv.rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("uses the same filters as the API", async () => {
    const osaka = await makePlace(server.db, { name: "Osaka", countryCode: "JP" });
    const org = await makeOrganisation(server.db, bob, { name: "Filterco Exports" });
    await makePerson(server.db, bob, { fullName: "Filtra One", placeId: osaka.id, sectors: ["agri-tech"] });
    await makePerson(server.db, bob, { fullName: "Filtra Two", placeId: osaka.id });
    const three = await makePerson(server.db, uni, { fullName: "Filtra Three" });
    await server.gql(
      `mutation($id: ID!, $org: ID!) { updatePerson(id: $id, version: 1, input: { affiliations: [{ organisationId: $org, role: "Adviser" }] }) { id } }`,
      { id: gid("Person", three.id), org: gid("Organisation", org.id) },
      uni.token,
    );
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [{ query: "Filtra", countryCode: "JP" }, { query: "Filtra", countryCode: "JP" }],
      [{ query: "Filtra", sector: "agri-tech" }, { query: "Filtra", sector: "agri-tech" }],
      [{ query: "Filtra", ownedByMe: "true" }, { query: "Filtra", ownedByMe: true }],
      [{ organisationId: gid("Organisation", org.id) }, { organisationId: gid("Organisation", org.id) }],
    ];
    for (const [params, filter] of cases) {
      const api = await server.gql<{ people: { nodes: { fullName: string }[] } }>(
        `query($filter: PersonFilter) { people(filter: $filter, first: 100) { nodes { fullName } } }`,
        { filter },
        uni.token,
      );
      const csv = await download(`/exports/people.csv?${q(params)}`, uni.token);
      expect(csv.rows.map((r) => r.Name)).toEqual(api.data!.people.nodes.map((n) => n.fullName));
    }
    const withOrg = await download(`/exports/people.csv?${q({ organisationId: gid("Organisation", org.id) })}`, uni.token);
    expect(withOrg.rows).toMatchObject([{ Name: "Filtra Three", Organisations: "Adviser, Filterco Exports" }]);
  });

  it("downloads alumni investors with why each matched, in the API's order", async () => {
    const uniOrg = await makeOrganisation(server.db, uni, { name: uni.member.name, kind: "UNIVERSITY" });
    const tokyo = await makePlace(server.db, { name: "Tokyo", countryCode: "JP" });
    for (const [name, min, max] of [["Alumna Exportova", 1_000_000, 9_000_000], ["Alumnus Exportov", 2_000_000, 4_000_000]] as const) {
      const person = await makePerson(server.db, bob, { fullName: name, placeId: tokyo.id, email: `${name.split(" ")[0]}@example.jp` });
      await makeAlumniTie(server.db, person, uniOrg, { degree: "PhD", subject: "Biochemistry", graduationYear: 2010 });
      await makeInvestorProfile(server.db, bob, { personId: person.id }, { investorType: "ANGEL", sectors: ["health and life sciences"], ticketMinGbp: min, ticketMaxGbp: max });
    }
    const filter = { sectors: ["life sciences"], countryCodes: ["JP"], ticketMinGbp: 1_000_000 };
    const api = await server.gql<{ alumniInvestors: { nodes: { person: { fullName: string }; fitReasons: string[] }[] } }>(
      `query($filter: AlumniInvestorFilter) { alumniInvestors(filter: $filter, first: 100) { nodes { person { fullName } fitReasons } } }`,
      { filter },
      uni.token,
    );
    const csv = await download(`/exports/alumni-investors.csv?${q({ sectors: "life sciences", countryCodes: "JP", ticketMinGbp: "1000000" })}`, uni.token);
    expect(csv.status).toBe(200);
    expect(csv.rows.map((r) => r.Name)).toEqual(api.data!.alumniInvestors.nodes.map((n) => n.person.fullName));
    expect(csv.rows).toHaveLength(2);
    expect(csv.rows[0]).toMatchObject({
      Country: "JP",
      "Alumni of": `${uni.member.name}, PhD, Biochemistry, 2010`,
      "Matched sectors": "health and life sciences",
      "Investor types": "ANGEL",
      Email: "",
      Phone: "",
    });
    expect(csv.rows[0]!.Why).toBe(api.data!.alumniInvestors.nodes[0]!.fitReasons.join("; "));
    expect(Number(csv.rows[0]!["Ticket min (GBP)"])).toBeGreaterThanOrEqual(1_000_000);
    expect(csv.text).not.toMatch(/@example\.jp/);
    // The owner of the people records sees their emails.
    const owner = await download(`/exports/alumni-investors.csv?${q({ universityId: gid("Organisation", uniOrg.id) })}`, bob.token);
    expect(owner.rows.map((r) => r.Email).sort()).toEqual(["Alumna@example.jp", "Alumnus@example.jp"]);
  });

  it("downloads a saved search, only for the user who saved it", async () => {
    await makeOrganisation(server.db, uni, { name: "Savedexport Labs" });
    const saved = await server.gql<{ createSavedSearch: { csvPath: string } }>(
      `mutation { createSavedSearch(input: { name: "Labs", search: { query: "Savedexport" } }) { csvPath } }`,
      {},
      uni.token,
    );
    const path = saved.data!.createSavedSearch.csvPath;
    const mine = await download(path, uni.token);
    expect(mine.status).toBe(200);
    expect(mine.rows).toMatchObject([{ Kind: "ORGANISATION", Name: "Savedexport Labs" }]);
    expect(mine.headers.get("content-disposition")).toMatch(/filename="Labs-/);
    const theirs = await download(path, bob.token);
    expect(theirs.status).toBe(404);
    expect(theirs.json?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await download("/exports/saved-searches/garbage.csv", uni.token)).status).toBe(404);
  });

  it("answers bad filters with 400 naming the parameter", async () => {
    const cases: [string, string][] = [
      [`/exports/alumni-investors.csv?${q({ ticketMinGbp: "5", ticketMaxGbp: "1" })}`, "ticketMaxGbp"],
      [`/exports/alumni-investors.csv?${q({ ticketMinGbp: "lots" })}`, "ticketMinGbp"],
      [`/exports/alumni-investors.csv?${q({ countryCodes: "JP,Japan" })}`, "countryCodes.1"],
      [`/exports/people.csv?${q({ countryCode: "Japan" })}`, "countryCode"],
      [`/exports/people.csv?${q({ ownedByMe: "maybe" })}`, "ownedByMe"],
      [`/exports/search.csv`, "query"],
      [`/exports/search.csv?${q({ query: "x", kinds: "PERSON,SPACESHIP" })}`, "kinds.1"],
    ];
    for (const [path, field] of cases) {
      const res = await download(path, uni.token);
      expect(res.status).toBe(400);
      expect(res.json?.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
