import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeInteraction,
  makePlace,
  makeVisit,
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

const VISIT = `id title direction status startsOn endsOn objectives visibility version canEdit
  ownerMember { name } leadMember { name } participatingMembers { name } destinations { name }`;
const MISSING = "00000000-0000-4000-8000-000000000000";

type VisitResult = Record<string, unknown> & { id: string; version: number };

describe("visit(id)", () => {
  it("requires authentication", async () => {
    const v = await makeVisit(server.db, alice);
    const res = await server.gql(`query($id: ID!) { visit(id: $id) { id } }`, { id: gid("Visit", v.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.visit ?? null).toBeNull();
    const list = await server.gql(`{ visits { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const write = await server.gql(`mutation { createVisit(input: { title: "x", direction: OUTBOUND, startsOn: "2026-01-01", endsOn: "2026-01-02" }) { id } }`);
    expect(write.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private visit through any path", async () => {
    const place = await makePlace(server.db, { name: "Secret Destination", countryCode: "KR" });
    const secret = await makeVisit(server.db, alice, {
      title: "Secret Okapi Mission",
      visibility: "PRIVATE",
      destinationIds: [place.id],
      memberIds: [bob.member.id],
    });
    const id = gid("Visit", secret.id);
    const byId = await server.gql(`query($id: ID!) { visit(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ visit: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    // Lists and counts, whichever filter points at it (bob's member even takes part).
    for (const filter of [
      `{ query: "Secret Okapi" }`,
      `{ placeId: "${gid("Place", place.id)}" }`,
      `{ countryCode: "KR" }`,
      `{ memberId: "${gid("Member", bob.member.id)}" }`,
    ]) {
      const list = await server.gql(`{ visits(filter: ${filter}) { totalCount nodes { id } } }`, {}, bob.token);
      expect(list.data).toEqual({ visits: { totalCount: 0, nodes: [] } });
    }
    // Nested: a NETWORK interaction that refers to it shows no visit, and filtering by it finds nothing.
    const interaction = await makeInteraction(server.db, alice, { visitId: secret.id, subject: "On the secret mission" });
    const nested = await server.gql(
      `query($id: ID!) { interaction(id: $id) { subject visit { id } } }`,
      { id: gid("Interaction", interaction.id) },
      bob.token,
    );
    expect(nested.data).toEqual({ interaction: { subject: "On the secret mission", visit: null } });
    const byVisit = await server.gql(`query($v: ID!) { interactions(filter: { visitId: $v }) { totalCount } }`, { v: id }, bob.token);
    expect(byVisit.data).toEqual({ interactions: { totalCount: 0 } });
    // Writes: indistinguishable from a missing record.
    const update = `mutation($id: ID!) { updateVisit(id: $id, version: 1, input: { title: "x" }) { id } }`;
    const write = await server.gql(update, { id }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(update, { id: gid("Visit", MISSING) }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    // It cannot be referenced either: an interaction on it is refused like a missing visit.
    const ref = await server.gql(
      `mutation($v: ID!) { createInteraction(input: { occurredAt: "2026-03-01T10:00:00Z", kind: MEETING, subject: "x", visitId: $v }) { id } }`,
      { v: id },
      bob.token,
    );
    expect(ref.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.visitId" });
    // The owner member still sees everything.
    const own = await server.gql(`query($id: ID!) { visit(id: $id) { title destinations { name } } }`, { id }, viewerA.token);
    expect(own.data).toEqual({ visit: { title: "Secret Okapi Mission", destinations: [{ name: "Secret Destination" }] } });
    const ownNested = await server.gql(
      `query($id: ID!) { interaction(id: $id) { visit { title } } }`,
      { id: gid("Interaction", interaction.id) },
      alice.token,
    );
    expect(ownNested.data).toEqual({ interaction: { visit: { title: "Secret Okapi Mission" } } });
  });
});

describe("createVisit / updateVisit / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    const tokyo = await makePlace(server.db, { name: "Tokyo" });
    const nagoya = await makePlace(server.db, { name: "Nagoya" });
    const osaka = await makePlace(server.db, { name: "Osaka" });
    const created = await server.gql<{ createVisit: VisitResult }>(
      `mutation($input: CreateVisitInput!) { createVisit(input: $input) { ${VISIT} } }`,
      {
        input: {
          title: "  Japan trade mission  ",
          direction: "OUTBOUND",
          startsOn: "2026-05-10",
          endsOn: "2026-05-16",
          objectives: "Automotive supply chain",
          destinationIds: [gid("Place", nagoya.id), gid("Place", tokyo.id), gid("Place", nagoya.id)],
          participatingMemberIds: [gid("Member", bob.member.id)],
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const visit = created.data!.createVisit;
    expect(visit).toMatchObject({
      title: "Japan trade mission",
      direction: "OUTBOUND",
      status: "PLANNED",
      startsOn: "2026-05-10",
      endsOn: "2026-05-16",
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      ownerMember: { name: alice.member.name },
      leadMember: { name: alice.member.name },
      participatingMembers: [{ name: bob.member.name }],
      destinations: [{ name: "Nagoya" }, { name: "Tokyo" }],
    });

    const read = await server.gql(`query($id: ID!) { visit(id: $id) { title canEdit } }`, { id: visit.id }, bob.token);
    expect(read.data).toEqual({ visit: { title: "Japan trade mission", canEdit: false } });

    const updated = await server.gql<{ updateVisit: VisitResult }>(
      `mutation($id: ID!, $v: Int!, $input: UpdateVisitInput!) { updateVisit(id: $id, version: $v, input: $input) { ${VISIT} } }`,
      {
        id: visit.id,
        v: 1,
        input: {
          status: "CONFIRMED",
          endsOn: "2026-05-17",
          leadMemberId: gid("Member", bob.member.id),
          destinationIds: [gid("Place", osaka.id), gid("Place", tokyo.id)],
        },
      },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateVisit).toMatchObject({
      status: "CONFIRMED",
      startsOn: "2026-05-10",
      endsOn: "2026-05-17",
      version: 2,
      leadMember: { name: bob.member.name },
      // Not given: unchanged.
      participatingMembers: [{ name: bob.member.name }],
      objectives: "Automotive supply chain",
      destinations: [{ name: "Osaka" }, { name: "Tokyo" }],
    });
    const cleared = await server.gql<{ updateVisit: VisitResult }>(
      `mutation($id: ID!) { updateVisit(id: $id, version: 2, input: { participatingMemberIds: [], objectives: null }) { version objectives participatingMembers { name } } }`,
      { id: visit.id },
      alice.token,
    );
    expect(cleared.data?.updateVisit).toEqual({ version: 3, objectives: null, participatingMembers: [] });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 3) { ... on Visit { archivedAt version } } }`,
      { id: visit.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archive).toMatchObject({ version: 4 });
    const listed = await server.gql<{ visits: { nodes: { id: string }[] } }>(
      `query($p: ID!) { visits(filter: { placeId: $p }) { nodes { id } } }`,
      { p: gid("Place", osaka.id) },
      alice.token,
    );
    expect(listed.data?.visits.nodes).toEqual([]);
    const withArchived = await server.gql<{ visits: { nodes: { id: string }[] } }>(
      `query($p: ID!) { visits(filter: { placeId: $p, includeArchived: true }) { nodes { id } } }`,
      { p: gid("Place", osaka.id) },
      alice.token,
    );
    expect(withArchived.data?.visits.nodes).toEqual([{ id: visit.id }]);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const v = await makeVisit(server.db, alice, { title: "Original" });
    const m = `mutation($id: ID!, $v: Int!, $t: String) { updateVisit(id: $id, version: $v, input: { title: $t }) { version } }`;
    const first = await server.gql(m, { id: gid("Visit", v.id), v: 1, t: "First" }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("Visit", v.id), v: 1, t: "Second" }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id: gid("Visit", v.id) }, alice.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { visit(id: $id) { title version archivedAt } }`, { id: gid("Visit", v.id) }, alice.token);
    expect(now.data).toEqual({ visit: { title: "First", version: 2, archivedAt: null } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const base = { title: "Bad Input Visit", direction: "INBOUND", startsOn: "2026-06-01", endsOn: "2026-06-03" };
    const nowhere = gid("Place", MISSING);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: " " }, "input.title"],
      [{ ...base, endsOn: "2026-05-31" }, "input.endsOn"],
      [{ ...base, startsOn: "2026-02-30" }, "input.startsOn"],
      [{ ...base, direction: "SIDEWAYS" }, "input.direction"],
      [{ ...base, leadMemberId: gid("Member", MISSING) }, "input.leadMemberId"],
      [{ ...base, leadMemberId: gid("Place", MISSING) }, "input.leadMemberId"],
      [{ ...base, participatingMemberIds: [gid("Member", alice.member.id), gid("Member", MISSING)] }, "input.participatingMemberIds.1"],
      [{ ...base, destinationIds: [nowhere] }, "input.destinationIds.0"],
      [{ ...base, objectives: "x".repeat(5001) }, "input.objectives"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreateVisitInput!) { createVisit(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const count = await server.gql<{ visits: { totalCount: number } }>(`{ visits(filter: { query: "Bad Input Visit" }) { totalCount } }`, {}, alice.token);
    expect(count.data?.visits.totalCount).toBe(0);

    // One-sided date changes are checked against the stored dates.
    const v = await makeVisit(server.db, alice, { startsOn: "2026-07-10", endsOn: "2026-07-12" });
    const m = `mutation($id: ID!, $input: UpdateVisitInput!) { updateVisit(id: $id, version: 1, input: $input) { startsOn endsOn version } }`;
    const early = await server.gql(m, { id: gid("Visit", v.id), input: { endsOn: "2026-07-09" } }, alice.token);
    expect(early.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.endsOn" });
    const late = await server.gql(m, { id: gid("Visit", v.id), input: { startsOn: "2026-07-13" } }, alice.token);
    expect(late.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.endsOn" });
    const both = await server.gql(m, { id: gid("Visit", v.id), input: { startsOn: "2026-07-20", endsOn: "2026-07-19" } }, alice.token);
    expect(both.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.endsOn" });
    const sameDay = await server.gql(m, { id: gid("Visit", v.id), input: { endsOn: "2026-07-10" } }, alice.token);
    expect(sameDay.data).toEqual({ updateVisit: { startsOn: "2026-07-10", endsOn: "2026-07-10", version: 2 } });
  });

  it("refuses viewers and other members' editors", async () => {
    const v = await makeVisit(server.db, alice);
    const byViewer = await server.gql(
      `mutation { createVisit(input: { title: "V", direction: OUTBOUND, startsOn: "2026-01-01", endsOn: "2026-01-01" }) { id } }`,
      {},
      viewerA.token,
    );
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const m = `mutation($id: ID!) { updateVisit(id: $id, version: 1, input: { title: "x" }) { id } }`;
    const byColleagueViewer = await server.gql(m, { id: gid("Visit", v.id) }, viewerA.token);
    expect(byColleagueViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(m, { id: gid("Visit", v.id) }, bob.token);
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id: gid("Visit", v.id) }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ignores any attempt to set the owner: visits belong to the creator's member", async () => {
    const res = await server.gql(
      `mutation($input: CreateVisitInput!) { createVisit(input: $input) { id } }`,
      { input: { title: "Mass Assign", direction: "OUTBOUND", startsOn: "2026-01-01", endsOn: "2026-01-01", ownerMemberId: bob.member.id } },
      alice.token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("visits(filter)", () => {
  it("filters by dates (overlap), destination, country, member, status and direction", async () => {
    const owner = await makeActor(server.db, server.config);
    const partner = await makeActor(server.db, server.config);
    const seoul = await makePlace(server.db, { name: "Seoul", countryCode: "KR" });
    const lyon = await makePlace(server.db, { name: "Lyon", countryCode: "FR" });
    await makeVisit(server.db, owner, { title: "March Seoul", startsOn: "2026-03-01", endsOn: "2026-03-05", destinationIds: [seoul.id] });
    await makeVisit(server.db, owner, {
      title: "April Lyon",
      startsOn: "2026-04-10",
      endsOn: "2026-04-12",
      status: "CONFIRMED",
      destinationIds: [lyon.id, seoul.id],
      memberIds: [partner.member.id],
    });
    await makeVisit(server.db, owner, {
      title: "June Inbound",
      direction: "INBOUND",
      startsOn: "2026-06-01",
      endsOn: "2026-06-02",
      leadMemberId: partner.member.id,
    });
    const titles = async (filter: string) => {
      const res = await server.gql<{ visits: { totalCount: number; nodes: { title: string }[] } }>(
        `{ visits(filter: { ownedByMe: true, ${filter} }) { totalCount nodes { title } } }`,
        {},
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.visits.totalCount).toBe(res.data?.visits.nodes.length);
      return res.data?.visits.nodes.map((n) => n.title);
    };
    expect(await titles("")).toEqual(["June Inbound", "April Lyon", "March Seoul"]);
    expect(await titles(`from: "2026-03-05", to: "2026-04-10"`)).toEqual(["April Lyon", "March Seoul"]);
    expect(await titles(`from: "2026-03-06"`)).toEqual(["June Inbound", "April Lyon"]);
    expect(await titles(`to: "2026-02-28"`)).toEqual([]);
    expect(await titles(`placeId: "${gid("Place", seoul.id)}"`)).toEqual(["April Lyon", "March Seoul"]);
    expect(await titles(`countryCode: "fr"`)).toEqual(["April Lyon"]);
    expect(await titles(`memberId: "${gid("Member", partner.member.id)}"`)).toEqual(["June Inbound", "April Lyon"]);
    expect(await titles(`status: CONFIRMED`)).toEqual(["April Lyon"]);
    expect(await titles(`direction: INBOUND`)).toEqual(["June Inbound"]);
    expect(await titles(`query: "lyon"`)).toEqual(["April Lyon"]);
    const bad = await server.gql(`{ visits(filter: { placeId: "${gid("Member", owner.member.id)}" }) { totalCount } }`, {}, owner.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.placeId" });
  });

  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const partner = await makeActor(server.db, server.config);
    const a = await makePlace(server.db);
    const b = await makePlace(server.db);
    for (let i = 0; i < 12; i++) {
      const day = String(28 - i).padStart(2, "0");
      await makeVisit(server.db, owner, {
        title: `Pager ${String(i).padStart(2, "0")}`,
        startsOn: `2026-01-${day}`,
        endsOn: `2026-01-${day}`,
        destinationIds: [b.id, a.id],
        memberIds: [partner.member.id],
      });
    }
    const q = `query($first: Int, $after: String) { visits(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { title ownerMember { name } leadMember { name } participatingMembers { name } destinations { name } } } }`;
    type Page = {
      visits: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { title: string; destinations: { name: string }[] }[];
      };
    };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.visits.nodes.map((n) => n.title)).toEqual(["Pager 00", "Pager 01"]);
    expect(small.data?.visits.nodes[0]?.destinations).toEqual([{ name: b.name }, { name: a.name }]);
    expect(large.data?.visits.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.visits.pageInfo.endCursor }, owner.token);
    expect(rest.data?.visits.nodes.map((n) => n.title)).toEqual(["Pager 10", "Pager 11"]);
    expect(rest.data?.visits).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });
});
