import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { arrayContains } from "drizzle-orm";
import { investorProfiles } from "../../server/db/tables/index.js";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeInvestorProfile,
  makeOrganisation,
  makePerson,
  makePlace,
} from "../support/factories.js";
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
const PROFILE = `id investorType sectors ticketMinGbp ticketMaxGbp stages notes visibility version canEdit archivedAt
  ownerMember { name } person { fullName } organisation { name }`;
const CREATE = `mutation($input: CreateInvestorProfileInput!) { createInvestorProfile(input: $input) { ${PROFILE} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateInvestorProfileInput!) {
  updateInvestorProfile(id: $id, version: $v, input: $input) { ${PROFILE} } }`;

type Profile = {
  id: string;
  version: number;
  sectors: string[];
  notes: string | null;
  person: { fullName: string } | null;
  organisation: { name: string } | null;
};
type ProfilePage = {
  investorProfiles: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; notes: string | null }[];
  };
};

describe("investorProfile(id)", () => {
  it("requires authentication", async () => {
    const p = await makePerson(server.db, alice);
    const profile = await makeInvestorProfile(server.db, alice, { personId: p.id });
    const res = await server.gql(`query($id: ID!) { investorProfile(id: $id) { id } }`, { id: gid("InvestorProfile", profile.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.investorProfile ?? null).toBeNull();
    const list = await server.gql(`{ investorProfiles { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const create = await server.gql(CREATE, { input: { personId: gid("Person", p.id), investorType: "ANGEL" } });
    expect(create.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private profile through any path", async () => {
    const person = await makePerson(server.db, alice, { fullName: "Shared Investor Person" });
    const org = await makeOrganisation(server.db, alice, { name: "Shared Investor Fund" });
    const secret = await makeInvestorProfile(server.db, alice, { personId: person.id }, {
      visibility: "PRIVATE",
      sectors: ["secret-zebra-sector"],
      notes: "Secret notes",
    });
    const secretOrg = await makeInvestorProfile(server.db, alice, { organisationId: org.id }, {
      visibility: "PRIVATE",
      sectors: ["secret-zebra-sector"],
    });
    const id = gid("InvestorProfile", secret.id);

    const byId = await server.gql(`query($id: ID!) { investorProfile(id: $id) { id notes } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ investorProfile: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    const list = await server.gql(
      `{ investorProfiles(filter: { sector: "secret-zebra-sector" }) { totalCount nodes { id } } }`,
      {},
      bob.token,
    );
    expect(list.data).toEqual({ investorProfiles: { totalCount: 0, nodes: [] } });
    // Nested: the (shared) person and organisation do not reveal the private profiles.
    const nested = await server.gql(
      `query($p: ID!, $o: ID!) { person(id: $p) { fullName investorProfiles { id } } organisation(id: $o) { name investorProfiles { id } } }`,
      { p: gid("Person", person.id), o: gid("Organisation", org.id) },
      bob.token,
    );
    expect(nested.data).toEqual({
      person: { fullName: "Shared Investor Person", investorProfiles: [] },
      organisation: { name: "Shared Investor Fund", investorProfiles: [] },
    });
    // Writes: indistinguishable from a missing record.
    const write = await server.gql(UPDATE, { id, v: 1, input: { notes: "x" } }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(UPDATE, { id: gid("InvestorProfile", MISSING), v: 1, input: { notes: "x" } }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);

    // The owner still sees both, unchanged.
    const own = await server.gql<{ investorProfiles: { totalCount: number } }>(
      `{ investorProfiles(filter: { sector: "secret-zebra-sector" }) { totalCount } }`,
      {},
      viewerA.token,
    );
    expect(own.data?.investorProfiles.totalCount).toBe(2);
    const ownById = await server.gql(
      `query($id: ID!, $o: ID!) { a: investorProfile(id: $id) { notes version } b: node(id: $o) { ... on InvestorProfile { organisation { name } } } }`,
      { id, o: gid("InvestorProfile", secretOrg.id) },
      alice.token,
    );
    expect(ownById.data).toEqual({ a: { notes: "Secret notes", version: 1 }, b: { organisation: { name: "Shared Investor Fund" } } });
  });

  it("hides a shared profile whose person or organisation is private to another member", async () => {
    const place = await makePlace(server.db, { countryCode: "KR" });
    const hiddenPerson = await makePerson(server.db, alice, { visibility: "PRIVATE", placeId: place.id });
    const hiddenOrg = await makeOrganisation(server.db, alice, { visibility: "PRIVATE", placeId: place.id });
    const p1 = await makeInvestorProfile(server.db, alice, { personId: hiddenPerson.id }, { sectors: ["hidden-subject"] });
    const p2 = await makeInvestorProfile(server.db, alice, { organisationId: hiddenOrg.id }, { sectors: ["hidden-subject"] });
    for (const p of [p1, p2]) {
      const res = await server.gql(
        `query($id: ID!) { investorProfile(id: $id) { id } node(id: $id) { id } }`,
        { id: gid("InvestorProfile", p.id) },
        bob.token,
      );
      expect(res.data).toEqual({ investorProfile: null, node: null });
      const write = await server.gql(UPDATE, { id: gid("InvestorProfile", p.id), v: 1, input: { notes: "x" } }, bob.token);
      expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    const list = await server.gql(
      `{ a: investorProfiles(filter: { sector: "hidden-subject" }) { totalCount } b: investorProfiles(filter: { countryCode: "KR" }) { totalCount } }`,
      {},
      bob.token,
    );
    expect(list.data).toEqual({ a: { totalCount: 0 }, b: { totalCount: 0 } });
    const own = await server.gql(`{ investorProfiles(filter: { countryCode: "kr" }) { totalCount } }`, {}, alice.token);
    expect(own.data).toEqual({ investorProfiles: { totalCount: 2 } });
  });
});

describe("createInvestorProfile / updateInvestorProfile / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    const person = await makePerson(server.db, bob, { fullName: "Network Angel" });
    const created = await server.gql<{ createInvestorProfile: Profile }>(
      CREATE,
      {
        input: {
          personId: gid("Person", person.id),
          investorType: "ANGEL",
          sectors: ["Life sciences", "Life sciences", "Fintech"],
          ticketMinGbp: 250000,
          ticketMaxGbp: 3000000000,
          stages: ["seed"],
          notes: " Met at MIPIM ",
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const profile = created.data!.createInvestorProfile;
    expect(profile).toMatchObject({
      investorType: "ANGEL",
      sectors: ["Life sciences", "Fintech"],
      ticketMinGbp: 250000,
      ticketMaxGbp: 3000000000,
      stages: ["seed"],
      notes: "Met at MIPIM",
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      archivedAt: null,
      ownerMember: { name: alice.member.name },
      person: { fullName: "Network Angel" },
      organisation: null,
    });

    // The person's owner sees the shared profile on the person, but cannot change it.
    const onPerson = await server.gql(
      `query($id: ID!) { person(id: $id) { investorProfiles { id canEdit } } }`,
      { id: gid("Person", person.id) },
      bob.token,
    );
    expect(onPerson.data).toEqual({ person: { investorProfiles: [{ id: profile.id, canEdit: false }] } });

    const updated = await server.gql<{ updateInvestorProfile: Profile }>(
      UPDATE,
      { id: profile.id, v: 1, input: { investorType: "FAMILY_OFFICE", ticketMaxGbp: 500000, notes: null } },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateInvestorProfile).toMatchObject({
      investorType: "FAMILY_OFFICE",
      ticketMinGbp: 250000,
      ticketMaxGbp: 500000,
      notes: null,
      version: 2,
    });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 2) { ... on InvestorProfile { archivedAt version } } }`,
      { id: profile.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archive).toMatchObject({ version: 3 });
    const after = await server.gql<ProfilePage & { person: { investorProfiles: unknown[] } }>(
      `query($p: ID!) { investorProfiles(filter: { ownedByMe: true, investorType: FAMILY_OFFICE }) { totalCount nodes { id notes } }
        all: investorProfiles(filter: { ownedByMe: true, investorType: FAMILY_OFFICE, includeArchived: true }) { totalCount }
        person(id: $p) { investorProfiles { id } } }`,
      { p: gid("Person", person.id) },
      alice.token,
    );
    expect(after.data).toMatchObject({
      investorProfiles: { totalCount: 0, nodes: [] },
      all: { totalCount: 1 },
      person: { investorProfiles: [] },
    });
  });

  it("creates a profile of an organisation, listed on the organisation", async () => {
    const fund = await makeOrganisation(server.db, alice, { name: "Midlands Growth Fund", kind: "INVESTOR" });
    const created = await server.gql<{ createInvestorProfile: Profile }>(
      CREATE,
      { input: { organisationId: gid("Organisation", fund.id), investorType: "VENTURE_CAPITAL", visibility: "PRIVATE" } },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createInvestorProfile).toMatchObject({ person: null, organisation: { name: "Midlands Growth Fund" }, visibility: "PRIVATE" });
    const onOrg = await server.gql(
      `query($id: ID!) { organisation(id: $id) { investorProfiles { investorType } } }`,
      { id: gid("Organisation", fund.id) },
      viewerA.token,
    );
    expect(onOrg.data).toEqual({ organisation: { investorProfiles: [{ investorType: "VENTURE_CAPITAL" }] } });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const p = await makePerson(server.db, alice);
    const profile = await makeInvestorProfile(server.db, alice, { personId: p.id }, { notes: "Original" });
    const id = gid("InvestorProfile", profile.id);
    const first = await server.gql(UPDATE, { id, v: 1, input: { notes: "First" } }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(UPDATE, { id, v: 1, input: { notes: "Second" } }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const staleArchive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, alice.token);
    expect(staleArchive.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { investorProfile(id: $id) { notes version archivedAt } }`, { id }, alice.token);
    expect(now.data).toEqual({ investorProfile: { notes: "First", version: 2, archivedAt: null } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const p = await makePerson(server.db, alice);
    const o = await makeOrganisation(server.db, alice);
    const bobsPrivate = await makePerson(server.db, bob, { visibility: "PRIVATE" });
    const personId = gid("Person", p.id);
    const marker = "validation-marker";
    const cases: [Record<string, unknown>, string][] = [
      [{}, "input.personId"],
      [{ personId, organisationId: gid("Organisation", o.id) }, "input.organisationId"],
      [{ personId, ticketMinGbp: 2000000, ticketMaxGbp: 1000000 }, "input.ticketMaxGbp"],
      [{ personId, ticketMinGbp: 1000.5 }, "input.ticketMinGbp"],
      [{ personId, ticketMaxGbp: -1 }, "input.ticketMaxGbp"],
      [{ personId, sectors: [""] }, "input.sectors.0"],
      [{ personId: gid("Person", bobsPrivate.id) }, "input.personId"],
      [{ personId: gid("Organisation", o.id) }, "input.personId"],
      [{ organisationId: gid("Organisation", MISSING) }, "input.organisationId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE, { input: { investorType: "ANGEL", stages: [marker], ...input } }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const stored = await server.db.select().from(investorProfiles).where(arrayContains(investorProfiles.stages, [marker]));
    expect(stored).toEqual([]);

    // Updating one bound is checked against the stored other bound.
    const profile = await makeInvestorProfile(server.db, alice, { personId: p.id }, { ticketMinGbp: 1000000 });
    const id = gid("InvestorProfile", profile.id);
    const below = await server.gql(UPDATE, { id, v: 1, input: { ticketMaxGbp: 999999 } }, alice.token);
    expect(below.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.ticketMaxGbp" });
    const cleared = await server.gql<{ updateInvestorProfile: Profile }>(
      UPDATE,
      { id, v: 1, input: { ticketMinGbp: null, ticketMaxGbp: 999999 } },
      alice.token,
    );
    expect(cleared.data?.updateInvestorProfile).toMatchObject({ ticketMinGbp: null, ticketMaxGbp: 999999, version: 2 });

    const badFilter = await server.gql(`{ investorProfiles(filter: { ticketAtLeast: 1.5 }) { totalCount } }`, {}, alice.token);
    expect(badFilter.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.ticketAtLeast" });
    const badCountry = await server.gql(`{ investorProfiles(filter: { countryCode: "Japan" }) { totalCount } }`, {}, alice.token);
    expect(badCountry.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.countryCode" });
  });

  it("refuses viewers and other members' editors", async () => {
    const p = await makePerson(server.db, alice);
    const profile = await makeInvestorProfile(server.db, alice, { personId: p.id });
    const byViewer = await server.gql(CREATE, { input: { personId: gid("Person", p.id), investorType: "ANGEL" } }, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const viewerUpdate = await server.gql(UPDATE, { id: gid("InvestorProfile", profile.id), v: 1, input: { notes: "x" } }, viewerA.token);
    expect(viewerUpdate.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(UPDATE, { id: gid("InvestorProfile", profile.id), v: 1, input: { notes: "x" } }, bob.token);
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archiveByOther = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 1) { id } }`,
      { id: gid("InvestorProfile", profile.id) },
      bob.token,
    );
    expect(archiveByOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ignores any attempt to set the owner or change the subject", async () => {
    const p = await makePerson(server.db, alice);
    const res = await server.gql(
      CREATE,
      { input: { personId: gid("Person", p.id), investorType: "ANGEL", ownerMemberId: bob.member.id } },
      alice.token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const profile = await makeInvestorProfile(server.db, alice, { personId: p.id });
    const move = await server.gql(
      UPDATE,
      { id: gid("InvestorProfile", profile.id), v: 1, input: { personId: gid("Person", p.id) } },
      alice.token,
    );
    expect(move.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("investorProfiles(filter)", () => {
  it("filters by type, sector, ticket range and country", async () => {
    const owner = await makeActor(server.db, server.config);
    const japan = await makePlace(server.db, { countryCode: "JP" });
    const germany = await makePlace(server.db, { countryCode: "DE", name: "Osnabrück" });
    const jpPerson = await makePerson(server.db, owner, { placeId: japan.id });
    const dePerson = await makePerson(server.db, owner, { placeId: germany.id });
    const deOrg = await makeOrganisation(server.db, owner, { placeId: germany.id });
    const make = (subject: { personId: string } | { organisationId: string }, notes: string, values: Parameters<typeof makeInvestorProfile>[3]) =>
      makeInvestorProfile(server.db, owner, subject, { notes, ...values });
    await make({ personId: jpPerson.id }, "small-angel", { investorType: "ANGEL", sectors: ["fintech"], ticketMinGbp: 10_000, ticketMaxGbp: 100_000 });
    await make({ personId: dePerson.id }, "big-vc", { investorType: "VENTURE_CAPITAL", sectors: ["fintech", "energy"], ticketMinGbp: 5_000_000, ticketMaxGbp: 50_000_000 });
    await make({ organisationId: deOrg.id }, "open-max", { investorType: "SOVEREIGN_WEALTH", sectors: ["energy"], ticketMinGbp: 100_000_000 });
    await make({ personId: jpPerson.id }, "no-range", { investorType: "ANGEL", sectors: ["energy"] });

    const names = async (filter: string) => {
      const res = await server.gql<ProfilePage>(
        `{ investorProfiles(filter: { ownedByMe: true, ${filter} }, first: 100) { totalCount nodes { notes } } }`,
        {},
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.investorProfiles.totalCount).toBe(res.data?.investorProfiles.nodes.length);
      return (res.data?.investorProfiles.nodes ?? []).map((n) => n.notes).sort();
    };
    expect(await names("investorType: ANGEL")).toEqual(["no-range", "small-angel"]);
    expect(await names(`sector: "energy"`)).toEqual(["big-vc", "no-range", "open-max"]);
    expect(await names("ticketAtLeast: 1000000")).toEqual(["big-vc", "open-max"]);
    expect(await names("ticketAtMost: 1000000")).toEqual(["small-angel"]);
    expect(await names("ticketAtLeast: 40000000, ticketAtMost: 200000000")).toEqual(["big-vc", "open-max"]);
    expect(await names("ticketAtLeast: 60000000, ticketAtMost: 90000000")).toEqual([]);
    expect(await names(`countryCode: "DE"`)).toEqual(["big-vc", "open-max"]);
    expect(await names(`countryCode: "jp", sector: "fintech"`)).toEqual(["small-angel"]);
    const others = await server.gql<ProfilePage>(`{ investorProfiles(filter: { ownedByMe: true }) { totalCount } }`, {}, alice.token);
    const all = await server.gql<ProfilePage>(`{ investorProfiles { totalCount } }`, {}, alice.token);
    expect(all.data!.investorProfiles.totalCount).toBeGreaterThan(others.data!.investorProfiles.totalCount);
  });

  it("pages newest first with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const place = await makePlace(server.db);
    const org = await makeOrganisation(server.db, owner, { placeId: place.id });
    for (let i = 0; i < 12; i++) {
      const subject = i % 2 === 0 ? { personId: (await makePerson(server.db, owner, { placeId: place.id })).id } : { organisationId: org.id };
      await makeInvestorProfile(server.db, owner, subject, { notes: `Pager ${String(i).padStart(2, "0")}` });
    }
    const q = `query($first: Int, $after: String) { investorProfiles(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id notes canEdit ownerMember { name }
        person { fullName place { name } investorProfiles { id } affiliations { id } }
        organisation { name place { name } investorProfiles { id } } } } }`;
    const small = await server.gql<ProfilePage>(q, { first: 2 }, owner.token);
    const large = await server.gql<ProfilePage>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.investorProfiles.nodes.map((n) => n.notes)).toEqual(["Pager 11", "Pager 10"]);
    expect(large.data?.investorProfiles.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<ProfilePage>(q, { first: 10, after: large.data?.investorProfiles.pageInfo.endCursor }, owner.token);
    expect(rest.data?.investorProfiles.nodes.map((n) => n.notes)).toEqual(["Pager 01", "Pager 00"]);
    expect(rest.data?.investorProfiles).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });

    // Person.investorProfiles on a list of people is batched too.
    const pq = `query($first: Int) { people(filter: { ownedByMe: true }, first: $first) { nodes { investorProfiles { notes person { fullName } } } } }`;
    const fewPeople = await server.gql(pq, { first: 2 }, owner.token);
    const manyPeople = await server.gql(pq, { first: 6 }, owner.token);
    expect(fewPeople.errors).toBeUndefined();
    expect(manyPeople.statements).toBe(fewPeople.statements);
  });

  it("caps first at 100 and rejects a bad cursor naming the field", async () => {
    const bad = await server.gql(`{ investorProfiles(after: "nonsense") { nodes { id } } }`, {}, alice.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    const negative = await server.gql(`{ investorProfiles(first: -1) { nodes { id } } }`, {}, alice.token);
    expect(negative.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
  });
});
