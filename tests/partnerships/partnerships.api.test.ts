import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { and, eq } from "drizzle-orm";
import { organisations, partnershipParties } from "../../server/db/tables/index.js";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeOrganisation,
  makePartnership,
  makeParty,
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
const PARTNERSHIP = `id name kind status signedOn renewalDueOn themes description visibility version canEdit
  leadMember { name } ownerMember { name }
  parties { side place { name } organisation { name } partnership { name } }`;

type Named = { name: string } | null;
interface PartyOut {
  side: string;
  place: Named;
  organisation: Named;
}

describe("partnership(id)", () => {
  it("requires authentication", async () => {
    const p = await makePartnership(server.db, alice);
    const byId = await server.gql(`query($id: ID!) { partnership(id: $id) { id } }`, { id: gid("Partnership", p.id) });
    expect(byId.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(byId.data?.partnership ?? null).toBeNull();
    const list = await server.gql(`{ partnerships { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const create = await server.gql(`mutation { createPartnership(input: { name: "X", kind: MOU }) { id } }`);
    expect(create.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record through any path", async () => {
    const place = await makePlace(server.db, { name: "Hidden Harbour", countryCode: "KR" });
    const secret = await makePartnership(server.db, alice, { name: "Secret Zebra Partnership", visibility: "PRIVATE" });
    await makeParty(server.db, secret, { placeId: place.id });
    const id = gid("Partnership", secret.id);

    const byId = await server.gql(`query($id: ID!) { partnership(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ partnership: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    for (const filter of [`{ query: "Secret Zebra" }`, `{ countryCode: "KR" }`, `{ placeId: "${gid("Place", place.id)}" }`]) {
      const list = await server.gql(`{ partnerships(filter: ${filter}) { totalCount nodes { id } } }`, {}, bob.token);
      expect(list.data).toEqual({ partnerships: { totalCount: 0, nodes: [] } });
    }

    // Writes: indistinguishable from a missing record.
    const m = `mutation($id: ID!) { updatePartnership(id: $id, version: 1, input: { name: "x" }) { id } }`;
    const write = await server.gql(m, { id }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(m, { id: gid("Partnership", MISSING) }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);

    // The owner's colleagues still see it.
    const own = await server.gql(`query($id: ID!) { partnership(id: $id) { name } }`, { id }, viewerA.token);
    expect(own.data).toEqual({ partnership: { name: "Secret Zebra Partnership" } });
  });

  it("leaves out parties that are organisations the viewer cannot see, in nested fields and filters", async () => {
    const osaka = await makePlace(server.db, { name: "Osaka Test", countryCode: "JP" });
    const seoul = await makePlace(server.db, { name: "Seoul Test", countryCode: "KR" });
    const hidden = await makeOrganisation(server.db, alice, { name: "Private Kansai Body", placeId: seoul.id, visibility: "PRIVATE" });
    const shared = await makePartnership(server.db, alice, { name: "Shared Link With Hidden Party" });
    await makeParty(server.db, shared, { placeId: osaka.id, side: "UK" });
    await makeParty(server.db, shared, { organisationId: hidden.id });
    const q = `query($id: ID!) { partnership(id: $id) { parties { side place { name } organisation { name } } } }`;

    const theirs = await server.gql<{ partnership: { parties: PartyOut[] } }>(q, { id: gid("Partnership", shared.id) }, bob.token);
    expect(theirs.data?.partnership.parties).toEqual([{ side: "UK", place: { name: "Osaka Test" }, organisation: null }]);
    const ours = await server.gql<{ partnership: { parties: PartyOut[] } }>(q, { id: gid("Partnership", shared.id) }, alice.token);
    expect(ours.data?.partnership.parties).toHaveLength(2);

    // The private organisation's place must not make the partnership match for Bob.
    const byCountry = `query($c: String) { partnerships(filter: { countryCode: $c, query: "Hidden Party" }) { totalCount } }`;
    expect((await server.gql(byCountry, { c: "KR" }, bob.token)).data).toEqual({ partnerships: { totalCount: 0 } });
    expect((await server.gql(byCountry, { c: "KR" }, alice.token)).data).toEqual({ partnerships: { totalCount: 1 } });
    expect((await server.gql(byCountry, { c: "JP" }, bob.token)).data).toEqual({ partnerships: { totalCount: 1 } });
  });
});

describe("createPartnership / updatePartnership / archive", () => {
  it("creates, reads, updates with the version read, replaces parties and archives", async () => {
    const derby = await makePlace(server.db, { name: "Derby Test", countryCode: "GB" });
    const toyota = await makePlace(server.db, { name: "Toyota City Test", countryCode: "JP" });
    const council = await makeOrganisation(server.db, alice, { name: "Derby Test Council" });
    const created = await server.gql<{ createPartnership: Record<string, unknown> & { id: string } }>(
      `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { ${PARTNERSHIP} } }`,
      {
        input: {
          name: "Toyota City Test Partnership",
          kind: "SISTER_CITY",
          signedOn: "1998-06-01",
          renewalDueOn: "2028-06-01",
          themes: ["automotive", "education", "automotive"],
          leadMemberId: gid("Member", alice.member.id),
          description: "Friendship and trade.",
          parties: [
            { side: "INTERNATIONAL", placeId: gid("Place", toyota.id) },
            { side: "UK", placeId: gid("Place", derby.id) },
            { side: "UK", organisationId: gid("Organisation", council.id) },
          ],
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const p = created.data!.createPartnership;
    expect(p).toMatchObject({
      name: "Toyota City Test Partnership",
      kind: "SISTER_CITY",
      status: "ACTIVE",
      signedOn: "1998-06-01",
      renewalDueOn: "2028-06-01",
      themes: ["automotive", "education"],
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      leadMember: { name: alice.member.name },
      ownerMember: { name: alice.member.name },
      parties: [
        { side: "UK", place: { name: "Derby Test" }, organisation: null, partnership: { name: "Toyota City Test Partnership" } },
        { side: "UK", place: null, organisation: { name: "Derby Test Council" } },
        { side: "INTERNATIONAL", place: { name: "Toyota City Test" }, organisation: null },
      ],
    });
    const byNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on Partnership { name } } }`, { id: p.id }, bob.token);
    expect(byNode.data).toEqual({ node: { name: "Toyota City Test Partnership" } });

    const updated = await server.gql<{ updatePartnership: { version: number; status: string; parties: PartyOut[] } }>(
      `mutation($id: ID!, $input: UpdatePartnershipInput!) { updatePartnership(id: $id, version: 1, input: $input) {
        version status parties { side place { name } organisation { name } } } }`,
      { id: p.id, input: { status: "DORMANT", parties: [{ side: "INTERNATIONAL", placeId: gid("Place", toyota.id) }] } },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updatePartnership).toEqual({
      version: 2,
      status: "DORMANT",
      parties: [{ side: "INTERNATIONAL", place: { name: "Toyota City Test" }, organisation: null }],
    });
    // Parties left out of an update are unchanged.
    const renamed = await server.gql<{ updatePartnership: { name: string; parties: PartyOut[] } }>(
      `mutation($id: ID!) { updatePartnership(id: $id, version: 2, input: { name: "Renamed Test Partnership" }) { name parties { side } } }`,
      { id: p.id },
      alice.token,
    );
    expect(renamed.data?.updatePartnership).toEqual({ name: "Renamed Test Partnership", parties: [{ side: "INTERNATIONAL" }] });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 3) { ... on Partnership { archivedAt version } } }`,
      { id: p.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    const listed = await server.gql(`{ partnerships(filter: { query: "Renamed Test" }) { totalCount } }`, {}, alice.token);
    expect(listed.data).toEqual({ partnerships: { totalCount: 0 } });
    const withArchived = await server.gql(
      `{ partnerships(filter: { query: "Renamed Test", includeArchived: true }) { nodes { name archivedAt } } }`,
      {},
      alice.token,
    );
    expect(withArchived.data?.partnerships).toMatchObject({ nodes: [{ name: "Renamed Test Partnership" }] });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const p = await makePartnership(server.db, alice, { description: "Original" });
    const m = `mutation($id: ID!, $v: Int!, $d: String) { updatePartnership(id: $id, version: $v, input: { description: $d }) { version } }`;
    const first = await server.gql(m, { id: gid("Partnership", p.id), v: 1, d: "First" }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("Partnership", p.id), v: 1, d: "Second" }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { partnership(id: $id) { description version } }`, { id: gid("Partnership", p.id) }, alice.token);
    expect(now.data).toEqual({ partnership: { description: "First", version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const place = await makePlace(server.db);
    const privateOrg = await makeOrganisation(server.db, bob, { visibility: "PRIVATE" });
    const placeId = gid("Place", place.id);
    const base = { name: "Invalid Test Partnership", kind: "MOU" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, name: " " }, "input.name"],
      [{ ...base, signedOn: "2026-02-30" }, "input.signedOn"],
      [{ ...base, signedOn: "2020-01-01", renewalDueOn: "2019-12-31" }, "input.renewalDueOn"],
      [{ ...base, themes: [""] }, "input.themes.0"],
      [{ ...base, leadMemberId: gid("Place", place.id) }, "input.leadMemberId"],
      [{ ...base, leadMemberId: gid("Member", MISSING) }, "input.leadMemberId"],
      [{ ...base, parties: [{ side: "UK", placeId, organisationId: gid("Organisation", privateOrg.id) }] }, "input.parties.0.placeId"],
      [{ ...base, parties: [{ side: "UK", placeId }, { side: "UK" }] }, "input.parties.1.placeId"],
      [{ ...base, parties: [{ side: "UK", placeId: gid("Place", MISSING) }] }, "input.parties.0.placeId"],
      // Another member's private organisation is reported exactly like a missing one.
      [{ ...base, parties: [{ side: "UK", organisationId: gid("Organisation", privateOrg.id) }] }, "input.parties.0.organisationId"],
      [{ ...base, parties: [{ side: "UK", organisationId: gid("Organisation", MISSING) }] }, "input.parties.0.organisationId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const hidden = await server.gql<{ createPartnership: null }>(
      `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
      { input: { ...base, parties: [{ side: "UK", organisationId: gid("Organisation", privateOrg.id) }] } },
      alice.token,
    );
    const missing = await server.gql<{ createPartnership: null }>(
      `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
      { input: { ...base, parties: [{ side: "UK", organisationId: gid("Organisation", MISSING) }] } },
      alice.token,
    );
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const count = await server.gql(`{ partnerships(filter: { query: "Invalid Test" }) { totalCount } }`, {}, alice.token);
    expect(count.data).toEqual({ partnerships: { totalCount: 0 } });

    // Dates are checked against the stored record on update.
    const p = await makePartnership(server.db, alice, { signedOn: "2020-01-01" });
    const res = await server.gql(
      `mutation($id: ID!) { updatePartnership(id: $id, version: 1, input: { renewalDueOn: "2019-01-01" }) { id } }`,
      { id: gid("Partnership", p.id) },
      alice.token,
    );
    expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.renewalDueOn" });
  });

  it("refuses viewers and other members' editors", async () => {
    const p = await makePartnership(server.db, alice);
    const byViewer = await server.gql(`mutation { createPartnership(input: { name: "V", kind: MOU }) { id } }`, {}, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(
      `mutation($id: ID!) { updatePartnership(id: $id, version: 1, input: { name: "x" }) { id } }`,
      { id: gid("Partnership", p.id) },
      bob.token,
    );
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const view = await server.gql(`query($id: ID!) { partnership(id: $id) { canEdit } }`, { id: gid("Partnership", p.id) }, bob.token);
    expect(view.data).toEqual({ partnership: { canEdit: false } });
  });

  it("keeps a party the editor can no longer see when replacing the parties", async () => {
    const place = await makePlace(server.db);
    const theirOrg = await makeOrganisation(server.db, bob, { name: "Bob's Soon Private Body" });
    const p = await makePartnership(server.db, alice);
    await makeParty(server.db, p, { organisationId: theirOrg.id });
    await server.db.update(organisations).set({ visibility: "PRIVATE" }).where(eq(organisations.id, theirOrg.id));
    const res = await server.gql<{ updatePartnership: { parties: PartyOut[] } }>(
      `mutation($id: ID!, $place: ID!) { updatePartnership(id: $id, version: 1, input: { parties: [{ side: UK, placeId: $place }] }) {
        parties { side organisation { name } } } }`,
      { id: gid("Partnership", p.id), place: gid("Place", place.id) },
      alice.token,
    );
    expect(res.data?.updatePartnership.parties).toEqual([{ side: "UK", organisation: null }]);
    const kept = await server.db
      .select()
      .from(partnershipParties)
      .where(and(eq(partnershipParties.partnershipId, p.id), eq(partnershipParties.organisationId, theirOrg.id)));
    expect(kept).toHaveLength(1);
  });
});

describe("partnerships(filter)", () => {
  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const city = await makePlace(server.db, { name: "Pager City" });
    const org = await makeOrganisation(server.db, owner, { placeId: city.id });
    for (let i = 0; i < 12; i++) {
      const p = await makePartnership(server.db, owner, { name: `Pager ${String(i).padStart(2, "0")}`, leadMemberId: owner.member.id });
      await makeParty(server.db, p, { placeId: city.id, side: "UK" });
      await makeParty(server.db, p, { organisationId: org.id });
    }
    const q = `query($first: Int, $after: String) { partnerships(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { name ownerMember { name } leadMember { name }
        parties { side place { name } organisation { name place { name } } partnership { name } } } } }`;
    type Page = { partnerships: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string; parties: unknown[] }[] } };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.partnerships.nodes.map((n) => n.name)).toEqual(["Pager 00", "Pager 01"]);
    expect(small.data?.partnerships.nodes[0]?.parties).toHaveLength(2);
    expect(large.data?.partnerships.nodes).toHaveLength(10);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.partnerships.pageInfo.endCursor }, owner.token);
    expect(rest.data?.partnerships.nodes.map((n) => n.name)).toEqual(["Pager 10", "Pager 11"]);
    expect(rest.data?.partnerships).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it("filters by kind, status, place, country and lead member", async () => {
    const owner = await makeActor(server.db, server.config);
    const lead = await makeActor(server.db, server.config);
    const lyon = await makePlace(server.db, { name: "Lyon Test", countryCode: "FR" });
    const lyonUni = await makeOrganisation(server.db, owner, { name: "Lyon Test University", placeId: lyon.id });
    const a = await makePartnership(server.db, owner, { name: "Filter A", kind: "MOU", status: "PROPOSED", leadMemberId: lead.member.id });
    await makeParty(server.db, a, { placeId: lyon.id });
    const b = await makePartnership(server.db, owner, { name: "Filter B", kind: "RESEARCH_COLLABORATION" });
    await makeParty(server.db, b, { organisationId: lyonUni.id });
    await makePartnership(server.db, owner, { name: "Filter C", kind: "MOU" });
    const names = async (filter: string) => {
      const res = await server.gql<{ partnerships: { nodes: { name: string }[] } }>(
        `{ partnerships(filter: { ownedByMe: true, ${filter} }) { nodes { name } } }`,
        {},
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data?.partnerships.nodes.map((n) => n.name);
    };
    expect(await names(`kind: MOU`)).toEqual(["Filter A", "Filter C"]);
    expect(await names(`status: PROPOSED`)).toEqual(["Filter A"]);
    expect(await names(`placeId: "${gid("Place", lyon.id)}"`)).toEqual(["Filter A", "Filter B"]);
    expect(await names(`countryCode: "fr"`)).toEqual(["Filter A", "Filter B"]);
    expect(await names(`memberId: "${gid("Member", lead.member.id)}"`)).toEqual(["Filter A"]);
    expect(await names(`query: "filter b"`)).toEqual(["Filter B"]);
    const bad = await server.gql(`{ partnerships(filter: { placeId: "${gid("Person", MISSING)}" }) { totalCount } }`, {}, owner.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.placeId" });
  });
});
