import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ConfigError, parseConfig } from "../../server/config.js";
import { type Actor, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// CORS: only the origins in CORS_ORIGINS may call the API from a browser on another
// origin; by default none may. Bearer tokens, never cookies: no credentialed CORS.

const APP = "https://app.example.org";
const DEV = "http://localhost:5173";
let server: TestServer; // CORS_ORIGINS = APP, DEV
let plain: TestServer; // CORS_ORIGINS unset
let alice: Actor;

beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: ` ${APP}/ , ${DEV},${APP}` });
  plain = await startTestServer();
  alice = await makeActor(server.db, server.config);
});
afterAll(async () => {
  await server.stop();
  await plain.stop();
});

function preflight(base: string, path: string, origin: string, method = "POST") {
  return fetch(`${base}${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization, content-type" },
  });
}

function post(base: string, origin: string | null, token = alice.token) {
  return fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) },
    body: JSON.stringify({ query: "{ me { id } }" }),
  });
}

const vary = (res: Response) => (res.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/);

// Lookalikes of an allowed origin that an exact comparison must refuse.
const HOSTILE = [
  "https://evil.example",
  "https://app.example.org.evil.example",
  "https://evilapp.example.org",
  "http://app.example.org",
  "https://app.example.org:8443",
  "https://app.example.org/",
  "HTTPS://APP.EXAMPLE.ORG",
  "null",
  "*",
];

describe("CORS with an allow-list", () => {
  it("answers a preflight from an allowed origin, for every API route, without credentials", async () => {
    for (const path of ["/graphql", "/exports/people.csv", "/briefings/abc.md", "/exports/member.json", "/imports"]) {
      for (const origin of [APP, DEV]) {
        const res = await preflight(server.url, path, origin, path === "/graphql" || path === "/imports" ? "POST" : "GET");
        expect(res.status).toBe(204);
        expect(res.headers.get("access-control-allow-origin")).toBe(origin);
        expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST");
        const allowedHeaders = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
        expect(allowedHeaders).toContain("authorization");
        expect(allowedHeaders).toContain("content-type");
        expect(allowedHeaders).toContain("apollo-require-preflight");
        expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
        expect(res.headers.get("access-control-allow-credentials")).toBeNull();
        expect(vary(res)).toContain("origin");
      }
    }
  });

  it("refuses a preflight from any other origin, lookalikes included, with no CORS headers", async () => {
    for (const origin of HOSTILE) {
      const res = await preflight(server.url, "/graphql", origin);
      expect(res.status).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-methods")).toBeNull();
      expect(res.headers.get("access-control-allow-headers")).toBeNull();
      expect(vary(res)).toContain("origin");
    }
  });

  it("lets an allowed origin read responses and the headers it needs, and no other origin", async () => {
    const ok = await post(server.url, APP);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP);
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    expect((ok.headers.get("access-control-expose-headers") ?? "").toLowerCase()).toContain("x-request-id");
    expect(vary(ok)).toContain("origin");

    const csv = await fetch(`${server.url}/exports/people.csv`, { headers: { origin: DEV, authorization: `Bearer ${alice.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("access-control-allow-origin")).toBe(DEV);
    const exposed = (csv.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    expect(exposed).toContain("content-disposition");
    expect(exposed).toContain("x-total-count");

    for (const origin of HOSTILE) {
      const res = await post(server.url, origin);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-expose-headers")).toBeNull();
      expect(vary(res)).toContain("origin");
    }
  });

  it("still answers same-origin and server-to-server requests (no Origin header)", async () => {
    const res = await post(server.url, null);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(await res.json()).toMatchObject({ data: { me: { id: expect.any(String) } } });
  });

  it("does not let CORS bypass CSRF prevention: a simple cross-origin POST is still refused", async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { origin: APP, "content-type": "text/plain" },
      body: JSON.stringify({ query: "mutation { logout }" }),
    });
    expect(res.status).toBe(400);
  });
});

describe("CORS by default", () => {
  it("allows no cross-origin browser access at all", async () => {
    for (const origin of [APP, DEV, ...HOSTILE]) {
      const pre = await preflight(plain.url, "/graphql", origin);
      expect(pre.status).toBe(403);
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    }
    const res = await fetch(`${plain.url}/healthz`, { headers: { origin: APP } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(vary(res)).toContain("origin");
  });
});

describe("CORS_ORIGINS configuration", () => {
  it("keeps exact, de-duplicated origins", () => {
    expect(server.config.corsOrigins).toEqual([APP, DEV]);
    expect(plain.config.corsOrigins).toEqual([]);
    expect(parseConfig({ CORS_ORIGINS: "" }).corsOrigins).toEqual([]);
    expect(parseConfig({ CORS_ORIGINS: "https://Partner.Example:443" }).corsOrigins).toEqual(["https://partner.example"]);
  });

  it.each(["*", "null", "not a url", "app.example.org", "https://app.example.org/path", "https://app.example.org?x=1", "https://app.example.org#top", "ftp://files.example.org", "https://user:pw@app.example.org", "javascript:alert(1)"])(
    "refuses %p, naming the variable",
    (value) => {
      expect(() => parseConfig({ CORS_ORIGINS: `${APP},${value}` })).toThrow(ConfigError);
      expect(() => parseConfig({ CORS_ORIGINS: `${APP},${value}` })).toThrow(/CORS_ORIGINS: ".+" must be an origin/);
    },
  );

  it("lists every bad origin at once", () => {
    try {
      parseConfig({ CORS_ORIGINS: "*,https://ok.example,/relative" });
      throw new Error("expected a ConfigError");
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.filter((p) => p.startsWith("CORS_ORIGINS"))).toHaveLength(2);
    }
  });
});
