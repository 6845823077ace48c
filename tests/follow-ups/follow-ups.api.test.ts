import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeOpportunity,
  makeOrganisation,
  makePartnership,
  makePerson,
  makeUser,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let bob: Actor; // EDITOR at member B
let viewerA: Actor; // VIEWER at member A
let carol: Actor; // EDITOR at member A

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  bob = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  carol = await makeColleague(server.db, server.config, alice, "EDITOR");
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
const ABOUT = `interaction { subject } person { fullName } organisation { name } partnership { name } visit { title } opportunity { title }`;
const FOLLOW_UP = `id title dueOn status completedAt overdue visibility version canEdit ownerMember { name } assignee { name } ${ABOUT}`;
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("followUp(id)", () => {
  it("requires authentication", async () => {
    const f = await makeFollowUp(server.db, alice);
    const byId = await server.gql(`query($id: ID!) { followUp(id: $id) { id } }`, { id: gid("FollowUp", f.id) });
    expect(byId.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(byId.data?.followUp ?? null).toBeNull();
    const list = await server.gql(`{ followUps { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const create = await server.gql(`mutation { createFollowUp(input: { title: "X" }) { id } }`);
    expect(create.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record through any path", async () => {
    const secret = await makeFollowUp(server.db, alice, { title: "Secret Zebra Follow-up", dueOn: "2001-01-01", visibility: "PRIVATE" });
    const id = gid("FollowUp", secret.id);
    const byId = await server.gql(`query($id: ID!) { followUp(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ followUp: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    const list = await server.gql(`{ followUps(filter: { dueBefore: "2001-01-02" }) { totalCount nodes { id } } }`, {}, bob.token);
    expect(list.data).toEqual({ followUps: { totalCount: 0, nodes: [] } });

    const m = `mutation($id: ID!) { updateFollowUp(id: $id, version: 1, input: { status: DONE }) { id } }`;
    const write = await server.gql(m, { id }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(m, { id: gid("FollowUp", MISSING) }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);

    const own = await server.gql(`query($id: ID!) { followUp(id: $id) { title } }`, { id }, viewerA.token);
    expect(own.data).toEqual({ followUp: { title: "Secret Zebra Follow-up" } });
  });

  it("shows what a follow-up is about only when the viewer can see that record", async () => {
    const hidden = { visibility: "PRIVATE" as const };
    const subjects = {
      interactionId: (await makeInteraction(server.db, alice, { subject: "Hidden meeting", ...hidden })).id,
      personId: (await makePerson(server.db, alice, { fullName: "Hidden person", ...hidden })).id,
      organisationId: (await makeOrganisation(server.db, alice, { name: "Hidden org", ...hidden })).id,
      partnershipId: (await makePartnership(server.db, alice, { name: "Hidden partnership", ...hidden })).id,
      visitId: (await makeVisit(server.db, alice, { title: "Hidden visit", ...hidden })).id,
      opportunityId: (await makeOpportunity(server.db, alice, { title: "Hidden opportunity", ...hidden })).id,
    };
    const ids: string[] = [];
    for (const [key, value] of Object.entries(subjects)) {
      ids.push((await makeFollowUp(server.db, alice, { title: `About ${key}`, [key]: value })).id);
    }
    const read = async (token: string) => {
      const results: number[] = [];
      for (const fid of ids) {
        const res = await server.gql<{ followUp: Record<string, unknown> }>(
          `query($id: ID!) { followUp(id: $id) { ${ABOUT} } }`,
          { id: gid("FollowUp", fid) },
          token,
        );
        expect(res.errors).toBeUndefined();
        results.push(Object.values(res.data!.followUp).filter((v) => v !== null).length);
      }
      return results;
    };
    expect(await read(bob.token)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await read(alice.token)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("shows another member's assignee without their email", async () => {
    const f = await makeFollowUp(server.db, alice, { assigneeId: carol.user.id });
    const q = `query($id: ID!) { followUp(id: $id) { assignee { name email } } }`;
    const theirs = await server.gql(q, { id: gid("FollowUp", f.id) }, bob.token);
    expect(theirs.data).toEqual({ followUp: { assignee: { name: carol.user.name, email: null } } });
    const ours = await server.gql(q, { id: gid("FollowUp", f.id) }, alice.token);
    expect(ours.data).toEqual({ followUp: { assignee: { name: carol.user.name, email: carol.user.email } } });
  });
});

describe("createFollowUp / updateFollowUp / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    const partnership = await makePartnership(server.db, alice, { name: "Follow-up Test Partnership" });
    const person = await makePerson(server.db, bob, { fullName: "Follow-up Test Person" });
    const created = await server.gql<{ createFollowUp: Record<string, unknown> & { id: string } }>(
      `mutation($input: CreateFollowUpInput!) { createFollowUp(input: $input) { ${FOLLOW_UP} } }`,
      {
        input: {
          title: "Send the renewal draft",
          dueOn: daysFromToday(-2),
          assigneeId: gid("User", carol.user.id),
          partnershipId: gid("Partnership", partnership.id),
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const f = created.data!.createFollowUp;
    expect(f).toMatchObject({
      title: "Send the renewal draft",
      dueOn: daysFromToday(-2),
      status: "OPEN",
      completedAt: null,
      overdue: true,
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      ownerMember: { name: alice.member.name },
      assignee: { name: carol.user.name },
      partnership: { name: "Follow-up Test Partnership" },
      person: null,
    });

    const m = `mutation($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, version: $v, input: $input) {
      version title status completedAt overdue partnership { name } person { fullName } } }`;
    const done = await server.gql<{ updateFollowUp: { completedAt: string } & Record<string, unknown> }>(
      m,
      { id: f.id, v: 1, input: { status: "DONE", personId: gid("Person", person.id) } },
      alice.token,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data?.updateFollowUp).toMatchObject({
      version: 2,
      status: "DONE",
      overdue: false,
      // Naming another record replaces what the follow-up is about.
      partnership: null,
      person: { fullName: "Follow-up Test Person" },
    });
    const completedAt = done.data!.updateFollowUp.completedAt;
    expect(completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Re-saving as DONE keeps the first completion time; reopening clears it.
    const resaved = await server.gql<{ updateFollowUp: Record<string, unknown> }>(
      m,
      { id: f.id, v: 2, input: { status: "DONE", title: "Renewal draft sent" } },
      alice.token,
    );
    expect(resaved.data?.updateFollowUp).toMatchObject({ version: 3, title: "Renewal draft sent", completedAt });
    const reopened = await server.gql<{ updateFollowUp: Record<string, unknown> }>(m, { id: f.id, v: 3, input: { status: "OPEN" } }, alice.token);
    expect(reopened.data?.updateFollowUp).toMatchObject({ version: 4, status: "OPEN", completedAt: null, overdue: true });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 4) { ... on FollowUp { archivedAt version } } }`,
      { id: f.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    const listed = await server.gql<{ followUps: { nodes: { id: string }[] } }>(`{ followUps(filter: { ownedByMe: true }) { nodes { id } } }`, {}, alice.token);
    expect(listed.data?.followUps.nodes.map((n) => n.id)).not.toContain(f.id);
    const withArchived = await server.gql<{ followUps: { nodes: { id: string }[] } }>(
      `{ followUps(filter: { ownedByMe: true, includeArchived: true }) { nodes { id } } }`,
      {},
      alice.token,
    );
    expect(withArchived.data?.followUps.nodes.map((n) => n.id)).toContain(f.id);
  });

  it("assigns to the creator by default, or to nobody when asked", async () => {
    const m = `mutation($input: CreateFollowUpInput!) { createFollowUp(input: $input) { assignee { name } status completedAt } }`;
    const mine = await server.gql(m, { input: { title: "Default assignee" } }, alice.token);
    expect(mine.data).toEqual({ createFollowUp: { assignee: { name: alice.user.name }, status: "OPEN", completedAt: null } });
    const nobody = await server.gql(m, { input: { title: "Unassigned", assigneeId: null } }, alice.token);
    expect(nobody.data).toEqual({ createFollowUp: { assignee: null, status: "OPEN", completedAt: null } });
    const done = await server.gql<{ createFollowUp: { completedAt: string | null } }>(m, { input: { title: "Done already", status: "DONE" } }, alice.token);
    expect(done.data?.createFollowUp.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const f = await makeFollowUp(server.db, alice, { title: "Original" });
    const m = `mutation($id: ID!, $v: Int!, $t: String) { updateFollowUp(id: $id, version: $v, input: { title: $t }) { version } }`;
    const first = await server.gql(m, { id: gid("FollowUp", f.id), v: 1, t: "First" }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("FollowUp", f.id), v: 1, t: "Second" }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { followUp(id: $id) { title version } }`, { id: gid("FollowUp", f.id) }, alice.token);
    expect(now.data).toEqual({ followUp: { title: "First", version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const disabled = await makeUser(server.db, { memberId: alice.member.id, disabledAt: new Date() });
    const theirOpportunity = await makeOpportunity(server.db, bob, { visibility: "PRIVATE" });
    const person = await makePerson(server.db, alice);
    const org = await makeOrganisation(server.db, alice);
    const base = { title: "Invalid test follow-up" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: "" }, "input.title"],
      [{ ...base, dueOn: "2026-02-30" }, "input.dueOn"],
      [{ ...base, status: "LATER" }, "input.status"],
      [{ ...base, assigneeId: gid("User", bob.user.id) }, "input.assigneeId"],
      [{ ...base, assigneeId: gid("User", disabled.id) }, "input.assigneeId"],
      [{ ...base, assigneeId: gid("User", MISSING) }, "input.assigneeId"],
      [{ ...base, assigneeId: gid("Member", alice.member.id) }, "input.assigneeId"],
      [{ ...base, personId: gid("Person", person.id), organisationId: gid("Organisation", org.id) }, "input.organisationId"],
      [{ ...base, opportunityId: gid("Opportunity", theirOpportunity.id) }, "input.opportunityId"],
      [{ ...base, partnershipId: gid("Partnership", MISSING) }, "input.partnershipId"],
      [{ ...base, visitId: gid("Visit", MISSING) }, "input.visitId"],
      [{ ...base, interactionId: gid("Person", person.id) }, "input.interactionId"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreateFollowUpInput!) { createFollowUp(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const hidden = await server.gql(
      `mutation($input: CreateFollowUpInput!) { createFollowUp(input: $input) { id } }`,
      { input: { ...base, opportunityId: gid("Opportunity", theirOpportunity.id) } },
      alice.token,
    );
    const missing = await server.gql(
      `mutation($input: CreateFollowUpInput!) { createFollowUp(input: $input) { id } }`,
      { input: { ...base, opportunityId: gid("Opportunity", MISSING) } },
      alice.token,
    );
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const all = await server.gql<{ followUps: { nodes: { title: string }[] } }>(
      `{ followUps(filter: { ownedByMe: true }, first: 100) { nodes { title } } }`,
      {},
      alice.token,
    );
    expect(all.data?.followUps.nodes.map((n) => n.title)).not.toContain(base.title);
  });

  it("refuses viewers and other members' editors", async () => {
    const f = await makeFollowUp(server.db, alice);
    const byViewer = await server.gql(`mutation { createFollowUp(input: { title: "V" }) { id } }`, {}, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byOther = await server.gql(
      `mutation($id: ID!) { updateFollowUp(id: $id, version: 1, input: { status: DONE }) { id } }`,
      { id: gid("FollowUp", f.id) },
      bob.token,
    );
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("followUps(filter)", () => {
  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    // One run per kind of subject, each follow-up about a different record, so every nested loader must batch.
    const subjects: [string, (owner: Actor) => Promise<Record<string, string>>][] = [
      ["person", async (o) => ({ personId: (await makePerson(server.db, o)).id })],
      ["organisation", async (o) => ({ organisationId: (await makeOrganisation(server.db, o)).id })],
      ["partnership", async (o) => ({ partnershipId: (await makePartnership(server.db, o)).id })],
      ["visit", async (o) => ({ visitId: (await makeVisit(server.db, o)).id })],
      ["interaction", async (o) => ({ interactionId: (await makeInteraction(server.db, o)).id })],
      ["opportunity", async (o) => ({ opportunityId: (await makeOpportunity(server.db, o, { organisationId: (await makeOrganisation(server.db, o)).id })).id })],
    ];
    const q = `query($first: Int, $after: String) { followUps(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { title overdue ownerMember { name } assignee { name member { name } }
        interaction { subject } person { fullName } organisation { name } partnership { name parties { side } }
        visit { title } opportunity { title organisation { name } } } } }`;
    type Page = { followUps: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: ({ title: string } & Record<string, unknown>)[] } };
    for (const [kind, makeSubject] of subjects) {
      const owner = await makeActor(server.db, server.config);
      for (let i = 0; i < 12; i++) {
        const assignee = await makeColleague(server.db, server.config, owner);
        await makeFollowUp(server.db, owner, {
          title: `Pager ${String(i).padStart(2, "0")}`,
          dueOn: `2030-01-${String(i + 1).padStart(2, "0")}`,
          assigneeId: assignee.user.id,
          ...(await makeSubject(owner)),
        });
      }
      const small = await server.gql<Page>(q, { first: 2 }, owner.token);
      const large = await server.gql<Page>(q, { first: 10 }, owner.token);
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(small.data?.followUps.nodes.map((n) => n.title)).toEqual(["Pager 00", "Pager 01"]);
      expect(large.data?.followUps.nodes).toHaveLength(10);
      expect(large.data?.followUps.nodes.every((n) => n[kind] !== null)).toBe(true);
      expect(small.statements).toBeGreaterThan(0);
      expect({ kind, statements: large.statements }).toEqual({ kind, statements: small.statements });
      const rest = await server.gql<Page>(q, { first: 10, after: large.data?.followUps.pageInfo.endCursor }, owner.token);
      expect(rest.data?.followUps.nodes.map((n) => n.title)).toEqual(["Pager 10", "Pager 11"]);
      expect(rest.data?.followUps).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
    }
  });

  it("orders by due date (undated last) and filters by assignee, status, due date and overdue", async () => {
    const owner = await makeActor(server.db, server.config);
    const colleague = await makeColleague(server.db, server.config, owner);
    await makeFollowUp(server.db, owner, { title: "Undated", assigneeId: owner.user.id });
    await makeFollowUp(server.db, owner, { title: "Overdue", dueOn: daysFromToday(-3), assigneeId: owner.user.id });
    await makeFollowUp(server.db, owner, { title: "Done late", dueOn: daysFromToday(-5), status: "DONE", completedAt: new Date() });
    await makeFollowUp(server.db, owner, { title: "Due today", dueOn: daysFromToday(0), assigneeId: colleague.user.id });
    await makeFollowUp(server.db, owner, { title: "Next week", dueOn: daysFromToday(7), status: "CANCELLED" });
    const titles = async (filter: string, token = owner.token) => {
      const res = await server.gql<{ followUps: { nodes: { title: string }[] } }>(
        `{ followUps(filter: { ownedByMe: true, ${filter} }) { nodes { title } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data?.followUps.nodes.map((n) => n.title);
    };
    expect(await titles(``)).toEqual(["Done late", "Overdue", "Due today", "Next week", "Undated"]);
    expect(await titles(`assignedToMe: true`)).toEqual(["Overdue", "Undated"]);
    expect(await titles(`assignedToMe: true`, colleague.token)).toEqual(["Due today"]);
    expect(await titles(`status: OPEN`)).toEqual(["Overdue", "Due today", "Undated"]);
    expect(await titles(`dueBefore: "${daysFromToday(0)}"`)).toEqual(["Done late", "Overdue"]);
    expect(await titles(`overdue: true`)).toEqual(["Overdue"]);
    expect(await titles(`overdue: false`)).toEqual(["Done late", "Due today", "Next week", "Undated"]);
  });
});
