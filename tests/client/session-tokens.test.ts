import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { gql } from "@apollo/client";
import { createApolloClient } from "../../client/src/app/apollo.js";
import {
  type KeyValueStorage,
  type LockRunner,
  REFRESH_TOKEN_KEY,
  SESSION_ENDED,
  SIGNED_OUT,
  SessionEndedError,
  type SessionEvent,
  SessionTokens,
  SignInError,
} from "../../client/src/app/auth/session-tokens.js";
import type { UserRow } from "../../server/db/rows.js";
import { TEST_PASSWORD, makeMember, makeUser } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// The web client's session handling, against the real API: sign-in, refresh
// before expiry, single-use refresh tokens shared by tabs, sign-out.

/** localStorage for one origin; two SessionTokens sharing it behave like two tabs. */
class MemoryStorage implements KeyValueStorage {
  private readonly values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

/** An in-process stand-in for navigator.locks: one holder at a time, in order. */
function exclusiveLock(): LockRunner {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(_name: string, fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

let server: TestServer;
let user: UserRow;
const endpoint = () => `${server.url}/graphql`;

beforeAll(async () => {
  server = await startTestServer();
  const member = await makeMember(server.db, { name: "Client Test Council" });
  user = await makeUser(server.db, { memberId: member.id, email: "client@test.example", name: "Client Tester" });
});

afterAll(async () => {
  await server.stop();
});

interface Counted {
  fetch: typeof fetch;
  calls: string[];
}
/** The real fetch, recording each operation sent (to count requests, not to fake them). */
function countingFetch(): Counted {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (input, init) => {
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { query: string }) : { query: "" };
      calls.push(/(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? "anonymous");
      return fetch(input, init);
    },
  };
}

async function me(token: string) {
  return server.gql<{ me: { id: string } }>("{ me { id } }", {}, token);
}

function newTokens(storage: KeyValueStorage = new MemoryStorage(), extra: Partial<ConstructorParameters<typeof SessionTokens>[0]> = {}) {
  const events: SessionEvent[] = [];
  const tokens = new SessionTokens({ endpoint: endpoint(), storage, ...extra });
  tokens.onChange((e) => events.push(e));
  return { tokens, storage, events };
}

describe("SessionTokens", () => {
  it("signs in: the access token stays in memory, the refresh token goes to storage", async () => {
    const { tokens, storage, events } = newTokens();
    const session = await tokens.signIn("CLIENT@test.example", TEST_PASSWORD);
    expect(session.user.name).toBe("Client Tester");
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe(session.refreshToken);
    expect(events).toEqual([{ type: "signedIn", viewer: session.user }]);
    const token = await tokens.accessTokenForRequest();
    expect(token).toBe(session.accessToken);
    expect((await me(token!)).data?.me.id).toBe(session.user.id);
  });

  it("a failed sign-in says why and stores nothing", async () => {
    const { tokens, storage, events } = newTokens();
    const failure = await tokens.signIn("client@test.example", "wrong password!").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).message).toBe("Email or password is incorrect.");
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(events).toEqual([]);
    expect(await tokens.accessTokenForRequest()).toBeNull();
  });

  it("refreshes shortly before the access token expires, and the spent refresh token is refused after", async () => {
    let clock = Date.now();
    const counted = countingFetch();
    const { tokens, storage } = newTokens(new MemoryStorage(), { now: () => clock, fetch: counted.fetch });
    const first = await tokens.signIn(user.email, TEST_PASSWORD);
    clock += 60_000;
    expect(await tokens.accessTokenForRequest()).toBe(first.accessToken);
    expect(counted.calls).toEqual(["Login"]);
    // 14 min 30 s into a 15-minute token: inside the refresh margin.
    clock += (server.config.jwt.accessTtlSeconds - 90) * 1000;
    const token = await tokens.accessTokenForRequest();
    expect(counted.calls).toEqual(["Login", "RefreshSession"]);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).not.toBe(first.refreshToken);
    expect((await me(token!)).data?.me.id).toBe(first.user.id);
    const reuse = await server.gql("mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }", { t: first.refreshToken });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("measures the token lifetime on the server's clock, so a client clock that is ahead does not refresh on every request", async () => {
    const counted = countingFetch();
    const { tokens } = newTokens(new MemoryStorage(), { now: () => Date.now() + 20 * 60_000, fetch: counted.fetch });
    const session = await tokens.signIn(user.email, TEST_PASSWORD);
    expect(await tokens.accessTokenForRequest()).toBe(session.accessToken);
    expect(counted.calls).toEqual(["Login"]);
  });

  it("concurrent callers share one refresh request", async () => {
    const counted = countingFetch();
    const { tokens } = newTokens(new MemoryStorage(), { fetch: counted.fetch });
    await tokens.signIn(user.email, TEST_PASSWORD);
    const sessions = await Promise.all([tokens.refresh(), tokens.refresh(), tokens.refresh()]);
    expect(new Set(sessions.map((s) => s.accessToken)).size).toBe(1);
    expect(counted.calls).toEqual(["Login", "RefreshSession"]);
  });

  it("two tabs refreshing at once take turns, so the single-use token is never spent twice", async () => {
    const storage = new MemoryStorage();
    const withLock = exclusiveLock();
    const tabA = newTokens(storage, { withLock });
    const tabB = newTokens(storage, { withLock });
    await tabA.tokens.signIn(user.email, TEST_PASSWORD);
    // Tab B was opened from the stored session.
    await tabB.tokens.refresh();
    const [a, b] = await Promise.all([tabA.tokens.refresh(), tabB.tokens.refresh()]);
    expect(a.refreshToken).not.toBe(b.refreshToken);
    expect((await me(a.accessToken)).data?.me).toBeTruthy();
    expect((await me(b.accessToken)).data?.me).toBeTruthy();
    // Had a token been spent twice, the server would have ended the whole session.
    expect((await tabA.tokens.refresh()).user.email).toBe(user.email);
  });

  it("a refused refresh token ends the session here and says so", async () => {
    const storage = new MemoryStorage();
    storage.setItem(REFRESH_TOKEN_KEY, "not-a-real-token");
    const { tokens } = newTokens(storage);
    const failure = await tokens.refresh().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SessionEndedError);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(await tokens.accessTokenForRequest()).toBeNull();
  });

  it("a network failure keeps the session for a retry", async () => {
    const storage = new MemoryStorage();
    const { tokens } = newTokens(storage);
    await tokens.signIn(user.email, TEST_PASSWORD);
    const stored = storage.getItem(REFRESH_TOKEN_KEY);
    const offline = new SessionTokens({ endpoint: "http://127.0.0.1:9/graphql", storage });
    await expect(offline.refresh()).rejects.toThrow("Could not reach the Entente server");
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe(stored);
    expect((await tokens.refresh()).user.email).toBe(user.email);
  });

  it("signing out ends the session on the server, clears storage and tells listeners", async () => {
    const { tokens, storage, events } = newTokens();
    const session = await tokens.signIn(user.email, TEST_PASSWORD);
    expect(await tokens.signOut()).toBe(true);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(events.at(-1)).toEqual({ type: "signedOut", reason: SIGNED_OUT });
    expect((await me(session.accessToken)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reuse = await server.gql("mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }", { t: session.refreshToken });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("follows another tab: its sign-out signs this tab out, its sign-in signs this tab in", async () => {
    const storage = new MemoryStorage();
    const withLock = exclusiveLock();
    const tabA = newTokens(storage, { withLock });
    const tabB = newTokens(storage, { withLock });
    await tabA.tokens.signIn(user.email, TEST_PASSWORD);
    await tabB.tokens.syncFromStorage();
    expect(tabB.events.at(-1)?.type).toBe("signedIn");
    await tabA.tokens.signOut();
    await tabB.tokens.syncFromStorage();
    expect(tabB.events.at(-1)).toEqual({ type: "signedOut", reason: "You signed out in another tab." });
    expect(await tabB.tokens.accessTokenForRequest()).toBeNull();
  });
});

describe("the Apollo link", () => {
  const MeQuery = gql`
    query MeForTest {
      me {
        id
        name
      }
    }
  `;

  it("retries once with a refreshed token when the server refuses the access token", async () => {
    const { tokens, storage } = newTokens();
    await tokens.signIn(user.email, TEST_PASSWORD);
    const before = storage.getItem(REFRESH_TOKEN_KEY);
    // The first request goes out with a token the server will not accept (as after a key rotation).
    let tampered = false;
    const client = createApolloClient(tokens, endpoint(), async (input, init) => {
      const headers = new Headers(init?.headers);
      if (!tampered && headers.has("authorization")) {
        tampered = true;
        headers.set("authorization", `${headers.get("authorization")}x`);
      }
      return fetch(input, { ...init, headers });
    });
    const result = await client.query({ query: MeQuery, fetchPolicy: "network-only" });
    expect(result.data).toMatchObject({ me: { name: "Client Tester" } });
    expect(tampered).toBe(true);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).not.toBe(before);
  });

  it("ends the session when the refresh is refused too (signed out elsewhere)", async () => {
    const storage = new MemoryStorage();
    const tabA = newTokens(storage);
    const tabB = newTokens(storage);
    await tabA.tokens.signIn(user.email, TEST_PASSWORD);
    await tabB.tokens.refresh();
    const stillStored = storage.getItem(REFRESH_TOKEN_KEY)!;
    // Another device signs out the session; this tab still holds its (now revoked) token pair.
    await tabA.tokens.signOut();
    storage.setItem(REFRESH_TOKEN_KEY, stillStored);
    const client = createApolloClient(tabB.tokens, endpoint());
    const failure = await client.query({ query: MeQuery, fetchPolicy: "network-only" }).catch((e: unknown) => e);
    expect(String(failure)).toMatch(/sign in/i);
    expect(tabB.events.at(-1)).toEqual({ type: "signedOut", reason: SESSION_ENDED });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
