import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { people } from "../../server/db/tables/index.js";
import { type Actor, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// Query bombs, hostile bodies and cross-site requests: what tests/security/limits.api.test.ts
// does not already pin (depth, 50 aliases, cost by first, suggestions, batching, text/plain
// POSTs, mutations over GET, a 1.1 MB body). Each is refused quickly, with no resolver run.

let server: TestServer;
let alice: Actor;

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config);
});
afterAll(() => server.stop());

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  return fetch(`${server.url}/graphql`, { method: "POST", headers: { authorization: `Bearer ${alice.token}`, ...headers }, body });
}

/** The answer, how long it took, and how many SQL statements ran (1 = the session lookup only). */
async function timed(query: string, variables: Record<string, unknown> = {}) {
  const started = Date.now();
  const res = await server.gql(query, variables, alice.token);
  return { ...res, ms: Date.now() - started };
}

/** F0 selects two fields; each Fi spreads F(i-1) twice: 2^n spreads from a few hundred tokens. */
function fragmentBomb(n: number): string {
  const fragments = [`fragment F0 on User { id name }`];
  for (let i = 1; i <= n; i++) fragments.push(`fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`);
  return `{ me { ...F${n} } } ${fragments.join(" ")}`;
}

describe("query bombs", () => {
  it("prices a fragment explosion in linear time and refuses it", async () => {
    for (const n of [30, 60, 200]) {
      const res = await timed(fragmentBomb(n));
      expect({ n, code: res.errors?.[0]?.extensions?.code, data: res.data }).toEqual({ n, code: "BAD_USER_INPUT", data: null });
      expect({ n, fast: res.ms < 5_000 }).toEqual({ n, fast: true });
      expect(res.statements).toBeLessThanOrEqual(1);
    }
    // A small fan-out is an ordinary query.
    const ok = await timed(fragmentBomb(3));
    expect(ok.errors).toBeUndefined();
  });

  it("refuses fragment cycles", async () => {
    const res = await timed(`{ me { ...A } } fragment A on User { member { users { nodes { ...B } } } } fragment B on User { ...A }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it("refuses directive floods, on one field or spread over many", async () => {
    const onOne = await timed(`{ me { id ${"@include(if: true) ".repeat(100)} } }`);
    expect(onOne.errors?.some((e) => e.message === "This query uses too many directives.")).toBe(true);
    const spread = await timed(`{ me { ${Array.from({ length: 25 }, () => "id @skip(if: false)").join(" ")} } }`);
    expect(spread.errors?.[0]?.message).toBe("This query uses too many directives.");
    expect(spread.statements).toBeLessThanOrEqual(1);
    const few = await timed(`{ me { id @include(if: true) name @skip(if: false) } }`);
    expect(few.errors).toBeUndefined();
  });

  it("allows up to the alias limit and refuses one more, without saying where the limit is", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ping`).join(" ")} }`;
    expect((await timed(aliases(30))).errors).toBeUndefined();
    const over = await timed(aliases(31));
    expect(over.errors?.[0]?.message).toBe("This query uses too many aliases. Split it into several requests.");
  });

  it("refuses a query that is too long before parsing it into work", async () => {
    const res = await timed(`{ ${"ping ".repeat(6_000)} }`);
    expect(res.errors?.[0]?.message).toBe("This query is too long. Split it into several requests.");
    expect(res.statements).toBeLessThanOrEqual(1);
  });

  it("caps a huge first at the page size, and refuses nonsense", async () => {
    await server.db.insert(people).values(Array.from({ length: 105 }, (_, i) => ({ fullName: `Capped ${i}`, ownerMemberId: alice.member.id })));
    const huge = await timed(`query($f: Int) { people(first: $f) { totalCount pageInfo { hasNextPage } nodes { id } } }`, { f: 1_000_000 });
    expect(huge.errors).toBeUndefined();
    expect(huge.data).toMatchObject({ people: { totalCount: 105, pageInfo: { hasNextPage: true } } });
    expect((huge.data as { people: { nodes: unknown[] } }).people.nodes).toHaveLength(100);
    const negative = await timed(`{ people(first: -1) { totalCount } }`);
    expect(negative.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    const overflow = await timed(`query($f: Int) { people(first: $f) { totalCount } }`, { f: 2 ** 31 });
    expect(overflow.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const fractional = await timed(`query($f: Int) { people(first: $f) { totalCount } }`, { f: 1.5 });
    expect(fractional.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("prices nested pages multiplied together", async () => {
    const res = await timed(`{ people(first: 100) { nodes { interactions(first: 100) { nodes { participants { interactions(first: 100) { totalCount } } } } } } }`);
    expect(res.errors?.[0]?.message).toBe("This query asks for too much at once. Request fewer items or fewer nested fields.");
    expect(res.statements).toBeLessThanOrEqual(1);
  });
});

describe("hostile bodies", () => {
  it("survives variables nested as deeply as the body limit allows", async () => {
    const deep = `${"[".repeat(200_000)}0${"]".repeat(200_000)}`;
    const res = await post(`{"query":"{ ping }","variables":{"x":${deep}}}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { ping: "pong" } });
    const declared = await post(`{"query":"query($x: [String]) { ping }","variables":{"x":${deep}}}`);
    expect(declared.status).toBe(400);
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["a JSON string", `"{ ping }"`],
    ["a number for the query", `{"query": 123}`],
    ["variables that are not an object", `{"query": "{ ping }", "variables": "x"}`],
    ["no query at all", `{"variables": {}}`],
    ["an empty body", ""],
  ])("answers %s with a 400 in JSON", async (_what, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(json.errors[0]?.extensions.code).not.toBe("INTERNAL_SERVER_ERROR");
  });

  it("accepts a body just under the limit and refuses one just over it", async () => {
    const body = (bytes: number) => JSON.stringify({ query: "{ ping }", variables: { pad: "x".repeat(bytes) } });
    expect((await post(body(1_000_000))).status).toBe(200);
    expect((await post(body(1_048_576))).status).toBe(413);
  });
});

describe("cross-site requests", () => {
  it.each([["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"], ["text/plain;charset=UTF-8"], [""]])(
    "refuses a POST a cross-site form could send (%p)",
    async (contentType) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: contentType ? { "content-type": contentType } : {},
        body: "query=mutation%20%7B%20logout%20%7D",
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    },
  );

  it("refuses a GET query without a preflight-only header, and answers one with it", async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`;
    const bare = await fetch(url, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(bare.status).toBe(400);
    const preflighted = await fetch(url, { headers: { authorization: `Bearer ${alice.token}`, "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
  });

  it("takes uploads only with a bearer token, which a cross-site form cannot attach", async () => {
    const form = new FormData();
    form.append("entity", "PEOPLE");
    form.append("file", new Blob(["Name\nForged\n"]), "people.csv");
    const res = await fetch(`${server.url}/imports`, { method: "POST", headers: { cookie: `token=${alice.token}` }, body: form });
    expect(res.status).toBe(401);
  });
});
