import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import { auditEvents, users } from "../../server/db/tables/index.js";
import { type Actor, gid, makeActor, makeColleague, makeFollowUp } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let carol: Actor; // EDITOR at member A
let viewerA: Actor; // VIEWER at member A
let bob: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  carol = await makeColleague(server.db, server.config, alice, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
const COMPLETE = `mutation($id: ID!, $v: Int!) { completeFollowUp(id: $id, version: $v) { id status completedAt overdue version assignee { name } } }`;
const REASSIGN = `mutation($id: ID!, $v: Int!, $a: ID!) { reassignFollowUp(id: $id, version: $v, assigneeId: $a) { id version assignee { name } status } }`;
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("completeFollowUp / reassignFollowUp", () => {
  it("requires authentication", async () => {
    const f = await makeFollowUp(server.db, alice, { assigneeId: alice.user.id });
    const complete = await server.gql(COMPLETE, { id: gid("FollowUp", f.id), v: 1 });
    expect(complete.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reassign = await server.gql(REASSIGN, { id: gid("FollowUp", f.id), v: 1, a: gid("User", carol.user.id) });
    expect(reassign.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const byViewer = await server.gql(COMPLETE, { id: gid("FollowUp", f.id), v: 1 }, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("cannot see another member's private record: writes read as missing, shared ones are refused", async () => {
    const secret = await makeFollowUp(server.db, alice, { title: "Secret workflow follow-up", visibility: "PRIVATE" });
    const shared = await makeFollowUp(server.db, alice, { title: "Shared workflow follow-up" });
    for (const [query, extra] of [
      [COMPLETE, {}],
      [REASSIGN, { a: gid("User", bob.user.id) }],
    ] as const) {
      const hidden = await server.gql(query, { id: gid("FollowUp", secret.id), v: 1, ...extra }, bob.token);
      expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const missing = await server.gql(query, { id: gid("FollowUp", MISSING), v: 1, ...extra }, bob.token);
      expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
      const notTheirs = await server.gql(query, { id: gid("FollowUp", shared.id), v: 1, ...extra }, bob.token);
      expect(notTheirs.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const listed = await server.gql(`{ followUps(filter: { status: DONE }) { totalCount } }`, {}, bob.token);
    expect(listed.data).toEqual({ followUps: { totalCount: 0 } });
    const unchanged = await server.gql(`query($id: ID!) { followUp(id: $id) { status version } }`, { id: gid("FollowUp", secret.id) }, alice.token);
    expect(unchanged.data).toEqual({ followUp: { status: "OPEN", version: 1 } });
  });

  it("completes a follow-up once, keeps the first completion time, refuses a stale version and audits", async () => {
    const f = await makeFollowUp(server.db, alice, { title: "Send minutes", dueOn: daysFromToday(-3), assigneeId: alice.user.id });
    const id = gid("FollowUp", f.id);
    const done = await server.gql<{ completeFollowUp: { completedAt: string } }>(COMPLETE, { id, v: 1 }, carol.token);
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeFollowUp).toMatchObject({ id, status: "DONE", overdue: false, version: 2, assignee: { name: alice.user.name } });
    const completedAt = done.data!.completeFollowUp.completedAt;
    expect(Date.now() - Date.parse(completedAt)).toBeLessThan(60_000);
    const stale = await server.gql(COMPLETE, { id, v: 1 }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const again = await server.gql(COMPLETE, { id, v: 2 }, alice.token);
    expect(again.data?.completeFollowUp).toMatchObject({ status: "DONE", version: 3, completedAt });
    const audit = await server.db.select().from(auditEvents).where(eq(auditEvents.requestId, done.headers.get("x-request-id")!));
    expect(audit).toMatchObject([{ action: "update", recordType: "FollowUp", recordId: f.id, userId: carol.user.id }]);
    expect(Object.keys(audit[0]!.changes as object).sort()).toEqual(["completedAt", "status"]);
  });

  it("reassigns within the member only, naming the field otherwise", async () => {
    const leaver = await makeColleague(server.db, server.config, alice);
    await server.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaver.user.id));
    const f = await makeFollowUp(server.db, alice, { title: "Book the venue", assigneeId: alice.user.id });
    const id = gid("FollowUp", f.id);
    for (const assignee of [gid("User", bob.user.id), gid("User", leaver.user.id), gid("User", MISSING), gid("Person", alice.user.id), "garbage"]) {
      const res = await server.gql(REASSIGN, { id, v: 1, a: assignee }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "assigneeId" });
    }
    const moved = await server.gql(REASSIGN, { id, v: 1, a: gid("User", carol.user.id) }, alice.token);
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.reassignFollowUp).toEqual({ id, version: 2, assignee: { name: carol.user.name }, status: "OPEN" });
    const stale = await server.gql(REASSIGN, { id, v: 1, a: gid("User", alice.user.id) }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    // A viewer of the member can be given a task to see, like createFollowUp allows.
    const toViewer = await server.gql(REASSIGN, { id, v: 2, a: gid("User", viewerA.user.id) }, carol.token);
    expect(toViewer.data?.reassignFollowUp).toMatchObject({ assignee: { name: viewerA.user.name } });
  });

  it("moves follow-ups between the lists: mine, my member's, open, done, due before and overdue", async () => {
    const team = await makeActor(server.db, server.config);
    const mate = await makeColleague(server.db, server.config, team);
    const overdue = await makeFollowUp(server.db, team, { title: "Overdue task", dueOn: daysFromToday(-2), assigneeId: team.user.id });
    await makeFollowUp(server.db, team, { title: "Upcoming task", dueOn: daysFromToday(5), assigneeId: team.user.id });
    await makeFollowUp(server.db, team, { title: "Mate's task", dueOn: daysFromToday(1), assigneeId: mate.user.id });
    await makeFollowUp(server.db, bob, { title: "Other member's task", dueOn: daysFromToday(-2) });
    const titles = async (filter: string, token = team.token) => {
      const res = await server.gql<{ followUps: { totalCount: number; nodes: { title: string }[] } }>(
        `{ followUps(filter: { ${filter} }) { totalCount nodes { title } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.followUps.totalCount).toBe(res.data?.followUps.nodes.length);
      return res.data!.followUps.nodes.map((n) => n.title);
    };
    expect(await titles("assignedToMe: true")).toEqual(["Overdue task", "Upcoming task"]);
    expect(await titles("ownedByMe: true")).toEqual(["Overdue task", "Mate's task", "Upcoming task"]);
    expect(await titles("ownedByMe: true, overdue: true")).toEqual(["Overdue task"]);
    expect(await titles(`ownedByMe: true, dueBefore: "${daysFromToday(2)}"`)).toEqual(["Overdue task", "Mate's task"]);
    // Completing takes it off the open and overdue lists.
    await server.gql(COMPLETE, { id: gid("FollowUp", overdue.id), v: 1 }, team.token);
    expect(await titles("ownedByMe: true, overdue: true")).toEqual([]);
    expect(await titles("ownedByMe: true, status: OPEN")).toEqual(["Mate's task", "Upcoming task"]);
    expect(await titles("ownedByMe: true, status: DONE")).toEqual(["Overdue task"]);
    // Reassigning moves it from my list to my colleague's.
    const mine = await server.gql<{ followUps: { nodes: { id: string; version: number }[] } }>(
      `{ followUps(filter: { assignedToMe: true, status: OPEN }) { nodes { id version } } }`,
      {},
      team.token,
    );
    const task = mine.data!.followUps.nodes[0]!;
    await server.gql(REASSIGN, { id: task.id, v: task.version, a: gid("User", mate.user.id) }, team.token);
    expect(await titles("assignedToMe: true, status: OPEN")).toEqual([]);
    expect(await titles("assignedToMe: true", mate.token)).toEqual(["Mate's task", "Upcoming task"]);
  });
});
