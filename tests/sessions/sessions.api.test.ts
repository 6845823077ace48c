import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import jwt from "jsonwebtoken";
import type { UserRow } from "../../server/db/rows.js";
import { refreshTokens, users } from "../../server/db/tables/index.js";
import { type Actor, TEST_PASSWORD, gid, makeActor, makeColleague, makeUser } from "../support/factories.js";
import { type GraphQLResponse, type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor;

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; email: string; name: string; role: string; member: { name: string } };
}

const SESSION = `accessToken refreshToken accessTokenExpiresAt user { id email name role member { name } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${SESSION} } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`;
const ME = `{ me { id email } }`;

async function newUser(): Promise<UserRow> {
  return makeUser(server.db, { memberId: alice.member.id, role: "EDITOR" });
}

async function login(email: string, password = TEST_PASSWORD): Promise<GraphQLResponse<{ login: Session }>> {
  return server.gql<{ login: Session }>(LOGIN, { email, password });
}

async function session(user: UserRow): Promise<Session> {
  const res = await login(user.email);
  expect(res.errors).toBeUndefined();
  return res.data!.login;
}

function refresh(token: string) {
  return server.gql<{ refreshSession: Session }>(REFRESH, { t: token });
}

function expectUnauthenticated(res: GraphQLResponse) {
  expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(res.data?.me ?? null).toBeNull();
}

describe("login", () => {
  it("signs a user in and returns the user and a token pair", async () => {
    const user = await newUser();
    const res = await login(user.email.toUpperCase());
    expect(res.errors).toBeUndefined();
    const s = res.data!.login;
    expect(s.user).toEqual({ id: gid("User", user.id), email: user.email, name: user.name, role: "EDITOR", member: { name: alice.member.name } });
    expect(s.accessToken.split(".")).toHaveLength(3);
    expect(s.refreshToken.length).toBeGreaterThanOrEqual(40);
    const expiresIn = Date.parse(s.accessTokenExpiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(server.config.jwt.accessTtlSeconds * 1000);
    const me = await server.gql(ME, {}, s.accessToken);
    expect(me.data).toEqual({ me: { id: gid("User", user.id), email: user.email } });
    // Refresh tokens are stored hashed, never as issued.
    const stored = await server.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(s.refreshToken);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const user = await newUser();
    const wrong = await login(user.email, "not the password");
    const unknown = await login(`nobody-${randomUUID()}@test.example`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(unknown.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.data).toBeNull();
    expect(unknown.data).toBeNull();
  });

  it("refuses a disabled user at login, and on the next request with a token issued before", async () => {
    const user = await newUser();
    const s = await session(user);
    expect((await server.gql(ME, {}, s.accessToken)).errors).toBeUndefined();
    await server.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expectUnauthenticated(await server.gql(ME, {}, s.accessToken));
    const again = await login(user.email);
    expect(again.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(again.errors?.[0]?.message).toBe((await login(user.email, "not the password")).errors?.[0]?.message);
    expect((await refresh(s.refreshToken)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("me", () => {
  it("requires authentication", async () => {
    expectUnauthenticated(await server.gql(ME));
  });

  it("returns the signed-in user with the current role", async () => {
    const colleague = await makeColleague(server.db, server.config, alice, "VIEWER");
    const res = await server.gql(`{ me { id name email role member { id } } }`, {}, colleague.token);
    expect(res.data).toEqual({
      me: {
        id: gid("User", colleague.user.id),
        name: colleague.user.name,
        email: colleague.user.email,
        role: "VIEWER",
        member: { id: gid("Member", alice.member.id) },
      },
    });
    // A role change applies to the very next request, without a new token.
    await server.db.update(users).set({ role: "EDITOR" }).where(eq(users.id, colleague.user.id));
    const after = await server.gql<{ me: { role: string } }>(`{ me { role } }`, {}, colleague.token);
    expect(after.data?.me.role).toBe("EDITOR");
  });
});

describe("refreshSession", () => {
  it("rotates the pair: the new tokens work, the used refresh token does not", async () => {
    const user = await newUser();
    const first = await session(user);
    const res = await refresh(first.refreshToken);
    expect(res.errors).toBeUndefined();
    const second = res.data!.refreshSession;
    expect(second.user.id).toBe(gid("User", user.id));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await server.gql(ME, {}, second.accessToken)).data).toEqual({ me: { id: gid("User", user.id), email: user.email } });
    const reused = await refresh(first.refreshToken);
    expect(reused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(reused.data).toBeNull();
  });

  it("revokes the whole family when a rotated refresh token is presented again", async () => {
    const user = await newUser();
    const first = await session(user);
    const second = (await refresh(first.refreshToken)).data!.refreshSession;
    const third = (await refresh(second.refreshToken)).data!.refreshSession;
    expect((await server.gql(ME, {}, third.accessToken)).errors).toBeUndefined();
    // Someone replays a stolen, already-rotated token…
    expect((await refresh(second.refreshToken)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // …so the newest token of the family stops working too, and so does the session's access token.
    expect((await refresh(third.refreshToken)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expectUnauthenticated(await server.gql(ME, {}, third.accessToken));
    expectUnauthenticated(await server.gql(ME, {}, first.accessToken));
    // Other sessions of the same user are not affected.
    const other = await session(user);
    expect((await server.gql(ME, {}, other.accessToken)).errors).toBeUndefined();
  });

  it("lets only one of two concurrent uses of a refresh token succeed", async () => {
    const user = await newUser();
    const s = await session(user);
    const results = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
    expect(results.filter((r) => r.data?.refreshSession).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "UNAUTHENTICATED").length).toBe(1);
  });

  it("refuses an unknown or expired refresh token", async () => {
    expect((await refresh("not-a-token")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const user = await newUser();
    const s = await session(user);
    await server.db.update(refreshTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(refreshTokens.userId, user.id));
    expect((await refresh(s.refreshToken)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("logout", () => {
  it("requires authentication", async () => {
    const res = await server.gql(`mutation { logout }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("ends the session: its access token is refused on the next request and its refresh token stops working", async () => {
    const user = await newUser();
    const s = await session(user);
    const other = await session(user);
    const out = await server.gql(`mutation { logout }`, {}, s.accessToken);
    expect(out.data).toEqual({ logout: true });
    expectUnauthenticated(await server.gql(ME, {}, s.accessToken));
    expect((await refresh(s.refreshToken)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Only this session ended.
    expect((await server.gql(ME, {}, other.accessToken)).errors).toBeUndefined();
  });
});

describe("access token attacks", () => {
  let victim: UserRow;
  let valid: Session;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    victim = await newUser();
    valid = await session(victim);
  });

  function claims() {
    const decoded = jwt.decode(valid.accessToken);
    if (!decoded || typeof decoded === "string") throw new Error("the access token is not a JWT with claims");
    return decoded as jwt.JwtPayload & { sid: string };
  }

  function sign(payload: object, options: jwt.SignOptions = {}, secret: jwt.Secret = server.config.jwt.secret) {
    return jwt.sign(payload, secret, { algorithm: "HS256", ...options });
  }

  function good() {
    const { sub, sid, iss, aud, exp } = claims();
    return { sub, sid, iss, aud, exp };
  }

  it("accepts a well-formed token (the baseline for the attacks below)", async () => {
    expect((await server.gql(ME, {}, sign(good()))).data).toEqual({ me: { id: gid("User", victim.id), email: victim.email } });
  });

  it("refuses an expired token", async () => {
    expectUnauthenticated(await server.gql(ME, {}, sign({ ...good(), iat: now() - 3600, exp: now() - 60 })));
  });

  it("refuses a token signed with another secret", async () => {
    expectUnauthenticated(await server.gql(ME, {}, sign(good(), {}, "another-secret-of-at-least-thirty-two-characters")));
  });

  it("refuses an unsigned token (alg: none)", async () => {
    const unsigned = jwt.sign(good(), null, { algorithm: "none" });
    expect(unsigned.endsWith(".")).toBe(true);
    expectUnauthenticated(await server.gql(ME, {}, unsigned));
    // And with the valid token's signature glued on.
    expectUnauthenticated(await server.gql(ME, {}, `${unsigned}${valid.accessToken.split(".")[2]}`));
  });

  it("refuses HS/RS algorithm confusion", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rs256 = jwt.sign(good(), privateKey, { algorithm: "RS256" });
    expectUnauthenticated(await server.gql(ME, {}, rs256));
    // The classic confusion: HMAC-signed with a public key the attacker knows.
    const hsWithPublicKey = sign(good(), {}, publicKey.export({ type: "spki", format: "pem" }).toString());
    expectUnauthenticated(await server.gql(ME, {}, hsWithPublicKey));
  });

  it("refuses a token for another audience or from another issuer", async () => {
    expectUnauthenticated(await server.gql(ME, {}, sign({ ...good(), aud: "another-api" })));
    expectUnauthenticated(await server.gql(ME, {}, sign({ ...good(), iss: "someone-else" })));
    const { sub, sid, exp } = good();
    expectUnauthenticated(await server.gql(ME, {}, sign({ sub, sid, exp })));
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const other = await newUser();
    const [header, payload, signature] = valid.accessToken.split(".");
    const tampered = { ...(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as object), sub: other.id };
    const token = `${header}.${Buffer.from(JSON.stringify(tampered)).toString("base64url")}.${signature}`;
    expectUnauthenticated(await server.gql(ME, {}, token));
  });

  it("refuses a token for a session that does not exist or belongs to someone else", async () => {
    expectUnauthenticated(await server.gql(ME, {}, sign({ ...good(), sid: randomUUID() })));
    const other = await newUser();
    const otherSession = await session(other);
    const otherSid = (jwt.decode(otherSession.accessToken) as { sid: string }).sid;
    expectUnauthenticated(await server.gql(ME, {}, sign({ ...good(), sid: otherSid })));
    expectUnauthenticated(await server.gql(ME, {}, sign({ ...good(), sub: randomUUID() })));
  });

  it("refuses a malformed Authorization header or token", async () => {
    for (const token of ["", "garbage", "a.b.c", `${valid.accessToken}x`]) {
      expectUnauthenticated(await server.gql(ME, {}, token));
    }
  });
});
