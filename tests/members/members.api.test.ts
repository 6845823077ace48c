import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import { users } from "../../server/db/tables/index.js";
import { type Actor, TEST_PASSWORD, gid, makeActor, makeColleague, makeMember, makeUser } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let adminA: Actor; // ADMIN at member A
let editorA: Actor; // EDITOR at member A
let adminB: Actor; // ADMIN at member B

beforeAll(async () => {
  server = await startTestServer();
  adminA = await makeActor(server.db, server.config, "ADMIN", { name: "Alpha Combined Authority", kind: "COMBINED_AUTHORITY" });
  editorA = await makeColleague(server.db, server.config, adminA, "EDITOR");
  adminB = await makeActor(server.db, server.config, "ADMIN", { name: "Beta University", kind: "UNIVERSITY" });
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
const UPDATE_MEMBER = `mutation($id: ID!, $v: Int!, $input: UpdateMemberInput!) {
  updateMember(id: $id, version: $v, input: $input) { name shortName website retentionMonths version } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email name role jobTitle disabled version member { id } } }`;
const UPDATE_USER = `mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) {
  updateUser(id: $id, version: $v, input: $input) { id role disabled version } }`;

type UserNode = { name: string; email: string | null; disabled: boolean };

describe("members and member(id)", () => {
  it("requires authentication", async () => {
    const list = await server.gql(`{ members { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const one = await server.gql(`query($id: ID!) { member(id: $id) { name } }`, { id: gid("Member", adminA.member.id) });
    expect(one.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(one.data?.member ?? null).toBeNull();
  });

  it("lists every member to every member, with filters", async () => {
    const res = await server.gql<{ members: { totalCount: number; nodes: { name: string; kind: string }[] } }>(
      `{ members(filter: { query: "beta" }) { totalCount nodes { name kind } } }`,
      {},
      editorA.token,
    );
    expect(res.data?.members).toEqual({ totalCount: 1, nodes: [{ name: "Beta University", kind: "UNIVERSITY" }] });
    const byKind = await server.gql<{ members: { nodes: { name: string }[] } }>(
      `{ members(filter: { kind: COMBINED_AUTHORITY }) { nodes { name } } }`,
      {},
      adminB.token,
    );
    expect(byKind.data?.members.nodes.map((m) => m.name)).toContain("Alpha Combined Authority");
    expect(byKind.data?.members.nodes.map((m) => m.name)).not.toContain("Beta University");
    const byId = await server.gql(`query($id: ID!) { member(id: $id) { id name kind } }`, { id: gid("Member", adminB.member.id) }, editorA.token);
    expect(byId.data).toEqual({ member: { id: gid("Member", adminB.member.id), name: "Beta University", kind: "UNIVERSITY" } });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { ... on Member { name } } }`, { id: gid("Member", adminB.member.id) }, editorA.token);
    expect(node.data).toEqual({ node: { name: "Beta University" } });
    const missing = await server.gql(`query($id: ID!) { member(id: $id) { name } }`, { id: gid("Member", MISSING) }, editorA.token);
    expect(missing.data).toEqual({ member: null });
  });

  it("pages members with a constant number of statements whatever the page size", async () => {
    for (let i = 0; i < 12; i++) await makeMember(server.db, { name: `Pager Member ${String(i).padStart(2, "0")}` });
    type Page = { members: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { name: string }[] } };
    const q = `query($first: Int, $after: String) { members(filter: { query: "Pager Member" }, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id name kind website retentionMonths version } } }`;
    const small = await server.gql<Page>(q, { first: 2 }, editorA.token);
    const large = await server.gql<Page>(q, { first: 10 }, editorA.token);
    expect(small.data?.members.nodes.map((m) => m.name)).toEqual(["Pager Member 00", "Pager Member 01"]);
    expect(large.data?.members.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.members.pageInfo.endCursor }, editorA.token);
    expect(rest.data?.members).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false }, nodes: [{ name: "Pager Member 10" }, { name: "Pager Member 11" }] });
  });
});

describe("Member.users and user(id)", () => {
  it("shows other members active users without emails, and a member's own admins everyone", async () => {
    const member = await makeActor(server.db, server.config, "ADMIN");
    const active = await makeUser(server.db, { memberId: member.member.id, name: "Active Colleague" });
    const disabled = await makeUser(server.db, { memberId: member.member.id, name: "Disabled Colleague", disabledAt: new Date() });
    const colleague = await makeColleague(server.db, server.config, member, "VIEWER");
    const q = `query($id: ID!) { member(id: $id) { users(first: 100) { totalCount nodes { name email disabled } } } }`;
    const id = gid("Member", member.member.id);

    const other = await server.gql<{ member: { users: { totalCount: number; nodes: UserNode[] } } }>(q, { id }, adminB.token);
    const otherNames = other.data!.member.users.nodes.map((u) => u.name);
    expect(otherNames).toContain("Active Colleague");
    expect(otherNames).not.toContain("Disabled Colleague");
    expect(other.data!.member.users.nodes.every((u) => u.email === null && !u.disabled)).toBe(true);
    expect(other.data!.member.users.totalCount).toBe(3);

    const sameMember = await server.gql<{ member: { users: { nodes: UserNode[] } } }>(q, { id }, colleague.token);
    expect(sameMember.data!.member.users.nodes.find((u) => u.name === "Active Colleague")?.email).toBe(active.email);
    expect(sameMember.data!.member.users.nodes.map((u) => u.name)).not.toContain("Disabled Colleague");

    const ownAdmin = await server.gql<{ member: { users: { totalCount: number; nodes: UserNode[] } } }>(q, { id }, member.token);
    expect(ownAdmin.data!.member.users.totalCount).toBe(4);
    expect(ownAdmin.data!.member.users.nodes.find((u) => u.name === "Disabled Colleague")).toEqual({
      name: "Disabled Colleague",
      email: disabled.email,
      disabled: true,
    });

    const uq = `query($id: ID!) { user(id: $id) { name email } }`;
    expect((await server.gql(uq, { id: gid("User", active.id) }, adminB.token)).data).toEqual({ user: { name: "Active Colleague", email: null } });
    expect((await server.gql(uq, { id: gid("User", disabled.id) }, adminB.token)).data).toEqual({ user: null });
    expect((await server.gql(uq, { id: gid("User", disabled.id) }, colleague.token)).data).toEqual({ user: null });
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("User", disabled.id) }, adminB.token)).data).toEqual({ node: null });
    expect((await server.gql(uq, { id: gid("User", disabled.id) }, member.token)).data).toEqual({
      user: { name: "Disabled Colleague", email: disabled.email },
    });
  });
});

describe("updateMember", () => {
  it("lets the member's own admin change it, with the version read", async () => {
    const m = await makeActor(server.db, server.config, "ADMIN");
    const id = gid("Member", m.member.id);
    const res = await server.gql(
      UPDATE_MEMBER,
      { id, v: 1, input: { shortName: "ACA", website: "https://aca.example", retentionMonths: 36 } },
      m.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateMember).toEqual({ name: m.member.name, shortName: "ACA", website: "https://aca.example", retentionMonths: 36, version: 2 });
    const stale = await server.gql(UPDATE_MEMBER, { id, v: 1, input: { shortName: "X" } }, m.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("refuses another member's admin and an editor of the member", async () => {
    const id = gid("Member", adminA.member.id);
    const byOtherAdmin = await server.gql(UPDATE_MEMBER, { id, v: 1, input: { shortName: "Hijacked" } }, adminB.token);
    expect(byOtherAdmin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byEditor = await server.gql(UPDATE_MEMBER, { id, v: 1, input: { shortName: "Hijacked" } }, editorA.token);
    expect(byEditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const now = await server.gql(`query($id: ID!) { member(id: $id) { shortName version } }`, { id }, editorA.token);
    expect(now.data).toEqual({ member: { shortName: null, version: 1 } });
  });

  it("names the failing field on bad input", async () => {
    const id = gid("Member", adminA.member.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "" }, "input.name"],
      [{ website: "javascript:alert(1)" }, "input.website"],
      [{ retentionMonths: 0 }, "input.retentionMonths"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(UPDATE_MEMBER, { id, v: 1, input }, adminA.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });
});

describe("createUser", () => {
  it("lets an admin add a user to their own member, who can then sign in", async () => {
    const res = await server.gql<{ createUser: { id: string; email: string; member: { id: string } } }>(
      CREATE_USER,
      { input: { email: " New.Envoy@Alpha.Example ", name: "New Envoy", role: "EDITOR", jobTitle: "Trade envoy", password: "a long enough password" } },
      adminA.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createUser).toMatchObject({
      email: "new.envoy@alpha.example",
      name: "New Envoy",
      role: "EDITOR",
      jobTitle: "Trade envoy",
      disabled: false,
      version: 1,
      member: { id: gid("Member", adminA.member.id) },
    });
    const login = await server.gql(
      `mutation { login(email: "new.envoy@alpha.example", password: "a long enough password") { user { id } } }`,
    );
    expect(login.data).toEqual({ login: { user: { id: res.data?.createUser.id } } });
    const [stored] = await server.db.select().from(users).where(eq(users.email, "new.envoy@alpha.example"));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("names the failing field: password policy, duplicate email, bad email", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "short@alpha.example", password: "too short" }, "input.password"],
      [{ email: editorA.user.email.toUpperCase(), password: TEST_PASSWORD }, "input.email"],
      [{ email: "not-an-email", password: TEST_PASSWORD }, "input.email"],
      [{ email: "noname@alpha.example", name: " ", password: TEST_PASSWORD }, "input.name"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE_USER, { input: { name: "Someone", role: "VIEWER", ...input } }, adminA.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const [stored] = await server.db.select().from(users).where(eq(users.email, "short@alpha.example"));
    expect(stored).toBeUndefined();
  });

  it("refuses editors and unauthenticated callers, and never takes a member from the input", async () => {
    const input = { email: "sneaky@alpha.example", name: "Sneaky", role: "ADMIN", password: TEST_PASSWORD };
    expect((await server.gql(CREATE_USER, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await server.gql(CREATE_USER, { input }, editorA.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const withMember = await server.gql(CREATE_USER, { input: { ...input, memberId: gid("Member", adminB.member.id) } }, adminA.token);
    expect(withMember.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("updateUser", () => {
  it("changes a role, applied on the user's next request", async () => {
    const target = await makeColleague(server.db, server.config, adminA, "EDITOR");
    const before = await server.gql(`mutation { createPerson(input: { fullName: "Allowed" }) { id } }`, {}, target.token);
    expect(before.errors).toBeUndefined();
    const res = await server.gql(UPDATE_USER, { id: gid("User", target.user.id), v: 1, input: { role: "VIEWER" } }, adminA.token);
    expect(res.data?.updateUser).toEqual({ id: gid("User", target.user.id), role: "VIEWER", disabled: false, version: 2 });
    const after = await server.gql(`mutation { createPerson(input: { fullName: "Refused" }) { id } }`, {}, target.token);
    expect(after.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const stale = await server.gql(UPDATE_USER, { id: gid("User", target.user.id), v: 1, input: { role: "EDITOR" } }, adminA.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("disables a user: their token is refused on the next request and they cannot sign in", async () => {
    const target = await makeColleague(server.db, server.config, adminA, "EDITOR");
    expect((await server.gql(`{ me { id } }`, {}, target.token)).errors).toBeUndefined();
    const res = await server.gql(UPDATE_USER, { id: gid("User", target.user.id), v: 1, input: { disabled: true } }, adminA.token);
    expect(res.data?.updateUser).toMatchObject({ disabled: true, version: 2 });
    const me = await server.gql(`{ me { id } }`, {}, target.token);
    expect(me.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const login = await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: target.user.email,
      p: TEST_PASSWORD,
    });
    expect(login.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Re-enabling lets them sign in again, but the old session stays ended.
    const enabled = await server.gql(UPDATE_USER, { id: gid("User", target.user.id), v: 2, input: { disabled: false } }, adminA.token);
    expect(enabled.data?.updateUser).toMatchObject({ disabled: false, version: 3 });
    expect((await server.gql(`{ me { id } }`, {}, target.token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("does not let an admin manage another member's user: indistinguishable from a missing user", async () => {
    const res = await server.gql(UPDATE_USER, { id: gid("User", editorA.user.id), v: 1, input: { disabled: true } }, adminB.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(UPDATE_USER, { id: gid("User", MISSING), v: 1, input: { disabled: true } }, adminB.token);
    expect(missing.errors?.[0]?.message).toBe(res.errors?.[0]?.message);
    expect((await server.gql(`{ me { id } }`, {}, editorA.token)).errors).toBeUndefined();
    const byEditor = await server.gql(UPDATE_USER, { id: gid("User", editorA.user.id), v: 1, input: { name: "x" } }, editorA.token);
    expect(byEditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("does not let an admin demote or disable themself", async () => {
    const admin = await makeActor(server.db, server.config, "ADMIN");
    const id = gid("User", admin.user.id);
    const demote = await server.gql(UPDATE_USER, { id, v: 1, input: { role: "EDITOR" } }, admin.token);
    expect(demote.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.role" });
    const disable = await server.gql(UPDATE_USER, { id, v: 1, input: { disabled: true } }, admin.token);
    expect(disable.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.disabled" });
    const rename = await server.gql<{ updateUser: { role: string; version: number } }>(
      UPDATE_USER,
      { id, v: 1, input: { name: "Renamed Admin", role: "ADMIN" } },
      admin.token,
    );
    expect(rename.data?.updateUser).toMatchObject({ role: "ADMIN", version: 2 });
    expect((await server.gql(`{ me { role } }`, {}, admin.token)).data).toEqual({ me: { role: "ADMIN" } });
  });
});
