import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, gid, makeActor, makeColleague, makeOpportunity, makeOrganisation, makePerson, makePlace } from "../support/factories.js";
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
const OPPORTUNITY = `id title sector stage capitalValueGbp jobs likelihood landOn visibility version canEdit
  organisation { name } person { fullName } ownerMember { name }`;

describe("opportunity(id)", () => {
  it("requires authentication", async () => {
    const o = await makeOpportunity(server.db, alice);
    const byId = await server.gql(`query($id: ID!) { opportunity(id: $id) { id } }`, { id: gid("Opportunity", o.id) });
    expect(byId.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(byId.data?.opportunity ?? null).toBeNull();
    const list = await server.gql(`{ opportunities { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const create = await server.gql(`mutation { createOpportunity(input: { title: "X" }) { id } }`);
    expect(create.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record through any path", async () => {
    const secret = await makeOpportunity(server.db, alice, { title: "Secret Zebra Opportunity", sector: "Zebra farming", visibility: "PRIVATE" });
    const id = gid("Opportunity", secret.id);
    const byId = await server.gql(`query($id: ID!) { opportunity(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ opportunity: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    const list = await server.gql(`{ opportunities(filter: { sector: "Zebra farming" }) { totalCount nodes { id } } }`, {}, bob.token);
    expect(list.data).toEqual({ opportunities: { totalCount: 0, nodes: [] } });

    const m = `mutation($id: ID!) { updateOpportunity(id: $id, version: 1, input: { jobs: 1 }) { id } }`;
    const write = await server.gql(m, { id }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(m, { id: gid("Opportunity", MISSING) }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);

    const own = await server.gql(`query($id: ID!) { opportunity(id: $id) { title } }`, { id }, viewerA.token);
    expect(own.data).toEqual({ opportunity: { title: "Secret Zebra Opportunity" } });
  });

  it("hides an organisation or person the viewer cannot see, in nested fields and filters", async () => {
    const seoul = await makePlace(server.db, { countryCode: "KR" });
    const org = await makeOrganisation(server.db, alice, { name: "Private Chaebol", placeId: seoul.id, visibility: "PRIVATE" });
    const person = await makePerson(server.db, alice, { fullName: "Private Investor", placeId: seoul.id, visibility: "PRIVATE" });
    const o = await makeOpportunity(server.db, alice, { title: "Shared Lead With Hidden Parties", organisationId: org.id, personId: person.id });
    const q = `query($id: ID!) { opportunity(id: $id) { title organisation { name } person { fullName } } }`;
    const theirs = await server.gql(q, { id: gid("Opportunity", o.id) }, bob.token);
    expect(theirs.data).toEqual({ opportunity: { title: "Shared Lead With Hidden Parties", organisation: null, person: null } });
    const ours = await server.gql(q, { id: gid("Opportunity", o.id) }, alice.token);
    expect(ours.data).toEqual({
      opportunity: { title: "Shared Lead With Hidden Parties", organisation: { name: "Private Chaebol" }, person: { fullName: "Private Investor" } },
    });
    const byCountry = `{ opportunities(filter: { countryCode: "KR" }) { totalCount } }`;
    expect((await server.gql(byCountry, {}, bob.token)).data).toEqual({ opportunities: { totalCount: 0 } });
    expect((await server.gql(byCountry, {}, alice.token)).data).toEqual({ opportunities: { totalCount: 1 } });
  });
});

describe("createOpportunity / updateOpportunity / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    const org = await makeOrganisation(server.db, alice, { name: "Test Gigafactory Co" });
    const person = await makePerson(server.db, bob, { fullName: "Shared Contact" });
    const created = await server.gql<{ createOpportunity: Record<string, unknown> & { id: string } }>(
      `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ${OPPORTUNITY} } }`,
      {
        input: {
          title: "Battery plant",
          organisationId: gid("Organisation", org.id),
          personId: gid("Person", person.id),
          sector: "Automotive",
          capitalValueGbp: 2_500_000_000_000,
          jobs: 1200,
          likelihood: 40,
          landOn: "2027-03-31",
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const o = created.data!.createOpportunity;
    expect(o).toMatchObject({
      title: "Battery plant",
      stage: "PROSPECT",
      capitalValueGbp: 2_500_000_000_000,
      jobs: 1200,
      likelihood: 40,
      landOn: "2027-03-31",
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      organisation: { name: "Test Gigafactory Co" },
      person: { fullName: "Shared Contact" },
      ownerMember: { name: alice.member.name },
    });

    const updated = await server.gql<{ updateOpportunity: Record<string, unknown> }>(
      `mutation($id: ID!) { updateOpportunity(id: $id, version: 1, input: { stage: VERIFY_WIN, personId: null, likelihood: 90 }) {
        version stage likelihood person { fullName } organisation { name } } }`,
      { id: o.id },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateOpportunity).toEqual({
      version: 2,
      stage: "VERIFY_WIN",
      likelihood: 90,
      person: null,
      organisation: { name: "Test Gigafactory Co" },
    });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 2) { ... on Opportunity { archivedAt version } } }`,
      { id: o.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    const filter = `organisationId: "${gid("Organisation", org.id)}"`;
    const listed = await server.gql(`{ opportunities(filter: { ${filter} }) { totalCount } }`, {}, alice.token);
    expect(listed.data).toEqual({ opportunities: { totalCount: 0 } });
    const withArchived = await server.gql(`{ opportunities(filter: { ${filter}, includeArchived: true }) { totalCount } }`, {}, alice.token);
    expect(withArchived.data).toEqual({ opportunities: { totalCount: 1 } });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const o = await makeOpportunity(server.db, alice, { jobs: 1 });
    const m = `mutation($id: ID!, $v: Int!, $j: Int) { updateOpportunity(id: $id, version: $v, input: { jobs: $j }) { version } }`;
    const first = await server.gql(m, { id: gid("Opportunity", o.id), v: 1, j: 10 }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("Opportunity", o.id), v: 1, j: 20 }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { opportunity(id: $id) { jobs version } }`, { id: gid("Opportunity", o.id) }, alice.token);
    expect(now.data).toEqual({ opportunity: { jobs: 10, version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const hiddenOrg = await makeOrganisation(server.db, bob, { visibility: "PRIVATE" });
    const hiddenPerson = await makePerson(server.db, bob, { visibility: "PRIVATE" });
    const base = { title: "Invalid Test Opportunity", sector: "Invalid test sector" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: "" }, "input.title"],
      [{ ...base, capitalValueGbp: 10.5 }, "input.capitalValueGbp"],
      [{ ...base, capitalValueGbp: -1 }, "input.capitalValueGbp"],
      [{ ...base, jobs: -3 }, "input.jobs"],
      [{ ...base, likelihood: 101 }, "input.likelihood"],
      [{ ...base, landOn: "2027-13-01" }, "input.landOn"],
      [{ ...base, stage: "MAYBE" }, "input.stage"],
      [{ ...base, organisationId: gid("Organisation", hiddenOrg.id) }, "input.organisationId"],
      [{ ...base, organisationId: gid("Person", hiddenPerson.id) }, "input.organisationId"],
      [{ ...base, personId: gid("Person", hiddenPerson.id) }, "input.personId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const hidden = await server.gql(
      `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`,
      { input: { ...base, personId: gid("Person", hiddenPerson.id) } },
      alice.token,
    );
    const missing = await server.gql(
      `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`,
      { input: { ...base, personId: gid("Person", MISSING) } },
      alice.token,
    );
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const count = await server.gql(`{ opportunities(filter: { sector: "Invalid test sector" }) { totalCount } }`, {}, alice.token);
    expect(count.data).toEqual({ opportunities: { totalCount: 0 } });
  });

  it("refuses viewers and other members' editors", async () => {
    const o = await makeOpportunity(server.db, alice);
    const byViewer = await server.gql(`mutation { createOpportunity(input: { title: "V" }) { id } }`, {}, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(
      `mutation($id: ID!) { updateOpportunity(id: $id, version: 1, input: { jobs: 2 }) { id } }`,
      { id: gid("Opportunity", o.id) },
      bob.token,
    );
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("opportunities(filter)", () => {
  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const city = await makePlace(server.db, { name: "Pager City" });
    const org = await makeOrganisation(server.db, owner, { placeId: city.id });
    for (let i = 0; i < 12; i++) {
      const person = await makePerson(server.db, owner, { placeId: city.id });
      await makeOpportunity(server.db, owner, { title: `Pager ${String(i).padStart(2, "0")}`, organisationId: org.id, personId: person.id });
    }
    const q = `query($first: Int, $after: String) { opportunities(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { title ownerMember { name } organisation { name place { name } } person { fullName place { name } affiliations { role } } } } }`;
    type Page = { opportunities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { title: string }[] } };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.opportunities.nodes.map((n) => n.title)).toEqual(["Pager 00", "Pager 01"]);
    expect(large.data?.opportunities.nodes).toHaveLength(10);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.opportunities.pageInfo.endCursor }, owner.token);
    expect(rest.data?.opportunities.nodes.map((n) => n.title)).toEqual(["Pager 10", "Pager 11"]);
    expect(rest.data?.opportunities).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it("orders by landing date (undated last) and filters by stage, sector, organisation, person and country", async () => {
    const owner = await makeActor(server.db, server.config);
    const paris = await makePlace(server.db, { countryCode: "FR" });
    const org = await makeOrganisation(server.db, owner, { placeId: paris.id });
    const person = await makePerson(server.db, owner, { placeId: paris.id });
    await makeOpportunity(server.db, owner, { title: "Undated", stage: "WON", sector: "Fintech" });
    await makeOpportunity(server.db, owner, { title: "Later", landOn: "2027-01-01", organisationId: org.id });
    await makeOpportunity(server.db, owner, { title: "Sooner", landOn: "2026-06-30", personId: person.id, sector: "fintech" });
    const titles = async (filter: string) => {
      const res = await server.gql<{ opportunities: { nodes: { title: string }[] } }>(
        `{ opportunities(filter: { ownedByMe: true, ${filter} }) { nodes { title } } }`,
        {},
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data?.opportunities.nodes.map((n) => n.title);
    };
    expect(await titles(``)).toEqual(["Sooner", "Later", "Undated"]);
    expect(await titles(`stage: WON`)).toEqual(["Undated"]);
    expect(await titles(`sector: "FINTECH"`)).toEqual(["Sooner", "Undated"]);
    expect(await titles(`organisationId: "${gid("Organisation", org.id)}"`)).toEqual(["Later"]);
    expect(await titles(`personId: "${gid("Person", person.id)}"`)).toEqual(["Sooner"]);
    expect(await titles(`countryCode: "fr"`)).toEqual(["Sooner", "Later"]);
  });
});
