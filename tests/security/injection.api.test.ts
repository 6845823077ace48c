import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { buildSchema } from "../../server/graphql/schema.js";
import { type Scenario, day, expectNoLeak, makeScenario } from "../support/adversary.js";
import { makeOrganisation, makePartnership, makePerson, makePlace, makeVisit } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// Injection strings, wildcards and awkward text in EVERY text argument of every Query
// field, found from the schema (arguments, and fields of their input types, lists of
// text included), so a new filter is covered the day it lands. Each answer: no 500, no
// internal error, nothing of member A's private data, and LIKE wildcards taken literally.

let server: TestServer;
let s: Scenario;
const schema = buildSchema();

beforeAll(async () => {
  server = await startTestServer();
  s = await makeScenario(server);
});
afterAll(() => server.stop());

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  `" OR ""="`,
  "%",
  "_",
  "\\",
  "%_\\'\"",
  "') OR 1=1 UNION SELECT id, full_name, email FROM people --",
  "' || pg_sleep(3) || '",
  "$1 :name ? * .* [a-z]+ (a|b)",
  `{"$gt": ""}`,
  "<script>alert(1)</script>",
  "😀🇯🇵 İstanbul ǅ ß Ω 東京 \u202e\u200b",
  "x".repeat(20_000),
];
// Text PostgreSQL cannot hold: refused as bad input, naming the variable.
const UNSTORABLE = ["a\u0000b", "x\udfffy"];
// Wildcards alone: no visible record's text contains them, so taken literally they match nothing.
const WILDCARDS = new Set(["%", "_", "\\", "%_\\'\""]);

// Required non-text arguments of fields that also take text.
const DEFAULTS: Record<string, unknown> = {
  "search.query": "Holdings",
  "organisationMatches.name": "Holdings",
  "visitCalendar.from": day(-30),
  "visitCalendar.to": day(60),
};

interface Target {
  field: GraphQLField<unknown, unknown>;
  /** Where the text goes: an argument, then input fields. */
  path: string[];
  list: boolean;
}

/** Every text argument of every Query field: String arguments and String fields of input types, at any depth. */
function textTargets(): Target[] {
  const out: Target[] = [];
  const walk = (field: GraphQLField<unknown, unknown>, type: GraphQLInputType, path: string[], seen: Set<string>) => {
    const named = getNamedType(type);
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    if (named.name === "String") out.push({ field, path, list });
    if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const f of Object.values(named.getFields())) walk(field, f.type, [...path, f.name], new Set([...seen, named.name]));
    }
  };
  for (const field of Object.values(schema.getQueryType()!.getFields())) for (const arg of field.args) walk(field, arg.type, [arg.name], new Set());
  return out;
}

/** A small selection that still returns every record's id and name (what a leak would show). */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named) && !isInterfaceType(named)) return "{ __typename }";
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a: GraphQLArgument) => isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    if (isLeafType(getNamedType(f.type))) return [f.name];
    if (f.name === "nodes" || (depth === 0 && ["record", "person", "organisation"].includes(f.name))) return [`${f.name} ${selection(f.type, depth + 1)}`];
    return [];
  });
  return `{ __typename ${parts.join(" ")} }`;
}

function operation(t: Target, aliases: number): { query: string; varTypes: Record<string, string> } {
  const varTypes: Record<string, string> = {};
  const calls: string[] = [];
  for (let i = 0; i < aliases; i++) {
    const args = t.field.args.flatMap((arg) => {
      if (arg.name === t.path[0]) {
        varTypes[`v${i}`] = arg.type.toString();
        return [`${arg.name}: $v${i}`];
      }
      const key = `${t.field.name}.${arg.name}`;
      if (!isNonNullType(arg.type)) return [];
      if (!(key in DEFAULTS)) throw new Error(`Add a value for the required argument ${key} to DEFAULTS`);
      varTypes[key.replace(".", "_")] = arg.type.toString();
      return [`${arg.name}: $${key.replace(".", "_")}`];
    });
    calls.push(`a${i}: ${t.field.name}(${args.join(", ")}) ${selection(t.field.type)}`);
  }
  const decl = Object.entries(varTypes).map(([n, ty]) => `$${n}: ${ty}`).join(", ");
  return { query: `query(${decl}) { ${calls.join(" ")} }`, varTypes };
}

/** The variable value that puts `text` at the target's path. */
function valueAt(t: Target, text: string): unknown {
  let value: unknown = t.list ? [text] : text;
  for (const key of t.path.slice(1).reverse()) value = { [key]: value };
  return value;
}

function variables(t: Target, texts: string[]): Record<string, unknown> {
  const vars: Record<string, unknown> = Object.fromEntries(texts.map((text, i) => [`v${i}`, valueAt(t, text)]));
  for (const [key, value] of Object.entries(DEFAULTS)) if (key.startsWith(`${t.field.name}.`)) vars[key.replace(".", "_")] = value;
  return vars;
}

/** How many records an answer holds. */
function count(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === "object" && "totalCount" in value) return Number((value as { totalCount: number }).totalCount);
  if (typeof value === "object" && "nodes" in value) return (value as { nodes: unknown[] }).nodes.length;
  return 1;
}

const targets = textTargets();
const label = (t: Target) => `${t.field.name}(${t.path.join(".")})`;

describe("injection in every text argument", () => {
  it("finds the text arguments from the schema", () => {
    const labels = targets.map(label);
    // A sample that must be there; the rest is whatever the schema has today.
    for (const known of ["search(query)", "people(filter.query)", "alumniInvestors(filter.sectors)", "people(after)", "auditEvents(filter.action)", "personMatches(email)"]) {
      expect(labels).toContain(known);
    }
    expect(targets.length).toBeGreaterThan(40);
  });

  it.each(targets.map((t) => [label(t), t] as const))("%s: no error, no leak, wildcards literal", async (_name, t) => {
    const where = label(t);
    // Wildcards on their own request: one refused alias nulls a whole answer whose fields are non-null.
    for (const texts of [PAYLOADS.filter((p) => !WILDCARDS.has(p)), [...WILDCARDS]]) {
      const { query } = operation(t, texts.length);
      const res = await server.gql<Record<string, unknown>>(query, variables(t, texts), s.attackerAdmin.token);
      expect({ where, status: res.status < 500 }).toEqual({ where, status: true });
      const internal = (res.errors ?? []).filter((e) => !["BAD_USER_INPUT", "NOT_FOUND"].includes(String(e.extensions?.code)));
      expect({ where, internal }).toEqual({ where, internal: [] });
      expectNoLeak(s, res, where);
      if (!WILDCARDS.has(texts[0]!)) continue;
      // Taken literally, a wildcard matches nothing here; a free-text filter must accept it (not refuse it).
      if (t.path.at(-1) === "query") expect({ where, errors: res.errors }).toEqual({ where, errors: undefined });
      if (res.errors) continue;
      texts.forEach((text, i) => expect({ where, text, found: count(res.data?.[`a${i}`]) }).toEqual({ where, text, found: 0 }));
    }
  });

  it.each(targets.map((t) => [label(t), t] as const))("%s: refuses text the database cannot hold, naming the variable", async (_name, t) => {
    // NUL everywhere; an unpaired surrogate through the free-text filters (the same check refuses both).
    for (const text of t.path.at(-1) === "query" ? UNSTORABLE : UNSTORABLE.slice(0, 1)) {
      const { query } = operation(t, 1);
      const res = await server.gql(query, variables(t, [text]), s.attackerAdmin.token);
      const where = `${label(t)} ${JSON.stringify(text)}`;
      expect({ where, status: res.status, code: res.errors?.[0]?.extensions?.code }).toEqual({ where, status: 400, code: "BAD_USER_INPUT" });
      expect({ where, field: res.errors?.[0]?.extensions?.field }).toEqual({ where, field: ["v0", ...t.path.slice(1), ...(t.list ? ["0"] : [])].join(".") });
      expect({ where, statements: res.statements }).toEqual({ where, statements: 1 });
    }
  });
});

describe("wildcards and quotes are ordinary characters", () => {
  beforeAll(async () => {
    const place = await makePlace(server.db, { name: "Wild%Card_Town \\ O'Hara" });
    await makePerson(server.db, s.victim, { fullName: "Wild%Card_Person \\ O'Neil", placeId: place.id });
    await makeOrganisation(server.db, s.victim, { name: `Wild%Card_Org \\ O'Neil "Quoted"`, placeId: place.id });
    await makeVisit(server.db, s.victim, { title: "Wild%Card_Visit \\ O'Neil", destinationIds: [place.id] });
    await makePartnership(server.db, s.victim, { name: "Wild%Card_Link \\ O'Neil" });
  });

  it.each(["people", "organisations", "visits", "partnerships", "places"])("%s(filter: { query }) matches the characters themselves", async (field) => {
    const expectations: [string, number][] = [
      ["%", 1],
      ["_", 1],
      ["\\", 1],
      ["'", 1],
      ["d%C", 1],
      ["d_C", 0], // as a wildcard, _ would match the %
      ["W%n", 0], // as a wildcard, % would match "ild%Card_Perso"
      ["W_ld", 0],
      ["%%", 0],
      ["Wild%Card_", 1],
      ["\\ O", 1],
      ["\\%", 0],
    ];
    for (const [text, expected] of expectations) {
      const res = await server.gql<Record<string, { totalCount: number }>>(`query($q: String) { ${field}(filter: { query: $q }) { totalCount } }`, { q: text }, s.attacker.token);
      expect({ field, text, errors: res.errors, found: res.data?.[field]?.totalCount }).toEqual({ field, text, errors: undefined, found: expected });
    }
  });

  it("search treats them as text too, and never as syntax", async () => {
    for (const text of ["W%n", "d_C", "& | ! <->", "Wild:*", "!(", "'"]) {
      const res = await server.gql<{ search: { totalCount: number } }>(`query($q: String!) { search(query: $q) { totalCount } }`, { q: text }, s.attacker.token);
      expect({ text, errors: res.errors }).toEqual({ text, errors: undefined });
      expectNoLeak(s, res, `search ${text}`);
    }
    const hit = await server.gql<{ search: { nodes: { snippet: string }[] } }>(`query($q: String!) { search(query: $q) { nodes { snippet } } }`, { q: "Wild%Card_Person" }, s.attacker.token);
    expect(hit.data?.search.nodes.map((n) => n.snippet).join(" ")).toContain("Card");
  });
});

describe("injection in the CSV export parameters", () => {
  const ROUTES: Record<string, string[]> = {
    "people.csv": ["query", "organisationId", "placeId", "countryCode", "sector", "ownedByMe", "includeArchived"],
    "search.csv": ["query", "kinds"],
    "alumni-investors.csv": ["universityId", "countryCodes", "placeId", "sectors", "investorTypes", "ticketMinGbp", "ticketMaxGbp", "graduationYearFrom", "graduationYearTo", "query"],
  };

  it.each(Object.keys(ROUTES))("%s: every parameter takes any text without a 500 or a leak", async (route) => {
    for (const param of ROUTES[route]!) {
      // The characters that break SQL and LIKE, and NUL (refused, naming the parameter).
      for (const text of [PAYLOADS[0]!, PAYLOADS[3]!, PAYLOADS[4]!, PAYLOADS[5]!, PAYLOADS[6]!, UNSTORABLE[0]!]) {
        const res = await fetch(`${server.url}/exports/${route}?${param}=${encodeURIComponent(text)}`, { headers: { authorization: `Bearer ${s.attacker.token}` } });
        const body = await res.text();
        const where = `${route}?${param}=${JSON.stringify(text.slice(0, 40))}`;
        expect({ where, ok: [200, 400, 404].includes(res.status) }).toEqual({ where, ok: true });
        expectNoLeak(s, body, where);
        if (text.includes("\u0000")) expect({ where, status: res.status, field: (JSON.parse(body) as { errors: { extensions: { field: string } }[] }).errors[0]!.extensions.field }).toEqual({ where, status: 400, field: param });
      }
    }
  });

  it("refuses malformed percent-encoding and lone surrogates without a 500", async () => {
    for (const raw of ["%ED%A0%80", "%FF", "%", "a%2", "%C0%AF"]) {
      const res = await fetch(`${server.url}/exports/people.csv?query=${raw}&sector=${raw}`, { headers: { authorization: `Bearer ${s.attacker.token}` } });
      expect({ raw, ok: [200, 400].includes(res.status) }).toEqual({ raw, ok: true });
      expectNoLeak(s, await res.text(), raw);
    }
  });
});
