import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, gid, makeActor, makeColleague, makePlace } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let bob: Actor; // EDITOR at member B
let viewerA: Actor; // VIEWER at member A

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  bob = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
const PLACE = `id kind name nameLatin countryCode latitude longitude version archivedAt parent { name }`;
const CREATE = `mutation($input: CreatePlaceInput!) { createPlace(input: $input) { ${PLACE} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePlaceInput!) { updatePlace(id: $id, version: $v, input: $input) { ${PLACE} } }`;

type Place = { id: string; name: string; version: number };
type Page = { places: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string }[] } };

async function names(filter: string, token = alice.token): Promise<string[]> {
  const res = await server.gql<Page>(`{ places(filter: { ${filter} }, first: 100) { totalCount nodes { name } } }`, {}, token);
  expect(res.errors).toBeUndefined();
  expect(res.data?.places.totalCount).toBe(res.data?.places.nodes.length);
  return res.data!.places.nodes.map((n) => n.name);
}

describe("place(id) and places", () => {
  it("requires authentication", async () => {
    const p = await makePlace(server.db);
    const one = await server.gql(`query($id: ID!) { place(id: $id) { id } }`, { id: gid("Place", p.id) });
    expect(one.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(one.data?.place ?? null).toBeNull();
    const list = await server.gql(`{ places { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("shows places to every member: public reference data", async () => {
    const created = await server.gql<{ createPlace: Place }>(
      CREATE,
      { input: { kind: "CITY", name: "Shared Reference City", countryCode: "fr", latitude: 48.1, longitude: -1.7 } },
      bob.token,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPlace.id;
    const byId = await server.gql(`query($id: ID!) { place(id: $id) { name countryCode latitude longitude } node(id: $id) { id } }`, { id }, viewerA.token);
    expect(byId.data).toEqual({ place: { name: "Shared Reference City", countryCode: "FR", latitude: 48.1, longitude: -1.7 }, node: { id } });
    expect(await names(`query: "Shared Reference"`, viewerA.token)).toEqual(["Shared Reference City"]);
    const missing = await server.gql(`query($id: ID!) { place(id: $id) { id } }`, { id: gid("Place", MISSING) }, alice.token);
    expect(missing.data).toEqual({ place: null });
  });

  it("filters by kind, country, parent and an accent-insensitive query", async () => {
    const country = await makePlace(server.db, { kind: "COUNTRY", name: "Testland", countryCode: "TL" });
    const region = await makePlace(server.db, { kind: "REGION", name: "Niedersachsen (test)", countryCode: "TL", parentId: country.id });
    await makePlace(server.db, { kind: "CITY", name: "Osnabrück", countryCode: "TL", parentId: region.id });
    await makePlace(server.db, { kind: "CITY", name: "Hannover (test)", countryCode: "TL", parentId: region.id });
    await makePlace(server.db, { kind: "CITY", name: "豊田市", nameLatin: "Toyota City (test)", countryCode: "TM" });

    expect(await names(`countryCode: "tl"`)).toEqual(["Hannover (test)", "Niedersachsen (test)", "Osnabrück", "Testland"]);
    expect(await names(`countryCode: "TL", kind: CITY`)).toEqual(["Hannover (test)", "Osnabrück"]);
    expect(await names(`countryCode: "TL", kind: COUNTRY`)).toEqual(["Testland"]);
    const byParent = await server.gql<Page>(
      `query($p: ID!) { places(filter: { parentId: $p }) { nodes { name } } }`,
      { p: gid("Place", region.id) },
      alice.token,
    );
    expect(byParent.data?.places.nodes.map((n) => n.name)).toEqual(["Hannover (test)", "Osnabrück"]);
    expect(await names(`query: "Osnabruck"`)).toEqual(["Osnabrück"]);
    expect(await names(`query: "OSNABRÜCK"`)).toEqual(["Osnabrück"]);
    expect(await names(`query: "toyota city"`)).toEqual(["豊田市"]);
    expect(await names(`query: "%"`)).toEqual([]);
    const badParent = await server.gql(`query($p: ID!) { places(filter: { parentId: $p }) { totalCount } }`, { p: gid("Person", region.id) }, alice.token);
    expect(badParent.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.parentId" });
  });

  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const country = await makePlace(server.db, { kind: "COUNTRY", name: "Pagerland", countryCode: "PG" });
    const region = await makePlace(server.db, { kind: "REGION", name: "Pager Region", countryCode: "PG", parentId: country.id });
    for (let i = 0; i < 12; i++) {
      await makePlace(server.db, { name: `Pager City ${String(i).padStart(2, "0")}`, countryCode: "PG", parentId: region.id });
    }
    const q = `query($first: Int, $after: String) { places(filter: { countryCode: "PG", kind: CITY }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { name parent { name parent { name } } } } }`;
    const small = await server.gql<Page>(q, { first: 2 }, alice.token);
    const large = await server.gql<Page>(q, { first: 10 }, alice.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.places.nodes.map((n) => n.name)).toEqual(["Pager City 00", "Pager City 01"]);
    expect(large.data?.places.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.places.pageInfo.endCursor }, alice.token);
    expect(rest.data?.places.nodes.map((n) => n.name)).toEqual(["Pager City 10", "Pager City 11"]);
    expect(rest.data?.places).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });
});

describe("createPlace / updatePlace / archive", () => {
  it("lets an editor create, update with the version read, and archive", async () => {
    const parent = await makePlace(server.db, { kind: "REGION", name: "Aichi (test)", countryCode: "JP" });
    const created = await server.gql<{ createPlace: Place }>(
      CREATE,
      { input: { kind: "CITY", name: "豊田市 (edit test)", nameLatin: "Toyota", countryCode: "JP", parentId: gid("Place", parent.id), latitude: 35.08, longitude: 137.16 } },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPlace).toMatchObject({ kind: "CITY", countryCode: "JP", version: 1, parent: { name: "Aichi (test)" }, latitude: 35.08 });
    const id = created.data!.createPlace.id;

    // Any member's editor maintains reference data.
    const updated = await server.gql(UPDATE, { id, v: 1, input: { nameLatin: "Toyota City", parentId: null, latitude: null } }, bob.token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updatePlace).toMatchObject({ nameLatin: "Toyota City", parent: null, latitude: null, longitude: 137.16, version: 2 });

    const archived = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 2) { ... on Place { archivedAt version } } }`, { id }, alice.token);
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archive).toMatchObject({ version: 3 });
    expect(await names(`query: "edit test"`)).toEqual([]);
    expect(await names(`query: "edit test", includeArchived: true`)).toEqual(["豊田市 (edit test)"]);
  });

  it("refuses viewers", async () => {
    const p = await makePlace(server.db);
    const create = await server.gql(CREATE, { input: { kind: "CITY", name: "Viewer City", countryCode: "GB" } }, viewerA.token);
    expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const update = await server.gql(UPDATE, { id: gid("Place", p.id), v: 1, input: { name: "Renamed" } }, viewerA.token);
    expect(update.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id: gid("Place", p.id) }, viewerA.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await names(`query: "Viewer City"`)).toEqual([]);
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ countryCode: "GBR" }, "input.countryCode"],
      [{ countryCode: "1X" }, "input.countryCode"],
      [{ latitude: 90.5 }, "input.latitude"],
      [{ longitude: -181 }, "input.longitude"],
      [{ name: "  " }, "input.name"],
      [{ parentId: gid("Place", MISSING) }, "input.parentId"],
      [{ parentId: gid("Organisation", MISSING) }, "input.parentId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE, { input: { kind: "CITY", name: "Invalid Place", countryCode: "GB", ...input } }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    expect(await names(`query: "Invalid Place", includeArchived: true`)).toEqual([]);
    const p = await makePlace(server.db);
    const bad = await server.gql(UPDATE, { id: gid("Place", p.id), v: 1, input: { latitude: -91 } }, alice.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.latitude" });
  });

  it("refuses a parent that would make a cycle", async () => {
    const country = await makePlace(server.db, { kind: "COUNTRY", name: "Cycleland", countryCode: "CY" });
    const region = await makePlace(server.db, { kind: "REGION", name: "Cycle Region", countryCode: "CY", parentId: country.id });
    const city = await makePlace(server.db, { kind: "CITY", name: "Cycle City", countryCode: "CY", parentId: region.id });
    const own = await server.gql(UPDATE, { id: gid("Place", country.id), v: 1, input: { parentId: gid("Place", country.id) } }, alice.token);
    expect(own.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.parentId" });
    const loop = await server.gql(UPDATE, { id: gid("Place", country.id), v: 1, input: { parentId: gid("Place", city.id) } }, alice.token);
    expect(loop.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.parentId" });
    const now = await server.gql(`query($id: ID!) { place(id: $id) { parent { name } version } }`, { id: gid("Place", country.id) }, alice.token);
    expect(now.data).toEqual({ place: { parent: null, version: 1 } });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const p = await makePlace(server.db, { name: "Conflict City" });
    const id = gid("Place", p.id);
    const first = await server.gql(UPDATE, { id, v: 1, input: { nameLatin: "First" } }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(UPDATE, { id, v: 1, input: { nameLatin: "Second" } }, bob.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { place(id: $id) { nameLatin version } }`, { id }, alice.token);
    expect(now.data).toEqual({ place: { nameLatin: "First", version: 2 } });
    const missing = await server.gql(UPDATE, { id: gid("Place", MISSING), v: 1, input: { nameLatin: "x" } }, alice.token);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
