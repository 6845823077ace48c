import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { TEST_PASSWORD, makeMember, makeUser } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;

describe("sign-in throttling", () => {
  it("locks an account after 5 failures, even for the right password, with no hint whether it exists", async () => {
    const member = await makeMember(server.db);
    const user = await makeUser(server.db, { memberId: member.id });
    for (let i = 0; i < 5; i++) {
      const res = await server.gql(LOGIN, { e: user.email, p: "wrong password!" });
      expect(res.errors?.[0]?.message).toBe("Email or password is incorrect.");
    }
    const locked = await server.gql(LOGIN, { e: user.email, p: TEST_PASSWORD });
    expect(locked.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(locked.errors?.[0]?.message).toMatch(/Too many/);

    // The same happens for an email that has no account: lockout reveals nothing.
    for (let i = 0; i < 5; i++) await server.gql(LOGIN, { e: "nobody@nowhere.example", p: "wrong password!" });
    const ghost = await server.gql(LOGIN, { e: "nobody@nowhere.example", p: "wrong password!" });
    expect(ghost.errors?.[0]?.message).toBe(locked.errors?.[0]?.message);
  });

  it("stores the counts in the database, so every server instance shares them", async () => {
    const member = await makeMember(server.db);
    const user = await makeUser(server.db, { memberId: member.id });
    for (let i = 0; i < 5; i++) await server.gql(LOGIN, { e: user.email, p: "wrong password!" });
    const rows = await server.database.db.query.signInThrottles.findMany();
    expect(rows.find((r) => r.key === `account:${user.email}`)?.lockedUntil).toBeTruthy();
  });

  it("a success clears the account's failures", async () => {
    const member = await makeMember(server.db);
    const user = await makeUser(server.db, { memberId: member.id });
    for (let i = 0; i < 3; i++) await server.gql(LOGIN, { e: user.email, p: "wrong password!" });
    const ok = await server.gql(LOGIN, { e: user.email, p: TEST_PASSWORD });
    expect(ok.errors).toBeUndefined();
    for (let i = 0; i < 3; i++) await server.gql(LOGIN, { e: user.email, p: "wrong password!" });
    const again = await server.gql(LOGIN, { e: user.email, p: TEST_PASSWORD });
    expect(again.errors).toBeUndefined();
  });
});
