import { createHmac, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import jwt from "jsonwebtoken";
import { refreshTokens, users } from "../../server/db/tables/index.js";
import { type Actor, TEST_PASSWORD, gid, makeActor, makeColleague, makePlace, makeVisit, signIn } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// Token attacks on EVERY authenticated entry point: /graphql and the REST routes
// (CSV exports, Markdown briefings, the member export, uploads). tests/sessions pins
// the GraphQL cases one by one; this file adds the cases it lacks (not-yet-valid,
// forged claims, header tricks, token swaps) and runs the whole set on every route.

let server: TestServer;
let admin: Actor; // an ADMIN, so the member export answers 200 to a good token
let visitId: string;
let placeId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeActor(server.db, server.config, "ADMIN");
  const place = await makePlace(server.db);
  placeId = gid("Place", place.id);
  visitId = gid("Visit", (await makeVisit(server.db, admin, { destinationIds: [place.id] })).id);
});
afterAll(() => server.stop());

const now = () => Math.floor(Date.now() / 1000);

interface Claims {
  sub: string;
  sid: string;
  iss: string;
  aud: string;
  exp: number;
}
function claimsOf(token: string): Claims {
  return jwt.decode(token) as Claims;
}
function sign(payload: object, secret: jwt.Secret = server.config.jwt.secret, options: jwt.SignOptions = {}) {
  return jwt.sign(payload, secret, { algorithm: "HS256", ...options });
}

/** A JWT built by hand, for keys and headers jsonwebtoken refuses to produce. */
function handSigned(header: object, payload: object, key: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const body = `${part(header)}.${part(payload)}`;
  return `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
}

/** Every route that takes a bearer token, as a request; true when the answer says "not signed in". */
const ROUTES: Record<string, (authorization: string | null) => Promise<boolean>> = {
  graphql: async (authorization) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization !== null ? { authorization } : {}) },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; data?: { me?: unknown } | null };
    return body.errors?.[0]?.extensions?.code === "UNAUTHENTICATED" && !body.data?.me;
  },
  "people.csv": (a) => get("/exports/people.csv", a),
  "search.csv": (a) => get("/exports/search.csv?query=x", a),
  "alumni-investors.csv": (a) => get("/exports/alumni-investors.csv", a),
  "member.json": (a) => get("/exports/member.json", a),
  "member/people.csv": (a) => get("/exports/member/people.csv", a),
  "visit briefing": (a) => get(`/briefings/${visitId}.md`, a),
  "place briefing": (a) => get(`/briefings/places/${placeId}.md?from=2026-04-01&to=2026-04-05`, a),
  imports: async (authorization) => {
    const form = new FormData();
    form.append("entity", "PEOPLE");
    form.append("file", new Blob(["Name\nAda\n"]), "people.csv");
    const res = await fetch(`${server.url}/imports`, { method: "POST", headers: authorization !== null ? { authorization } : {}, body: form });
    await res.arrayBuffer();
    return res.status === 401;
  },
};

async function get(path: string, authorization: string | null): Promise<boolean> {
  const res = await fetch(`${server.url}${path}`, { headers: authorization !== null ? { authorization } : {} });
  await res.arrayBuffer();
  return res.status === 401;
}

/** Every route refuses the header; and, as the control, accepts a fresh good token. */
async function expectRefusedEverywhere(authorization: string | null, what: string) {
  for (const [route, refused] of Object.entries(ROUTES)) {
    expect({ what, route, refused: await refused(authorization) }).toEqual({ what, route, refused: true });
  }
}

describe("a good token (the control for everything below)", () => {
  it("is accepted by every route", async () => {
    for (const [route, refused] of Object.entries(ROUTES)) {
      const token = await signIn(server.db, server.config, admin.user);
      expect({ route, refused: await refused(`Bearer ${token}`) }).toEqual({ route, refused: false });
    }
  });
});

describe("forged and broken access tokens", () => {
  let good: Claims;
  beforeAll(async () => {
    good = claimsOf(await signIn(server.db, server.config, admin.user));
  });

  it.each([
    ["no header", () => null],
    ["an empty bearer", () => "Bearer "],
    ["another scheme", () => `Basic ${Buffer.from(`${admin.user.email}:${TEST_PASSWORD}`).toString("base64")}`],
    ["garbage", () => "Bearer not.a.token"],
    ["alg none", () => `Bearer ${jwt.sign(good, null, { algorithm: "none" })}`],
    ["alg none with a stolen signature", () => `Bearer ${jwt.sign(good, null, { algorithm: "none" })}${sign(good).split(".")[2]}`],
    ["RS256 with the attacker's key", () => `Bearer ${jwt.sign(good, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey, { algorithm: "RS256" })}`],
    ["HS256 keyed with a public key", () => `Bearer ${sign(good, generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString())}`],
    ["HS512 with the right secret", () => `Bearer ${sign(good, server.config.jwt.secret, { algorithm: "HS512" })}`],
    // /dev/null reads as an empty key: a server that looked keys up by kid would accept this.
    ["a kid pointing at a file the attacker can predict", () => `Bearer ${handSigned({ alg: "HS256", typ: "JWT", kid: "../../../../dev/null" }, good, "")}`],
    ["expired", () => `Bearer ${sign({ ...good, iat: now() - 7200, exp: now() - 60 })}`],
    ["not yet valid", () => `Bearer ${sign({ ...good, nbf: now() + 3600 })}`],
    ["another audience", () => `Bearer ${sign({ ...good, aud: "another-api" })}`],
    ["another issuer", () => `Bearer ${sign({ ...good, iss: "someone-else" })}`],
    ["no audience or issuer", () => `Bearer ${sign({ sub: good.sub, sid: good.sid, exp: good.exp })}`],
    ["no session id", () => `Bearer ${sign({ sub: good.sub, iss: good.iss, aud: good.aud, exp: good.exp })}`],
    ["a non-string subject", () => `Bearer ${sign({ ...good, sub: 12345 })}`],
    ["a very long token", () => `Bearer ${"a".repeat(6000)}.${"b".repeat(1000)}.${"c".repeat(100)}`],
  ])("refuses %s on every route", async (what, header) => {
    await expectRefusedEverywhere(header(), what);
  });

  it("refuses a payload changed after signing (another user's id)", async () => {
    const victim = await makeColleague(server.db, server.config, admin, "ADMIN");
    const token = await signIn(server.db, server.config, admin.user);
    const [h, p, sig] = token.split(".");
    const forged = { ...(JSON.parse(Buffer.from(p!, "base64url").toString()) as object), sub: victim.user.id };
    await expectRefusedEverywhere(`Bearer ${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${sig}`, "tampered");
  });

  it("trusts no claim but the user and the session: a role or member in the token changes nothing", async () => {
    const viewer = await makeActor(server.db, server.config, "VIEWER");
    const c = claimsOf(viewer.token);
    const boosted = sign({ ...c, role: "ADMIN", memberId: admin.member.id, member_id: admin.member.id, admin: true });
    const me = await server.gql<{ me: { role: string; member: { id: string } } }>(`{ me { role member { id } } }`, {}, boosted);
    expect(me.data?.me).toEqual({ role: "VIEWER", member: { id: gid("Member", viewer.member.id) } });
    const audit = await server.gql(`{ auditEvents { totalCount } }`, {}, boosted);
    expect(audit.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await ROUTES["member.json"]!(`Bearer ${boosted}`)).toBe(false);
    const res = await fetch(`${server.url}/exports/member.json`, { headers: { authorization: `Bearer ${boosted}` } });
    expect(res.status).toBe(403);
  });

  it("takes the token from the Authorization header only (not the query string or a cookie)", async () => {
    const token = await signIn(server.db, server.config, admin.user);
    for (const path of ["/exports/people.csv", `/briefings/${visitId}.md`, "/exports/member.json"]) {
      const attempts: { url: string; headers: Record<string, string> }[] = [
        { url: `${path}${path.includes("?") ? "&" : "?"}access_token=${token}`, headers: {} },
        { url: path, headers: { cookie: `token=${token}; access_token=${token}` } },
      ];
      for (const init of attempts) {
        const res = await fetch(`${server.url}${init.url}`, { headers: init.headers });
        await res.arrayBuffer();
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
    }
    const viaQuery = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ me { id } }")}&access_token=${token}`, { headers: { "apollo-require-preflight": "1" } });
    expect(((await viaQuery.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("tokens that were valid", () => {
  async function loginPair(email: string) {
    const res = await server.gql<{ login: { accessToken: string; refreshToken: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`,
      { e: email, p: TEST_PASSWORD },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.login;
  }

  it("refuses a logged-out session's token on every route at once", async () => {
    const user = await makeColleague(server.db, server.config, admin, "ADMIN");
    const pair = await loginPair(user.user.email);
    expect(await ROUTES["people.csv"]!(`Bearer ${pair.accessToken}`)).toBe(false);
    expect((await server.gql(`mutation { logout }`, {}, pair.accessToken)).data).toEqual({ logout: true });
    await expectRefusedEverywhere(`Bearer ${pair.accessToken}`, "logged out");
  });

  it("refuses a disabled user's token on every route at once", async () => {
    const user = await makeColleague(server.db, server.config, admin, "ADMIN");
    const token = await signIn(server.db, server.config, user.user);
    expect(await ROUTES["member.json"]!(`Bearer ${token}`)).toBe(false);
    await server.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.user.id));
    await expectRefusedEverywhere(`Bearer ${token}`, "disabled");
  });

  it("refuses a session whose refresh tokens were revoked (reuse detected)", async () => {
    const user = await makeColleague(server.db, server.config, admin, "ADMIN");
    const pair = await loginPair(user.user.email);
    const next = await server.gql<{ refreshSession: { accessToken: string } }>(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: pair.refreshToken });
    const replay = await server.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: pair.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    await expectRefusedEverywhere(`Bearer ${next.data!.refreshSession.accessToken}`, "family revoked");
    await expectRefusedEverywhere(`Bearer ${pair.accessToken}`, "family revoked (old access token)");
  });

  it("does not accept one kind of token for the other", async () => {
    const user = await makeColleague(server.db, server.config, admin, "ADMIN");
    const pair = await loginPair(user.user.email);
    // A refresh token is not an access token…
    await expectRefusedEverywhere(`Bearer ${pair.refreshToken}`, "refresh as access");
    // …an access token is not a refresh token, and trying does not end the real session.
    const swapped = await server.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: pair.accessToken });
    expect(swapped.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await ROUTES.graphql!(`Bearer ${pair.accessToken}`)).toBe(false);
  });

  it("refuses an expired refresh token even if it was never used", async () => {
    const user = await makeColleague(server.db, server.config, admin, "ADMIN");
    const pair = await loginPair(user.user.email);
    await server.db.update(refreshTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(refreshTokens.userId, user.user.id));
    const res = await server.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: pair.refreshToken });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
  });
});
