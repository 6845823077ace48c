import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import { affiliations, alumniTies, organisations } from "../../server/db/tables/index.js";
import { type Actor, gid, makeActor, makeColleague, makeOrganisation, makePerson, makePlace } from "../support/factories.js";
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
const ORGANISATION = `id name nameLatin kind sectors website description visibility version canEdit archivedAt
  ownerMember { name } place { name } parent { name } affiliations { role person { fullName } }`;
const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORGANISATION} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, version: $v, input: $input) { ${ORGANISATION} } }`;

type Organisation = { id: string; version: number; name: string };
type Page = { organisations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string }[] } };

async function names(filter: string, token = alice.token): Promise<string[]> {
  const res = await server.gql<Page>(`{ organisations(filter: { ${filter} }, first: 100) { totalCount nodes { name } } }`, {}, token);
  expect(res.errors).toBeUndefined();
  expect(res.data?.organisations.totalCount).toBe(res.data?.organisations.nodes.length);
  return res.data!.organisations.nodes.map((n) => n.name);
}

describe("organisation(id)", () => {
  it("requires authentication", async () => {
    const o = await makeOrganisation(server.db, alice);
    const res = await server.gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: gid("Organisation", o.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.organisation ?? null).toBeNull();
    const list = await server.gql(`{ organisations { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record through any path", async () => {
    const place = await makePlace(server.db, { countryCode: "ZW" });
    const secret = await makeOrganisation(server.db, alice, {
      name: "Secret Zebra Holdings",
      kind: "UNIVERSITY",
      visibility: "PRIVATE",
      placeId: place.id,
      sectors: ["zebra-sector"],
    });
    const id = gid("Organisation", secret.id);

    const byId = await server.gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ organisation: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    const list = await server.gql(
      `{ a: organisations(filter: { query: "Secret Zebra" }) { totalCount nodes { id } }
         b: organisations(filter: { sector: "zebra-sector" }) { totalCount }
         c: organisations(filter: { countryCode: "ZW" }) { totalCount } }`,
      {},
      bob.token,
    );
    expect(list.data).toEqual({ a: { totalCount: 0, nodes: [] }, b: { totalCount: 0 }, c: { totalCount: 0 } });

    // Nested: a shared person's affiliations and degrees, and a shared child organisation's parent.
    const person = await makePerson(server.db, alice, { fullName: "Shared Person" });
    await server.db.insert(affiliations).values({ personId: person.id, organisationId: secret.id, role: "Chair" });
    await server.db.insert(alumniTies).values({ personId: person.id, universityId: secret.id, degree: "PhD" });
    const child = await makeOrganisation(server.db, alice, { name: "Shared Child", parentId: secret.id });
    const nested = await server.gql(
      `query($p: ID!, $c: ID!) {
        person(id: $p) { fullName affiliations { organisation { id } } alumniTies { university { id } } }
        organisation(id: $c) { name parent { id } } }`,
      { p: gid("Person", person.id), c: gid("Organisation", child.id) },
      bob.token,
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.data).toEqual({
      person: { fullName: "Shared Person", affiliations: [], alumniTies: [] },
      organisation: { name: "Shared Child", parent: null },
    });
    const people = await server.gql(
      `query($o: ID!) { people(filter: { organisationId: $o }) { totalCount nodes { id } } }`,
      { o: id },
      bob.token,
    );
    expect(people.data).toEqual({ people: { totalCount: 0, nodes: [] } });

    // References in inputs: indistinguishable from a missing organisation.
    const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
    const refs: [string, (org: string) => Record<string, unknown>, string][] = [
      [CREATE, (org) => ({ name: "Child", kind: "COMPANY", parentId: org }), "input.parentId"],
      [CREATE_PERSON, (org) => ({ fullName: "X", affiliations: [{ organisationId: org }] }), "input.affiliations.0.organisationId"],
      [CREATE_PERSON, (org) => ({ fullName: "X", alumniTies: [{ universityId: org }] }), "input.alumniTies.0.universityId"],
    ];
    for (const [mutation, input, field] of refs) {
      const hidden = await server.gql(mutation, { input: input(id) }, bob.token);
      expect(hidden.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
      const missing = await server.gql(mutation, { input: input(gid("Organisation", MISSING)) }, bob.token);
      expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
    }

    // Writes: indistinguishable from a missing record.
    const write = await server.gql(UPDATE, { id, v: 1, input: { description: "x" } }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(UPDATE, { id: gid("Organisation", MISSING), v: 1, input: { description: "x" } }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);

    // The owner member still sees all of it.
    const own = await server.gql(
      `query($id: ID!, $p: ID!, $c: ID!) { organisation(id: $id) { name affiliations { role } }
        person(id: $p) { affiliations { organisation { name } } alumniTies { degree } }
        child: organisation(id: $c) { parent { name } } }`,
      { id, p: gid("Person", person.id), c: gid("Organisation", child.id) },
      viewerA.token,
    );
    expect(own.data).toEqual({
      organisation: { name: "Secret Zebra Holdings", affiliations: [{ role: "Chair" }] },
      person: { affiliations: [{ organisation: { name: "Secret Zebra Holdings" } }], alumniTies: [{ degree: "PhD" }] },
      child: { parent: { name: "Secret Zebra Holdings" } },
    });
  });

  it("stops showing an organisation on another member's person once it is made private", async () => {
    const org = await makeOrganisation(server.db, alice, { name: "Soon Private Ltd" });
    const created = await server.gql<{ createPerson: { id: string } }>(
      `mutation($o: ID!) { createPerson(input: { fullName: "Bob's Contact", affiliations: [{ organisationId: $o, role: "CEO" }] }) { id } }`,
      { o: gid("Organisation", org.id) },
      bob.token,
    );
    expect(created.errors).toBeUndefined();
    const personId = created.data!.createPerson.id;
    const q = `query($p: ID!, $o: ID!) { person(id: $p) { affiliations { role organisation { name } } }
      people(filter: { organisationId: $o }) { totalCount } }`;
    const before = await server.gql(q, { p: personId, o: gid("Organisation", org.id) }, bob.token);
    expect(before.data).toEqual({ person: { affiliations: [{ role: "CEO", organisation: { name: "Soon Private Ltd" } }] }, people: { totalCount: 1 } });
    const hide = await server.gql(UPDATE, { id: gid("Organisation", org.id), v: 1, input: { visibility: "PRIVATE" } }, alice.token);
    expect(hide.errors).toBeUndefined();
    const after = await server.gql(q, { p: personId, o: gid("Organisation", org.id) }, bob.token);
    expect(after.data).toEqual({ person: { affiliations: [] }, people: { totalCount: 0 } });
  });
});

describe("createOrganisation / updateOrganisation / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    const place = await makePlace(server.db, { name: "Toyota City (org test)" });
    const parent = await makeOrganisation(server.db, bob, { name: "Toyota Group (test)" });
    const created = await server.gql<{ createOrganisation: Organisation & Record<string, unknown> }>(
      CREATE,
      {
        input: {
          name: "トヨタ自動車",
          nameLatin: "Toyota Motor Corporation (test)",
          kind: "COMPANY",
          placeId: gid("Place", place.id),
          parentId: gid("Organisation", parent.id),
          sectors: ["automotive", "automotive", "hydrogen"],
          website: "https://global.toyota",
          description: " Carmaker ",
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const org = created.data!.createOrganisation;
    expect(org).toMatchObject({
      name: "トヨタ自動車",
      kind: "COMPANY",
      sectors: ["automotive", "hydrogen"],
      website: "https://global.toyota",
      description: "Carmaker",
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      ownerMember: { name: alice.member.name },
      place: { name: "Toyota City (org test)" },
      parent: { name: "Toyota Group (test)" },
      affiliations: [],
    });
    const forViewer = await server.gql(`query($id: ID!) { organisation(id: $id) { canEdit } }`, { id: org.id }, viewerA.token);
    expect(forViewer.data).toEqual({ organisation: { canEdit: false } });

    const updated = await server.gql<{ updateOrganisation: Record<string, unknown> }>(
      UPDATE,
      { id: org.id, v: 1, input: { kind: "INVESTOR", parentId: null, website: null } },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateOrganisation).toMatchObject({ kind: "INVESTOR", parent: null, website: null, version: 2, name: "トヨタ自動車" });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 2) { ... on Organisation { archivedAt version } } }`,
      { id: org.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archive).toMatchObject({ version: 3 });
    expect(await names(`query: "Toyota Motor", ownedByMe: true`)).toEqual([]);
    expect(await names(`query: "Toyota Motor", ownedByMe: true, includeArchived: true`)).toEqual(["トヨタ自動車"]);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const o = await makeOrganisation(server.db, alice, { description: "Original" });
    const id = gid("Organisation", o.id);
    const first = await server.gql(UPDATE, { id, v: 1, input: { description: "First" } }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(UPDATE, { id, v: 1, input: { description: "Second" } }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { organisation(id: $id) { description version } }`, { id }, alice.token);
    expect(now.data).toEqual({ organisation: { description: "First", version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "" }, "input.name"],
      [{ kind: "BANK" }, "input.kind"],
      [{ website: "ftp://example.org" }, "input.website"],
      [{ sectors: ["x".repeat(81)] }, "input.sectors.0"],
      [{ placeId: gid("Organisation", MISSING) }, "input.placeId"],
      [{ placeId: gid("Place", MISSING) }, "input.placeId"],
      [{ parentId: gid("Organisation", MISSING) }, "input.parentId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE, { input: { name: "Invalid Org", kind: "COMPANY", ...input } }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    expect(await names(`query: "Invalid Org", includeArchived: true`)).toEqual([]);
  });

  it("refuses a parent that would make a cycle", async () => {
    const top = await makeOrganisation(server.db, alice, { name: "Cycle Top" });
    const middle = await makeOrganisation(server.db, alice, { name: "Cycle Middle", parentId: top.id });
    const bottom = await makeOrganisation(server.db, alice, { name: "Cycle Bottom", parentId: middle.id });
    const own = await server.gql(UPDATE, { id: gid("Organisation", top.id), v: 1, input: { parentId: gid("Organisation", top.id) } }, alice.token);
    expect(own.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.parentId" });
    const loop = await server.gql(UPDATE, { id: gid("Organisation", top.id), v: 1, input: { parentId: gid("Organisation", bottom.id) } }, alice.token);
    expect(loop.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.parentId" });
    const [stored] = await server.db.select().from(organisations).where(eq(organisations.id, top.id));
    expect(stored).toMatchObject({ parentId: null, version: 1 });
  });

  it("refuses viewers and other members' editors", async () => {
    const o = await makeOrganisation(server.db, alice);
    const byViewer = await server.gql(`mutation { createOrganisation(input: { name: "V", kind: NGO }) { id } }`, {}, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(UPDATE, { id: gid("Organisation", o.id), v: 1, input: { description: "x" } }, bob.token);
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archiveByOther = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id: gid("Organisation", o.id) }, bob.token);
    expect(archiveByOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ignores any attempt to set the owner: records belong to the creator's member", async () => {
    const res = await server.gql(CREATE, { input: { name: "Mass Assign", kind: "NGO", ownerMemberId: bob.member.id } }, alice.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("organisations(filter)", () => {
  it("filters by query (accents and Latin names), kind, place, country, sector and owner", async () => {
    const owner = await makeActor(server.db, server.config);
    const de = await makePlace(server.db, { countryCode: "DE", name: "Osnabrück (org filter)" });
    const jp = await makePlace(server.db, { countryCode: "JP" });
    await makeOrganisation(server.db, owner, { name: "Universität Osnabrück", kind: "UNIVERSITY", placeId: de.id, sectors: ["research"] });
    await makeOrganisation(server.db, owner, { name: "豊田市役所", nameLatin: "Toyota City Hall", kind: "CITY_GOVERNMENT", placeId: jp.id, sectors: ["automotive"] });
    await makeOrganisation(server.db, owner, { name: "Osnabrueck Ventures", kind: "INVESTOR", placeId: de.id, sectors: ["research", "fintech"] });

    const mine = (filter: string) => names(`ownedByMe: true, ${filter}`, owner.token);
    expect(await mine(`query: "universitat osnabruck"`)).toEqual(["Universität Osnabrück"]);
    expect(await mine(`query: "city hall"`)).toEqual(["豊田市役所"]);
    expect(await mine(`kind: INVESTOR`)).toEqual(["Osnabrueck Ventures"]);
    expect(await mine(`countryCode: "de"`)).toEqual(["Osnabrueck Ventures", "Universität Osnabrück"]);
    expect(await mine(`sector: "research"`)).toEqual(["Osnabrueck Ventures", "Universität Osnabrück"]);
    const byPlace = await server.gql<Page>(
      `query($p: ID!) { organisations(filter: { placeId: $p }) { nodes { name } } }`,
      { p: gid("Place", jp.id) },
      owner.token,
    );
    expect(byPlace.data?.organisations.nodes.map((n) => n.name)).toEqual(["豊田市役所"]);
    expect(await names(`ownedByMe: true, query: "Osnabr"`)).toEqual([]);
  });

  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const place = await makePlace(server.db);
    const parent = await makeOrganisation(server.db, owner, { name: "Paging Parent", placeId: place.id });
    const person = await makePerson(server.db, owner, { placeId: place.id });
    for (let i = 0; i < 12; i++) {
      const o = await makeOrganisation(server.db, owner, { name: `Pager ${String(i).padStart(2, "0")}`, placeId: place.id, parentId: parent.id });
      await server.db.insert(affiliations).values({ personId: person.id, organisationId: o.id });
    }
    const q = `query($first: Int, $after: String) { organisations(filter: { ownedByMe: true, query: "Pager " }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { name canEdit ownerMember { name } place { name } parent { name place { name } }
        affiliations { person { fullName place { name } } } } } }`;
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.organisations.nodes.map((n) => n.name)).toEqual(["Pager 00", "Pager 01"]);
    expect(large.data?.organisations.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.organisations.pageInfo.endCursor }, owner.token);
    expect(rest.data?.organisations.nodes.map((n) => n.name)).toEqual(["Pager 10", "Pager 11"]);
    expect(rest.data?.organisations).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it("caps first at 100 and rejects a bad cursor naming the field", async () => {
    const bad = await server.gql(`{ organisations(after: "nonsense") { nodes { id } } }`, {}, alice.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    const negative = await server.gql(`{ organisations(first: -1) { nodes { id } } }`, {}, alice.token);
    expect(negative.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
  });
});
