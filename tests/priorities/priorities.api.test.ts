import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, gid, makeActor, makeColleague, makePlace, makePriority } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A (a council)
let bob: Actor; // EDITOR at member B (a council)
let viewerA: Actor; // VIEWER at member A
let unit: Actor; // EDITOR at a network unit

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  bob = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  unit = await makeActor(server.db, server.config, "EDITOR", { kind: "NETWORK_UNIT" });
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
const PRIORITY = `id name scope countryCode country { name kind } sector weight description visibility version canEdit ownerMember { name }`;

describe("priority(id)", () => {
  it("requires authentication", async () => {
    const p = await makePriority(server.db, alice);
    const byId = await server.gql(`query($id: ID!) { priority(id: $id) { id } }`, { id: gid("Priority", p.id) });
    expect(byId.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(byId.data?.priority ?? null).toBeNull();
    const list = await server.gql(`{ priorities { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const create = await server.gql(`mutation { createPriority(input: { name: "X", scope: MEMBER, sector: "AI" }) { id } }`);
    expect(create.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record through any path", async () => {
    const secret = await makePriority(server.db, alice, { name: "Secret Zebra Priority", countryCode: "ZW", visibility: "PRIVATE" });
    const id = gid("Priority", secret.id);
    const byId = await server.gql(`query($id: ID!) { priority(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ priority: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    const list = await server.gql(`{ priorities(filter: { countryCode: "ZW" }) { totalCount nodes { id } } }`, {}, bob.token);
    expect(list.data).toEqual({ priorities: { totalCount: 0, nodes: [] } });

    const m = `mutation($id: ID!) { updatePriority(id: $id, version: 1, input: { weight: 2 }) { id } }`;
    const write = await server.gql(m, { id }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(m, { id: gid("Priority", MISSING) }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);

    const own = await server.gql(`query($id: ID!) { priority(id: $id) { name } }`, { id }, viewerA.token);
    expect(own.data).toEqual({ priority: { name: "Secret Zebra Priority" } });
  });
});

describe("createPriority / updatePriority / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    await makePlace(server.db, { kind: "COUNTRY", name: "Test Vietnam", countryCode: "VN" });
    await makePlace(server.db, { kind: "CITY", name: "Test Hanoi", countryCode: "VN" });
    const created = await server.gql<{ createPriority: Record<string, unknown> & { id: string } }>(
      `mutation($input: CreatePriorityInput!) { createPriority(input: $input) { ${PRIORITY} } }`,
      { input: { name: "Vietnam clean energy", scope: "MEMBER", countryCode: "vn", sector: "Clean energy", weight: 7 } },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const p = created.data!.createPriority;
    expect(p).toMatchObject({
      name: "Vietnam clean energy",
      scope: "MEMBER",
      countryCode: "VN",
      country: { name: "Test Vietnam", kind: "COUNTRY" },
      sector: "Clean energy",
      weight: 7,
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      ownerMember: { name: alice.member.name },
    });

    const updated = await server.gql<{ updatePriority: Record<string, unknown> }>(
      `mutation($id: ID!) { updatePriority(id: $id, version: 1, input: { countryCode: null, weight: 9 }) { version countryCode country { name } sector weight } }`,
      { id: p.id },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updatePriority).toEqual({ version: 2, countryCode: null, country: null, sector: "Clean energy", weight: 9 });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 2) { ... on Priority { archivedAt version } } }`,
      { id: p.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    const listed = await server.gql(`{ priorities(filter: { sector: "clean energy", ownedByMe: true }) { totalCount } }`, {}, alice.token);
    expect(listed.data).toEqual({ priorities: { totalCount: 0 } });
    const withArchived = await server.gql(
      `{ priorities(filter: { sector: "clean energy", ownedByMe: true, includeArchived: true }) { totalCount } }`,
      {},
      alice.token,
    );
    expect(withArchived.data).toEqual({ priorities: { totalCount: 1 } });
  });

  it("lets only network and government units set national priorities", async () => {
    const m = `mutation($input: CreatePriorityInput!) { createPriority(input: $input) { scope ownerMember { kind } } }`;
    const input = { name: "National Japan", scope: "NATIONAL", countryCode: "JP", weight: 10 };
    const byCouncil = await server.gql(m, { input }, alice.token);
    expect(byCouncil.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byUnit = await server.gql(m, { input }, unit.token);
    expect(byUnit.errors).toBeUndefined();
    expect(byUnit.data).toEqual({ createPriority: { scope: "NATIONAL", ownerMember: { kind: "NETWORK_UNIT" } } });
    const government = await makeActor(server.db, server.config, "EDITOR", { kind: "GOVERNMENT_UNIT" });
    const byGovernment = await server.gql(m, { input }, government.token);
    expect(byGovernment.errors).toBeUndefined();

    // Promoting a member priority to national is the same decision.
    const own = await makePriority(server.db, alice);
    const promote = await server.gql(
      `mutation($id: ID!) { updatePriority(id: $id, version: 1, input: { scope: NATIONAL }) { id } }`,
      { id: gid("Priority", own.id) },
      alice.token,
    );
    expect(promote.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const count = await server.gql(`{ priorities(filter: { scope: NATIONAL, ownedByMe: true }) { totalCount } }`, {}, alice.token);
    expect(count.data).toEqual({ priorities: { totalCount: 0 } });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const p = await makePriority(server.db, alice, { weight: 1 });
    const m = `mutation($id: ID!, $v: Int!, $w: Int) { updatePriority(id: $id, version: $v, input: { weight: $w }) { version } }`;
    const first = await server.gql(m, { id: gid("Priority", p.id), v: 1, w: 3 }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("Priority", p.id), v: 1, w: 4 }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { priority(id: $id) { weight version } }`, { id: gid("Priority", p.id) }, alice.token);
    expect(now.data).toEqual({ priority: { weight: 3, version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const base = { name: "Invalid Test Priority", scope: "MEMBER", sector: "Invalid test sector" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, name: "" }, "input.name"],
      [{ ...base, countryCode: "JPN" }, "input.countryCode"],
      [{ ...base, sector: null }, "input.countryCode"],
      [{ ...base, sector: " ", countryCode: null }, "input.countryCode"],
      [{ ...base, weight: 0 }, "input.weight"],
      [{ ...base, weight: 11 }, "input.weight"],
      [{ ...base, scope: "GLOBAL" }, "input.scope"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreatePriorityInput!) { createPriority(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const count = await server.gql(`{ priorities(filter: { sector: "Invalid test sector" }) { totalCount } }`, {}, alice.token);
    expect(count.data).toEqual({ priorities: { totalCount: 0 } });

    // The stored record counts: clearing the only market of a sector-less priority is refused.
    const p = await makePriority(server.db, alice, { countryCode: "IN", sector: null });
    const res = await server.gql(
      `mutation($id: ID!) { updatePriority(id: $id, version: 1, input: { countryCode: null }) { id } }`,
      { id: gid("Priority", p.id) },
      alice.token,
    );
    expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.countryCode" });
  });

  it("refuses viewers and other members' editors", async () => {
    const p = await makePriority(server.db, alice);
    const byViewer = await server.gql(`mutation { createPriority(input: { name: "V", scope: MEMBER, sector: "x" }) { id } }`, {}, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(
      `mutation($id: ID!) { updatePriority(id: $id, version: 1, input: { weight: 2 }) { id } }`,
      { id: gid("Priority", p.id) },
      bob.token,
    );
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("priorities(filter)", () => {
  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    await makePlace(server.db, { kind: "COUNTRY", name: "Test Brazil", countryCode: "BR" });
    await makePlace(server.db, { kind: "COUNTRY", name: "Test Chile", countryCode: "CL" });
    for (let i = 0; i < 12; i++) {
      await makePriority(server.db, owner, { name: `Pager ${String(i).padStart(2, "0")}`, countryCode: i % 2 ? "BR" : "CL", weight: 5 });
    }
    const q = `query($first: Int, $after: String) { priorities(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { name country { name } ownerMember { name } } } }`;
    type Page = { priorities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string; country: { name: string } }[] } };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.priorities.nodes).toEqual([
      { name: "Pager 00", country: { name: "Test Chile" }, ownerMember: { name: owner.member.name } },
      { name: "Pager 01", country: { name: "Test Brazil" }, ownerMember: { name: owner.member.name } },
    ]);
    expect(large.data?.priorities.nodes).toHaveLength(10);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.priorities.pageInfo.endCursor }, owner.token);
    expect(rest.data?.priorities.nodes.map((n) => n.name)).toEqual(["Pager 10", "Pager 11"]);
    expect(rest.data?.priorities).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it("orders by weight (heaviest first) then name, and filters by scope, country and sector", async () => {
    const owner = await makeActor(server.db, server.config, "EDITOR", { kind: "GOVERNMENT_UNIT" });
    await makePriority(server.db, owner, { name: "B light", weight: 2, countryCode: "DE", sector: "Life sciences" });
    await makePriority(server.db, owner, { name: "A light", weight: 2, countryCode: "US", sector: null });
    await makePriority(server.db, owner, { name: "Z heavy", weight: 10, scope: "NATIONAL", countryCode: "DE", sector: null });
    const names = async (filter: string) => {
      const res = await server.gql<{ priorities: { nodes: { name: string }[] } }>(
        `{ priorities(filter: { ownedByMe: true, ${filter} }) { nodes { name } } }`,
        {},
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data?.priorities.nodes.map((n) => n.name);
    };
    expect(await names(``)).toEqual(["Z heavy", "A light", "B light"]);
    expect(await names(`scope: NATIONAL`)).toEqual(["Z heavy"]);
    expect(await names(`scope: MEMBER`)).toEqual(["A light", "B light"]);
    expect(await names(`countryCode: "de"`)).toEqual(["Z heavy", "B light"]);
    expect(await names(`sector: "LIFE SCIENCES"`)).toEqual(["B light"]);
  });
});
