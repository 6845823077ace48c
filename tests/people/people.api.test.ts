import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { affiliations, alumniTies } from "../../server/db/tables/index.js";
import { eq } from "drizzle-orm";
import { type Actor, gid, makeActor, makeAffiliation, makeAlumniTie, makeColleague, makeOrganisation, makePerson, makePlace } from "../support/factories.js";
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

const PERSON = `id fullName nameLatin jobTitle email phone lawfulBasis retentionReviewOn visibility version canEdit
  ownerMember { name } place { name } affiliations { role organisation { name } } alumniTies { degree university { name } }`;

describe("person(id)", () => {
  it("requires authentication", async () => {
    const p = await makePerson(server.db, alice);
    const res = await server.gql(`query($id: ID!) { person(id: $id) { id } }`, { id: gid("Person", p.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.person ?? null).toBeNull();
  });

  it("cannot see another member's private record through any path", async () => {
    const secret = await makePerson(server.db, alice, { fullName: "Secret Zebra Person", visibility: "PRIVATE" });
    const id = gid("Person", secret.id);
    const byId = await server.gql(`query($id: ID!) { person(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ person: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    const list = await server.gql(
      `{ people(filter: { query: "Secret Zebra" }) { totalCount nodes { id } } }`,
      {},
      bob.token,
    );
    expect(list.data).toEqual({ people: { totalCount: 0, nodes: [] } });
    // Nested: an organisation's affiliations do not reveal the private person.
    const org = await makeOrganisation(server.db, bob);
    await server.gql(
      `mutation($id: ID!, $v: Int!, $orgId: ID!) { updatePerson(id: $id, version: $v, input: { affiliations: [{ organisationId: $orgId }] }) { id } }`,
      { id, v: secret.version, orgId: gid("Organisation", org.id) },
      alice.token,
    );
    const nested = await server.gql(
      `query($id: ID!) { organisation(id: $id) { affiliations { person { id } } } }`,
      { id: gid("Organisation", org.id) },
      bob.token,
    );
    expect(nested.data).toEqual({ organisation: { affiliations: [] } });
    // Writes: indistinguishable from a missing record.
    const write = await server.gql(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "x" }) { id } }`,
      { id },
      bob.token,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "x" }) { id } }`,
      { id: gid("Person", "00000000-0000-4000-8000-000000000000") },
      bob.token,
    );
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    // The owner still sees it.
    const own = await server.gql(`query($id: ID!) { person(id: $id) { fullName } }`, { id }, alice.token);
    expect(own.data).toEqual({ person: { fullName: "Secret Zebra Person" } });
  });

  it("hides email, phone and data-protection fields from other members on a NETWORK record", async () => {
    const p = await makePerson(server.db, alice, { email: "k@example.org", phone: "+44 121 000 0000", retentionReviewOn: "2030-01-01" });
    const q = `query($id: ID!) { person(id: $id) { fullName email phone lawfulBasis retentionReviewOn } }`;
    const theirs = await server.gql<{ person: Record<string, unknown> }>(q, { id: gid("Person", p.id) }, bob.token);
    expect(theirs.data?.person).toMatchObject({ email: null, phone: null, lawfulBasis: null, retentionReviewOn: null });
    const ours = await server.gql<{ person: Record<string, unknown> }>(q, { id: gid("Person", p.id) }, viewerA.token);
    expect(ours.data?.person).toMatchObject({ email: "k@example.org", phone: "+44 121 000 0000", retentionReviewOn: "2030-01-01" });
  });
});

describe("createPerson / updatePerson / archive", () => {
  it("replacing affiliations and alumni ties keeps those to organisations the editor cannot see", async () => {
    // Bob's organisations were shared when Alice's person was tied to them, then made private.
    const hiddenEmployer = await makeOrganisation(server.db, bob, { name: "Hidden Employer", visibility: "PRIVATE" });
    const hiddenUniversity = await makeOrganisation(server.db, bob, { name: "Hidden University", kind: "UNIVERSITY", visibility: "PRIVATE" });
    const oldEmployer = await makeOrganisation(server.db, alice, { name: "Old Employer" });
    const newEmployer = await makeOrganisation(server.db, alice, { name: "New Employer" });
    const person = await makePerson(server.db, alice);
    await makeAffiliation(server.db, person, hiddenEmployer);
    await makeAffiliation(server.db, person, oldEmployer);
    await makeAlumniTie(server.db, person, hiddenUniversity, { degree: "PhD" });

    const res = await server.gql<{ updatePerson: { affiliations: { organisation: { name: string } }[]; alumniTies: unknown[] } }>(
      `mutation($id: ID!, $orgId: ID!) { updatePerson(id: $id, version: 1, input: { affiliations: [{ organisationId: $orgId }], alumniTies: [] }) {
        affiliations { organisation { name } } alumniTies { degree } } }`,
      { id: gid("Person", person.id), orgId: gid("Organisation", newEmployer.id) },
      alice.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updatePerson.affiliations.map((a) => a.organisation.name)).toEqual(["New Employer"]);
    expect(res.data?.updatePerson.alumniTies).toEqual([]);
    const stored = await server.db.select().from(affiliations).where(eq(affiliations.personId, person.id));
    expect(stored.map((a) => a.organisationId).sort()).toEqual([hiddenEmployer.id, newEmployer.id].sort());
    const ties = await server.db.select().from(alumniTies).where(eq(alumniTies.personId, person.id));
    expect(ties.map((t) => t.universityId)).toEqual([hiddenUniversity.id]);
  });


  it("creates, reads, updates with the version read, and archives", async () => {
    const place = await makePlace(server.db, { name: "Toyota City" });
    const uni = await makeOrganisation(server.db, alice, { name: "Test University", kind: "UNIVERSITY" });
    const created = await server.gql<{ createPerson: Record<string, unknown> & { id: string; version: number } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${PERSON} } }`,
      {
        input: {
          fullName: "田中 宏",
          nameLatin: "Tanaka Hiroshi",
          jobTitle: "Director",
          email: "Tanaka@Example.JP",
          placeId: gid("Place", place.id),
          affiliations: [{ organisationId: gid("Organisation", uni.id), role: "Visiting professor" }],
          alumniTies: [{ universityId: gid("Organisation", uni.id), degree: "MSc", graduationYear: 2001 }],
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const person = created.data!.createPerson;
    expect(person).toMatchObject({
      fullName: "田中 宏",
      email: "tanaka@example.jp",
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      lawfulBasis: "LEGITIMATE_INTERESTS",
      place: { name: "Toyota City" },
      affiliations: [{ role: "Visiting professor", organisation: { name: "Test University" } }],
      alumniTies: [{ degree: "MSc", university: { name: "Test University" } }],
    });
    expect(person.retentionReviewOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const updated = await server.gql<{ updatePerson: { version: number; jobTitle: string } }>(
      `mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, input: { jobTitle: "Deputy Mayor" }) { version jobTitle } }`,
      { id: person.id, v: 1 },
      alice.token,
    );
    expect(updated.data?.updatePerson).toEqual({ version: 2, jobTitle: "Deputy Mayor" });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 2) { ... on Person { archivedAt version } } }`,
      { id: person.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    const listed = await server.gql<{ people: { nodes: unknown[] } }>(
      `{ people(filter: { query: "Tanaka", ownedByMe: true }) { nodes { id } } }`,
      {},
      alice.token,
    );
    expect(listed.data?.people.nodes).toEqual([]);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const p = await makePerson(server.db, alice, { jobTitle: "Original" });
    const m = `mutation($id: ID!, $v: Int!, $t: String) { updatePerson(id: $id, version: $v, input: { jobTitle: $t }) { version } }`;
    const first = await server.gql(m, { id: gid("Person", p.id), v: 1, t: "First" }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("Person", p.id), v: 1, t: "Second" }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { person(id: $id) { jobTitle version } }`, { id: gid("Person", p.id) }, alice.token);
    expect(now.data).toEqual({ person: { jobTitle: "First", version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fullName: "" }, "input.fullName"],
      [{ fullName: "X", email: "not-an-email" }, "input.email"],
      [{ fullName: "X", retentionReviewOn: "2026-02-30" }, "input.retentionReviewOn"],
      [{ fullName: "X", placeId: gid("Organisation", "00000000-0000-4000-8000-000000000000") }, "input.placeId"],
      [{ fullName: "X", affiliations: [{ organisationId: gid("Organisation", "00000000-0000-4000-8000-000000000000") }] }, "input.affiliations.0.organisationId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const count = await server.gql<{ people: { totalCount: number } }>(`{ people(filter: { query: "X" }) { totalCount } }`, {}, alice.token);
    expect(count.data?.people.totalCount).toBe(0);
  });

  it("refuses viewers and other members' editors", async () => {
    const p = await makePerson(server.db, alice);
    const byViewer = await server.gql(`mutation { createPerson(input: { fullName: "V" }) { id } }`, {}, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "x" }) { id } }`,
      { id: gid("Person", p.id) },
      bob.token,
    );
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ignores any attempt to set the owner: records belong to the creator's member", async () => {
    const res = await server.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { fullName: "Mass Assign", ownerMemberId: bob.member.id } },
      alice.token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("people(filter)", () => {
  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const org = await makeOrganisation(server.db, owner);
    const place = await makePlace(server.db);
    for (let i = 0; i < 12; i++) {
      const p = await makePerson(server.db, owner, { fullName: `Pager ${String(i).padStart(2, "0")}`, placeId: place.id });
      await server.db.insert((await import("../../server/db/tables/index.js")).affiliations).values({ personId: p.id, organisationId: org.id });
    }
    const q = `query($first: Int, $after: String) { people(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { fullName place { name } ownerMember { name } affiliations { organisation { name place { name } } } alumniTies { subject } } } }`;
    type Page = { people: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { fullName: string }[] } };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.people.nodes.map((n) => n.fullName)).toEqual(["Pager 00", "Pager 01"]);
    expect(large.data?.people.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.people.pageInfo.endCursor }, owner.token);
    expect(rest.data?.people.nodes.map((n) => n.fullName)).toEqual(["Pager 10", "Pager 11"]);
    expect(rest.data?.people).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it("caps first at 100 and rejects a bad cursor naming the field", async () => {
    const bad = await server.gql(`{ people(after: "nonsense") { nodes { id } } }`, {}, alice.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    const negative = await server.gql(`{ people(first: -1) { nodes { id } } }`, {}, alice.token);
    expect(negative.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("treats % and _ in a query as literal characters", async () => {
    await makePerson(server.db, alice, { fullName: "Percent 100% Person" });
    const wild = await server.gql<{ people: { nodes: { fullName: string }[] } }>(`{ people(filter: { query: "%" }) { nodes { fullName } } }`, {}, alice.token);
    expect(wild.data?.people.nodes.map((n) => n.fullName)).toEqual(["Percent 100% Person"]);
    const accent = await server.gql<{ people: { nodes: { fullName: string }[] } }>(`{ people(filter: { query: "PERCENT" }) { nodes { fullName } } }`, {}, alice.token);
    expect(accent.data?.people.nodes).toHaveLength(1);
  });
});
