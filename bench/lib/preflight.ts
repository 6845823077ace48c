import type { BenchRequest, Scenario } from "../workloads/types.js";
import { type ServerKind, checkResponse, requestBody } from "./driver.js";
import type { ChildServer } from "./processes.js";
import { type LatencySummary, summariseLatency } from "./stats.js";

// Before anything is measured: every read request is sent once. A request
// whose answer is well-formed but finds nothing (a filter no visible alumnus
// matches) leaves the pool, so the measured phases can treat emptiness as a
// failure. Errors stay in the pool: they must show up as failures, not vanish.
// With the floor running, the same requests go to it too and the two answers
// are compared (the parity check: the floor does the same work).

export async function send(server: ChildServer, kind: ServerKind, scenario: Scenario, request: BenchRequest): Promise<{ status: number; body: string; statements: number | null; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${server.url}${kind === "entente" ? "/graphql" : scenario.floorPath}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${request.viewer.token}` },
    body: requestBody(kind, scenario, request),
  });
  const body = await res.text();
  const header = res.headers.get("x-sql-statements");
  return { status: res.status, body, statements: header === null ? null : Number(header), ms: performance.now() - started };
}

export interface PreflightResult {
  scenario: string;
  candidates: number;
  kept: number;
  dropped: { reason: string; count: number }[];
  errors: string[];
  /** The slowest kept request (its place in the pruned pool): the one whose plans are captured. */
  slowest: { index: number; ms: number } | null;
  /** Latency of the kept requests sent one at a time: the cost of a request without queueing. */
  serial: LatencySummary | null;
}

const REAL_FAILURE = /^(HTTP \d+|error |body is not JSON|no data)/;

export async function preflight(scenario: Scenario, server: ChildServer, onProgress: (done: number, total: number) => void): Promise<PreflightResult> {
  const pool = scenario.pool;
  if (!pool) {
    // Writes: two requests must succeed before the measured phases.
    const errors: string[] = [];
    for (let i = 0; i < 2; i++) {
      const request = scenario.request(1_000_000 + i);
      const res = await send(server, "entente", scenario, request);
      const checked = checkResponse(scenario, request, res.status, res.body);
      if (checked.problem) errors.push(checked.problem);
    }
    return { scenario: scenario.name, candidates: 2, kept: 2, dropped: [], errors, slowest: null, serial: null };
  }
  const kept: BenchRequest[] = [];
  const reasons = new Map<string, number>();
  const errors: string[] = [];
  let slowest: { index: number; ms: number } | null = null;
  const times: number[] = [];
  for (const [i, request] of pool.entries()) {
    const res = await send(server, "entente", scenario, request);
    const { problem } = checkResponse(scenario, request, res.status, res.body);
    if (!problem) times.push(res.ms);
    if (!problem && (!slowest || res.ms > slowest.ms)) slowest = { index: kept.length, ms: res.ms };
    if (!problem) kept.push(request);
    else if (REAL_FAILURE.test(problem)) {
      kept.push(request);
      if (errors.length < 5) errors.push(problem);
    } else {
      const reason = problem.replace(/\.\d+\./g, ".N.");
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    onProgress(i + 1, pool.length);
  }
  if (kept.length === 0) throw new Error(`${scenario.name}: no request of the pool found anything (${[...reasons.keys()].join("; ")})`);
  scenario.pool = kept;
  return {
    scenario: scenario.name,
    candidates: pool.length,
    kept: kept.length,
    dropped: [...reasons.entries()].map(([reason, count]) => ({ reason, count })),
    errors,
    slowest,
    serial: times.length ? summariseLatency(times) : null,
  };
}

export interface ParityResult {
  scenario: string;
  compared: number;
  equal: number;
  differences: string[];
  /** Statements per request on each side, for the same requests. */
  statements: { entente: number[]; floor: number[] };
}

/** Sorted-key JSON, so field order does not count as a difference. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The first place two canonical values differ, for the report. */
export function firstDifference(a: unknown, b: unknown, path = ""): string | null {
  if (canonical(a) === canonical(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path || "value"}: ${a.length} vs ${b.length} entries`;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
  }
  return `${path || "value"}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

export async function parity(scenario: Scenario, entente: ChildServer, floor: ChildServer, sample = 12): Promise<ParityResult> {
  const result: ParityResult = { scenario: scenario.name, compared: 0, equal: 0, differences: [], statements: { entente: [], floor: [] } };
  // Writes get a request each (the same idempotency key twice would be a retry, not a new record).
  const pairs: [BenchRequest, BenchRequest][] = scenario.pool
    ? scenario.pool.slice(0, sample).map((r) => [r, r])
    : [0, 1, 2].map((k) => [scenario.request(2_000_000 + 2 * k), scenario.request(2_000_001 + 2 * k)]);
  for (const [request, floorRequest] of pairs) {
    const [a, b] = [await send(entente, "entente", scenario, request), await send(floor, "floor", scenario, floorRequest)];
    result.compared++;
    if (a.statements !== null) result.statements.entente.push(a.statements);
    if (b.statements !== null) result.statements.floor.push(b.statements);
    const ca = checkResponse(scenario, request, a.status, a.body);
    const cb = checkResponse(scenario, floorRequest, b.status, b.body);
    if (ca.problem || cb.problem) {
      result.differences.push(`entente: ${ca.problem ?? "ok"}; floor: ${cb.problem ?? "ok"}`);
      continue;
    }
    if (!scenario.fingerprint) {
      result.equal++;
      continue;
    }
    const fa = scenario.fingerprint((JSON.parse(a.body) as { data: Record<string, unknown> }).data);
    const fb = scenario.fingerprint((JSON.parse(b.body) as { data: Record<string, unknown> }).data);
    const difference = firstDifference(fa, fb);
    if (difference === null) result.equal++;
    else if (result.differences.length < 5) result.differences.push(difference);
  }
  return result;
}
