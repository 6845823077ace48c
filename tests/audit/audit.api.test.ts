import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { type Actor, gid, makeActor, makeColleague } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let admin: Actor; // ADMIN at member A
let editor: Actor; // EDITOR at member A
let other: Actor; // EDITOR at member B
let otherAdmin: Actor; // ADMIN at member B

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeActor(server.db, server.config, "ADMIN");
  editor = await makeColleague(server.db, server.config, admin, "EDITOR");
  other = await makeActor(server.db, server.config, "EDITOR");
  otherAdmin = await makeColleague(server.db, server.config, other, "ADMIN");
});
afterAll(() => server.stop());

const Q = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id at action recordType recordId changes requestId user { id name } member { id } }
  }
}`;

interface Page {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; at: string; action: string; recordType: string; recordId: string | null; changes: string | null; user: { id: string } | null }[];
  };
}

async function createPerson(actor: Actor, fullName: string): Promise<{ id: string }> {
  const res = await server.gql<{ createPerson: { id: string } }>(`mutation($n: String!) { createPerson(input: { fullName: $n }) { id } }`, { n: fullName }, actor.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createPerson;
}

describe("auditEvents", () => {
  it("requires authentication", async () => {
    const res = await server.gql(Q, {});
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is for admins", async () => {
    const res = await server.gql(Q, {}, editor.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("cannot see another member's private record: only the member's own events", async () => {
    const theirs = await createPerson(other, "Their Audited Person");
    const byRecord = await server.gql<Page>(Q, { filter: { recordId: theirs.id } }, admin.token);
    expect(byRecord.data!.auditEvents).toMatchObject({ totalCount: 0, nodes: [] });
    const byUser = await server.gql<Page>(Q, { filter: { userId: gid("User", other.user.id) } }, admin.token);
    expect(byUser.data!.auditEvents.totalCount).toBe(0);
    const all = await server.gql<Page>(Q, { first: 100 }, admin.token);
    expect(all.data!.auditEvents.nodes.some((n) => n.recordId === theirs.id)).toBe(false);
    // Their own admin sees it.
    const own = await server.gql<Page>(Q, { filter: { recordId: theirs.id } }, otherAdmin.token);
    expect(own.data!.auditEvents.nodes.map((n) => n.action)).toEqual(["create"]);
  });

  it("finds events by record, by user and by date, newest first, page by page", async () => {
    const p = await createPerson(editor, "Audited Astrid");
    const upd = await server.gql(`mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "Consul" }) { id } }`, { id: p.id }, admin.token);
    expect(upd.errors).toBeUndefined();
    const byRecord = await server.gql<Page>(Q, { filter: { recordId: p.id } }, admin.token);
    expect(byRecord.errors).toBeUndefined();
    const events = byRecord.data!.auditEvents.nodes;
    expect(events.map((e) => [e.action, e.recordType, e.recordId, e.user?.id])).toEqual([
      ["update", "Person", p.id, gid("User", admin.user.id)],
      ["create", "Person", p.id, gid("User", editor.user.id)],
    ]);
    expect(JSON.parse(events[0]!.changes!)).toEqual({ jobTitle: { from: null, to: "Consul" } });

    const byUser = await server.gql<Page>(Q, { filter: { userId: gid("User", editor.user.id) } }, admin.token);
    expect(byUser.data!.auditEvents.nodes.every((e) => e.user?.id === gid("User", editor.user.id))).toBe(true);
    expect(byUser.data!.auditEvents.nodes.map((e) => e.recordId)).toContain(p.id);

    const at = new Date(events[0]!.at);
    const window = { from: new Date(at.getTime() - 1).toISOString(), to: new Date(at.getTime() + 1).toISOString() };
    const byDate = await server.gql<Page>(Q, { filter: { ...window, recordId: p.id } }, admin.token);
    expect(byDate.data!.auditEvents.nodes.map((e) => e.action)).toEqual(["update"]);
    const future = await server.gql<Page>(Q, { filter: { from: new Date(Date.now() + 86_400_000).toISOString() } }, admin.token);
    expect(future.data!.auditEvents.totalCount).toBe(0);

    const first = await server.gql<Page>(Q, { filter: { recordId: p.id }, first: 1 }, admin.token);
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql<Page>(Q, { filter: { recordId: p.id }, first: 1, after: first.data!.auditEvents.pageInfo.endCursor }, admin.token);
    expect(second.data!.auditEvents.nodes.map((e) => e.action)).toEqual(["create"]);
    expect(second.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
  });

  it("answers any page size with the same statements, and validates its input", async () => {
    for (let i = 0; i < 5; i++) await createPerson(editor, `Bulk Audited ${i}`);
    const small = await server.gql(Q, { first: 1 }, admin.token);
    const large = await server.gql<Page>(Q, { first: 50 }, admin.token);
    expect(large.data!.auditEvents.nodes.length).toBeGreaterThan(5);
    expect(large.statements).toBe(small.statements);
    const badId = await server.gql(Q, { filter: { recordId: "not an id" } }, admin.token);
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.recordId" });
    const badUser = await server.gql(Q, { filter: { userId: gid("Person", admin.user.id) } }, admin.token);
    expect(badUser.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.userId" });
    const badCursor = await server.gql(Q, { after: "nonsense" }, admin.token);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("is append-only: the application cannot update, delete or truncate audit rows", async () => {
    const p = await createPerson(editor, "Immutable Ingo");
    const [row] = await queryRows<{ id: number }>(server.db, sql`select id from audit_events where member_id = ${admin.member.id} order by id desc limit 1`);
    await expect(server.db.execute(sql`update audit_events set action = 'tampered' where id = ${row!.id}`)).rejects.toThrow();
    await expect(server.db.execute(sql`update audit_events set changes = null where id = ${row!.id}`)).rejects.toThrow();
    await expect(server.db.execute(sql`delete from audit_events where id = ${row!.id}`)).rejects.toThrow();
    await expect(server.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const res = await server.gql<Page>(Q, { filter: { recordId: p.id } }, admin.token);
    expect(res.data!.auditEvents.nodes.map((e) => e.action)).toEqual(["create"]);
  });
});
