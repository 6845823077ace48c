import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor;

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config);
});
afterAll(() => server.stop());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: "POST", headers: { authorization: `Bearer ${alice.token}`, ...headers }, body });

describe("query limits (before any resolver runs)", () => {
  it("refuses deeply nested queries", async () => {
    let q = "id";
    for (let i = 0; i < 15; i++) q = `parent { ${q} }`;
    const res = await server.gql(`{ organisations { nodes { ${q} } } }`, {}, alice.token);
    expect(res.errors?.[0]?.message).toMatch(/depth|too/i);
    expect(res.errors?.[0]?.message).not.toMatch(/\d{2}/);
    expect(res.statements).toBeLessThanOrEqual(1); // only the viewer lookup ran
  });

  it("refuses alias bombs", async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: ping`).join(" ");
    const res = await server.gql(`{ ${aliases} }`, {}, alice.token);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("prices list fields by first, using variables, and refuses the expensive ones", async () => {
    const q = `query($n: Int) { people(first: $n) { nodes { affiliations { organisation { affiliations { person {
      affiliations { organisation { name } } } } } } } } }`;
    const cheap = await server.gql(q, { n: 1 }, alice.token);
    expect(cheap.errors).toBeUndefined();
    const costly = await server.gql(q, { n: 100 }, alice.token);
    expect(costly.errors?.[0]?.message).toMatch(/too much/);
    expect(costly.data).toBeNull();
  });

  it("prices a connection's nodes by its first alone: a page of 100 interactions with their people is one page, not ten", async () => {
    const q = `{ interactions(first: 100) { totalCount nodes { id subject
      participants { fullName affiliations { organisation { name } } } organisations { name } } } }`;
    const res = await server.gql(q, {}, alice.token);
    expect(res.errors).toBeUndefined();
  });

  it("does not suggest field names", async () => {
    const res = await server.gql(`{ peple { nodes { id } } }`, {}, alice.token);
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe("HTTP hardening", () => {
  it("refuses batched requests", async () => {
    const res = await post(JSON.stringify([{ query: "{ ping }" }, { query: "{ ping }" }]), { "content-type": "application/json" });
    expect(res.status).toBe(400);
  });

  it("refuses simple (CSRF-able) requests", async () => {
    const res = await post(JSON.stringify({ query: "{ ping }" }), { "content-type": "text/plain" });
    expect(res.status).toBe(400);
  });

  it("refuses mutations over GET", async () => {
    const q = encodeURIComponent("mutation { logout }");
    const res = await fetch(`${server.url}/graphql?query=${q}`, {
      headers: { authorization: `Bearer ${alice.token}`, "apollo-require-preflight": "true" },
    });
    expect(res.status).toBe(405);
  });

  it("answers an oversized body with 413 in JSON", async () => {
    const huge = JSON.stringify({ query: "{ ping }", variables: { pad: "x".repeat(1_100_000) } });
    const res = await post(huge, { "content-type": "application/json" });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("sets security headers and a request id", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("accepts application/graphql-response+json", async () => {
    const res = await post(JSON.stringify({ query: "{ ping }" }), {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/graphql-response\+json/);
  });
});

describe("production mode", () => {
  it("turns introspection off", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", JWT_SECRET: "a-production-secret-that-is-long-enough-123" });
    try {
      const res = await prod.gql(`{ __schema { types { name } } }`);
      expect(res.errors?.[0]?.message).toMatch(/introspection/i);
      expect(res.data).toBeNull();
    } finally {
      await prod.stop();
    }
  });
});
