import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { signAccessToken } from "../../server/auth/tokens.js";
import { parseConfig } from "../../server/config.js";
import { type Actor, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

const OLD = "the-old-signing-key-that-is-being-retired-0001";
const NEW = "the-new-signing-key-that-replaces-the-old-0002";
let server: TestServer;
let alice: Actor;

beforeAll(async () => {
  server = await startTestServer({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD, JWT_PREVIOUS_SECRET_UNTIL: "2999-01-01T00:00:00Z" });
  alice = await makeActor(server.db, server.config);
});
afterAll(() => server.stop());

const ME = `{ me { id } }`;
function tokenSignedWith(secret: string, token: string) {
  const sid = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sid as string;
  return signAccessToken({ ...server.config.jwt, secret }, alice.user.id, sid);
}

describe("signing key rotation", () => {
  it("accepts tokens signed with the previous key during the overlap", async () => {
    const res = await server.gql(ME, {}, tokenSignedWith(OLD, alice.token));
    expect(res.errors).toBeUndefined();
  });

  it("refuses the previous key once the overlap has ended", async () => {
    const ended = await startTestServer({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD, JWT_PREVIOUS_SECRET_UNTIL: "2000-01-01T00:00:00Z" });
    try {
      const bob = await makeActor(ended.db, ended.config);
      const sid = JSON.parse(Buffer.from(bob.token.split(".")[1]!, "base64url").toString()).sid as string;
      const old = signAccessToken({ ...ended.config.jwt, secret: OLD }, bob.user.id, sid);
      expect((await ended.gql(ME, {}, old)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect((await ended.gql(ME, {}, bob.token)).errors).toBeUndefined();
    } finally {
      await ended.stop();
    }
  });

  it("refuses tokens signed with any other key", async () => {
    const res = await server.gql(ME, {}, tokenSignedWith("some-other-key-that-nobody-configured-0003", alice.token));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("requires both rotation settings together, naming the field", () => {
    expect(() => parseConfig({ JWT_PREVIOUS_SECRET: OLD })).toThrow(/JWT_PREVIOUS_SECRET_UNTIL/);
  });
});
