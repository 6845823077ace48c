import { describe, expect, it } from "@jest/globals";
import { checkResponse } from "../../bench/lib/driver.js";
import { UsageError, parseBenchArgs } from "../../bench/lib/options.js";
import { canonical, firstDifference } from "../../bench/lib/preflight.js";
import { growsWithFanOut, percentile, summariseLatency, summariseResources, summariseStatements } from "../../bench/lib/stats.js";
import type { Fixtures } from "../../bench/workloads/fixtures.js";
import { alumniScenario, searchScenario } from "../../bench/workloads/find.js";
import { logInteractionScenario } from "../../bench/workloads/log-interaction.js";

// The benchmark's pure parts: statistics, option parsing and the response
// validators that decide which responses count as failed. No timings here.

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function fixtures(): Fixtures {
  const viewer = { userId: uuid(1), memberId: uuid(2), memberKind: "UNIVERSITY", email: "a@b.example", token: "t" };
  return {
    viewers: [{ viewer, people: Array.from({ length: 10 }, (_, i) => ({ id: uuid(100 + i), organisationId: i % 2 ? uuid(200 + i) : null })), colleagues: [uuid(3)] }],
    cities: [uuid(300)],
    countries: ["JP", "US"],
    alumni: [
      { sectors: ["health and life sciences"], investor_type: "ANGEL", ticket_min_gbp: 250_000, ticket_max_gbp: 1_000_000, country_code: "JP", university_id: uuid(400), graduation_year: 2001 },
    ],
    searchWords: { surnames: ["Tanaka"], fullNames: ["Hiroshi Tanaka"], organisationWords: ["Hydrogen"], cities: ["Osaka"], sectors: ["rail"] },
    visits: { busy: [uuid(500)], country: [uuid(501)], quiet: [uuid(502)] },
    persons: [uuid(600)],
  };
}

describe("statistics", () => {
  it("takes percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summariseLatency([5, 1, 3])).toMatchObject({ count: 3, p50: 3, max: 5, mean: 3 });
  });

  it("summarises statements per response and tells whether they grow with fan-out", () => {
    const flat = summariseStatements([
      { statements: 5, fanOut: 1 },
      { statements: 5, fanOut: 3 },
      { statements: 5, fanOut: 9 },
      { statements: null, fanOut: 2 },
    ]);
    expect(flat).toMatchObject({ min: 5, max: 5, missing: 1, histogram: { 5: 3 } });
    expect(growsWithFanOut(flat)).toBe(false);
    const nPlusOne = summariseStatements([1, 2, 3, 4, 5, 6].map((n) => ({ statements: 2 + n, fanOut: n })));
    expect(growsWithFanOut(nPlusOne)).toBe(true);
    expect(growsWithFanOut(summariseStatements([{ statements: 3, fanOut: 4 }]))).toBeNull();
  });

  it("summarises server resources over a phase", () => {
    const r = summariseResources([
      { at: 0, rssBytes: 100 * 1048576, eventLoopP99Ms: 1, eventLoopMaxMs: 4, cpuSeconds: 10 },
      { at: 2000, rssBytes: 120 * 1048576, eventLoopP99Ms: 3, eventLoopMaxMs: 9, cpuSeconds: 11 },
    ]);
    expect(r).toEqual({ samples: 2, rssMaxMb: 120, eventLoopP99Ms: 3, eventLoopMaxMs: 9, cpuPercent: 50 });
  });
});

describe("options", () => {
  it("runs L on PostgreSQL with everything, then M on PostgreSQL and PGlite, by default", () => {
    const o = parseBenchArgs([]);
    expect(o.targets.map((t) => `${t.scale}/${t.db}`)).toEqual(["L/pg", "M/pg", "M/pglite"]);
    expect(o.targets[0]).toMatchObject({ floor: true, max: true, explain: true, scaleOut: true });
    expect(o).toMatchObject({ workloads: ["W1", "W2", "W3", "W4"], duration: 20, rate: 20, quick: false });
  });

  it("narrows to one database and some workloads", () => {
    const o = parseBenchArgs(["--scale", "m", "--db", "pglite", "--workload", "w2,W4", "--quick", "--no-max"]);
    expect(o.targets).toEqual([{ scale: "M", db: "pglite", floor: false, max: false, explain: false, scaleOut: false }]);
    expect(o).toMatchObject({ workloads: ["W2", "W4"], duration: 5, warmup: 0 });
  });

  it("--serial sends each request once with no load, floor or scale-out, and keeps the plans", () => {
    const o = parseBenchArgs(["--scale", "L", "--workload", "W3", "--serial"]);
    expect(o.serial).toBe(true);
    expect(o.targets).toEqual([{ scale: "L", db: "pg", floor: false, max: false, explain: true, scaleOut: false }]);
  });

  it("names the option in every error", () => {
    const error = (argv: string[]) => {
      try {
        parseBenchArgs(argv);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error("expected a usage error");
    };
    expect(error(["--scale", "XL"])).toMatch(/^--scale/);
    expect(error(["--db", "pglite"])).toMatch(/^--db needs --scale/);
    expect(error(["--workload", "W9"])).toMatch(/^--workload/);
    expect(error(["--duration", "0"])).toMatch(/^--duration/);
    expect(error(["--pg", "postgres://h:5432/db"])).toMatch(/^--pg/);
    expect(error(["--nope"])).toMatch(/nope/);
  });
});

describe("response validation", () => {
  it("fails HTTP errors, GraphQL errors and bodies that are not JSON", () => {
    const s = searchScenario(fixtures());
    const request = s.pool![0]!;
    expect(checkResponse(s, request, 500, "oops").problem).toMatch(/^HTTP 500/);
    expect(checkResponse(s, request, 200, "<html>").problem).toMatch(/not JSON/);
    expect(checkResponse(s, request, 200, JSON.stringify({ errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }] })).problem).toMatch(
      /FORBIDDEN/,
    );
  });

  it("accepts a well-formed alumni page and rejects an empty or unranked one", () => {
    const s = alumniScenario(fixtures());
    const node = (score: number) => ({
      score,
      fit: 0.5,
      warmth: 0.2,
      fitReasons: ["Alumni of X"],
      alumniTies: [{ id: "t" }],
      knownBy: [{ id: "m", name: "M" }],
      person: { id: "p", fullName: "A Person" },
    });
    const page = (nodes: unknown[], total: number) => ({ alumniInvestors: { totalCount: total, pageInfo: { hasNextPage: total > nodes.length }, nodes } });
    const request = s.pool![0]!;
    expect(s.check(page([node(80), node(70)], 2), request)).toEqual({ problem: null, fanOut: 2 });
    expect(s.check(page([], 0), request).problem).toMatch(/at least 1/);
    expect(s.check(page([node(70), node(80)], 2), request).problem).toMatch(/descending/);
    expect(s.check(page([node(80)], 5), { ...request }).problem).toBeNull();
    expect(s.check({ alumniInvestors: { totalCount: 5, pageInfo: { hasNextPage: false }, nodes: [node(80)] } }, request).problem).toMatch(/hasNextPage/);
  });

  it("expects logInteraction to create what was sent, with unique keys", () => {
    const s = logInteractionScenario(fixtures(), "run-1");
    const [a, b] = [s.request(0), s.request(1)];
    const input = a.variables.input as { idempotencyKey: string; participants: unknown[]; organisations: unknown[] };
    expect(input.idempotencyKey).not.toBe((b.variables.input as { idempotencyKey: string }).idempotencyKey);
    expect(s.request(0).variables).toEqual(a.variables);
    const answer = (participants: number, created = true) => ({
      logInteraction: {
        created,
        pendingMatches: [],
        interaction: {
          id: "i",
          subject: "s",
          participants: Array.from({ length: participants }, () => ({})),
          organisations: Array.from({ length: input.organisations.length }, () => ({})),
        },
      },
    });
    expect(s.check(answer(input.participants.length), a).problem).toBeNull();
    expect(s.check(answer(input.participants.length + 1), a).problem).toMatch(/participants/);
    expect(s.check(answer(input.participants.length, false), a).problem).toMatch(/created/);
  });
});

describe("floor parity", () => {
  it("compares answers whatever the order of their fields, and says where they differ", () => {
    expect(canonical({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonical({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toBeNull();
    expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toMatch(/^a\.b\.1: 2 vs 3/);
    expect(firstDifference({ list: [1] }, { list: [1, 2] })).toBe("list: 1 vs 2 entries");
  });
});
