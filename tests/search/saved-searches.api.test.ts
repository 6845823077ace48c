import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type Actor,
  gid,
  makeActor,
  makeAlumniTie,
  makeColleague,
  makeInvestorProfile,
  makeOrganisation,
  makePerson,
  makePlace,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let colleague: Actor; // VIEWER at member A
let bob: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR", { kind: "UNIVERSITY", name: `University of Savedale ${process.pid}` });
  colleague = await makeColleague(server.db, server.config, alice, "VIEWER");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const CREATE = `mutation($input: CreateSavedSearchInput!) {
  createSavedSearch(input: $input) { id name kind csvPath search { query kinds } alumni { sectors countryCodes ticketMinGbp } people { query countryCode } }
}`;
const LIST = `{ savedSearches { id name kind } }`;
const RUN = `query($id: ID!) {
  savedSearch(id: $id) {
    name kind
    searchResults(first: 10) { totalCount nodes { kind record { id } } }
    alumniResults(first: 10) { totalCount nodes { person { fullName } } }
    peopleResults(first: 10) { totalCount nodes { fullName } }
  }
}`;
const DELETE = `mutation($id: ID!) { deleteSavedSearch(id: $id) }`;

interface Saved {
  id: string;
  name: string;
  kind: string;
  csvPath: string;
}

async function save(actor: Actor, input: Record<string, unknown>): Promise<Saved> {
  const res = await server.gql<{ createSavedSearch: Saved }>(CREATE, { input }, actor.token);
  expect(res.errors).toBeUndefined();
  return res.data!.createSavedSearch;
}

describe("saved searches", () => {
  it("requires authentication", async () => {
    const list = await server.gql(LIST);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const create = await server.gql(CREATE, { input: { name: "x", search: { query: "x" } } });
    expect(create.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const del = await server.gql(DELETE, { id: gid("SavedSearch", "00000000-0000-4000-8000-000000000000") });
    expect(del.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record, nor anyone else's saved search", async () => {
    const secret = await makePerson(server.db, alice, { fullName: "Privately Savedperson", visibility: "PRIVATE" });
    const mine = await save(alice, { name: "Savedperson", search: { query: "Savedperson" } });
    // Someone else's saved search (same member or not) is not listed, not readable, not deletable.
    for (const other of [bob, colleague]) {
      const list = await server.gql<{ savedSearches: Saved[] }>(LIST, {}, other.token);
      expect(list.data?.savedSearches.map((s) => s.id)).not.toContain(mine.id);
      const run = await server.gql(RUN, { id: mine.id }, other.token);
      expect(run.data).toEqual({ savedSearch: null });
      const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: mine.id }, other.token);
      expect(node.data).toEqual({ node: null });
      const del = await server.gql(DELETE, { id: mine.id }, other.token);
      expect(del.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const missing = await server.gql(DELETE, { id: gid("SavedSearch", "00000000-0000-4000-8000-000000000000") }, other.token);
      expect(missing.errors?.[0]?.message).toBe(del.errors?.[0]?.message);
    }
    // Bob running the same filter does not find alice's member's private person.
    const bobs = await save(bob, { name: "Savedperson", search: { query: "Savedperson" } });
    const bobRun = await server.gql<{ savedSearch: { searchResults: { totalCount: number } } }>(RUN, { id: bobs.id }, bob.token);
    expect(bobRun.data?.savedSearch.searchResults.totalCount).toBe(0);
    const aliceRun = await server.gql<{ savedSearch: { searchResults: { totalCount: number; nodes: { record: { id: string } }[] } } }>(
      RUN,
      { id: mine.id },
      alice.token,
    );
    expect(aliceRun.data?.savedSearch.searchResults).toMatchObject({ totalCount: 1, nodes: [{ record: { id: gid("Person", secret.id) } }] });
  });

  it("saves, lists, runs and deletes each kind", async () => {
    const place = await makePlace(server.db, { name: "Zarkovia", countryCode: "JP" });
    const uniOrg = await makeOrganisation(server.db, alice, { name: alice.member.name, kind: "UNIVERSITY" });
    const investor = await makePerson(server.db, bob, { fullName: "Zarkovia Investor", placeId: place.id });
    await makeAlumniTie(server.db, investor, uniOrg, { graduationYear: 2001 });
    await makeInvestorProfile(server.db, bob, { personId: investor.id }, { investorType: "ANGEL", sectors: ["life sciences"], ticketMinGbp: 2_000_000 });

    const s = await save(colleague, { name: "Zarkovia everything", search: { query: "Zarkovia", kinds: ["PERSON", "PLACE"] } });
    expect(s).toMatchObject({ kind: "SEARCH", name: "Zarkovia everything" });
    expect(s.csvPath).toBe(`/exports/saved-searches/${s.id}.csv`);
    const a = await save(colleague, { name: "Japan life sciences", alumni: { sectors: ["life sciences"], countryCodes: ["JP"], ticketMinGbp: 1_000_000 } });
    const p = await save(colleague, { name: "People in Japan", people: { query: "Zarkovia", countryCode: "jp" } });

    const created = await server.gql<{ createSavedSearch: Record<string, unknown> }>(CREATE, { input: { name: "again", alumni: { sectors: ["x"] } } }, colleague.token);
    expect(created.data?.createSavedSearch).toMatchObject({ search: null, people: null, alumni: { sectors: ["x"], countryCodes: null } });

    const list = await server.gql<{ savedSearches: Saved[] }>(LIST, {}, colleague.token);
    expect(list.data?.savedSearches.map((x) => x.name)).toEqual(["again", "People in Japan", "Japan life sciences", "Zarkovia everything"]);

    const runS = await server.gql<{ savedSearch: Record<string, { totalCount: number; nodes: unknown[] } | null> }>(RUN, { id: s.id }, colleague.token);
    expect(runS.errors).toBeUndefined();
    expect(runS.data?.savedSearch).toMatchObject({ kind: "SEARCH", alumniResults: null, peopleResults: null, searchResults: { totalCount: 2 } });
    const runA = await server.gql<{ savedSearch: Record<string, unknown> }>(RUN, { id: a.id }, colleague.token);
    expect(runA.data?.savedSearch).toMatchObject({
      searchResults: null,
      peopleResults: null,
      alumniResults: { totalCount: 1, nodes: [{ person: { fullName: "Zarkovia Investor" } }] },
    });
    const runP = await server.gql<{ savedSearch: Record<string, unknown> }>(RUN, { id: p.id }, colleague.token);
    expect(runP.data?.savedSearch).toMatchObject({ peopleResults: { totalCount: 1, nodes: [{ fullName: "Zarkovia Investor" }] } });

    const del = await server.gql<{ deleteSavedSearch: string }>(DELETE, { id: s.id }, colleague.token);
    expect(del.data?.deleteSavedSearch).toBe(s.id);
    const after = await server.gql<{ savedSearches: Saved[] }>(LIST, {}, colleague.token);
    expect(after.data?.savedSearches.map((x) => x.id)).not.toContain(s.id);
    const gone = await server.gql(DELETE, { id: s.id }, colleague.token);
    expect(gone.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("lists with a fixed number of SQL statements", async () => {
    const before = await server.gql(LIST, {}, bob.token);
    for (let i = 0; i < 5; i++) await save(bob, { name: `Bulk ${i}`, search: { query: `bulk ${i}` } });
    const afterList = await server.gql<{ savedSearches: Saved[] }>(LIST, {}, bob.token);
    expect(afterList.data?.savedSearches.length).toBeGreaterThanOrEqual(5);
    expect(afterList.statements).toBe(before.statements);
  });

  it("names the failing field", async () => {
    await save(bob, { name: "Taken", search: { query: "x" } });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Taken", search: { query: "y" } }, "input.name"],
      [{ name: "  ", search: { query: "y" } }, "input.name"],
      [{ name: "Two", search: { query: "y" }, people: { query: "z" } }, "input"],
      [{ name: "None" }, "input"],
      [{ name: "Empty", search: { query: "  " } }, "input.search.query"],
      [{ name: "Range", alumni: { ticketMinGbp: 5, ticketMaxGbp: 1 } }, "input.alumni.ticketMaxGbp"],
      [{ name: "Country", people: { countryCode: "Japan" } }, "input.people.countryCode"],
      [{ name: "Wrong id", people: { organisationId: gid("Place", "00000000-0000-4000-8000-000000000000") } }, "input.people.organisationId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE, { input }, bob.token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
