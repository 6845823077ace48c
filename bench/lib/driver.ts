import autocannon from "autocannon";
import type { BenchRequest, Scenario } from "../workloads/types.js";
import type { Status } from "./progress.js";
import type { ChildServer } from "./processes.js";
import {
  type LatencySummary,
  type ResourceSummary,
  type StatementSummary,
  summariseLatency,
  summariseResources,
  summariseStatements,
} from "./stats.js";

// Drives one scenario against one server with autocannon and checks every
// response. Two kinds of phase:
//   fixed  R requests per second, evenly spaced: R autocannon instances of one
//          connection at one request per second each, started 1000/R ms apart
//          (one instance with R connections would fire all R at the same instant
//          every second: a burst, not a rate). Each instance sends `seconds`
//          requests and the phase waits for every answer, so slow answers are
//          measured rather than cut off; a server that cannot keep up shows as
//          a lower achieved rate. A deadline (3 × the phase + 30 s) stops it;
//          what was sent and never answered then counts as failed.
//   max    C connections sending back to back for `seconds`: the ceiling.
// Each response's latency comes from autocannon's own timer; its body is
// parsed and validated, and X-SQL-Statements recorded, in onResponse.

export type ServerKind = "entente" | "floor";

export interface PhaseSpec {
  kind: "fixed" | "max";
  /** fixed: requests per second. */
  rate?: number;
  /** max: concurrent connections. */
  connections?: number;
  seconds: number;
}

export interface ResponseRecord {
  latencyMs: number;
  status: number;
  problem: string | null;
  statements: number | null;
  fanOut: number;
}

export interface PhaseResult {
  scenario: string;
  workload: string;
  server: ServerKind;
  phase: "fixed" | "max";
  /** The rate asked for (fixed) or the connections used (max). */
  load: number;
  processes: number;
  seconds: number;
  responses: number;
  /** Responses per second over the phase. */
  rps: number;
  latency: LatencySummary;
  failures: number;
  failureExamples: string[];
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
  /** Sent but not answered when a fixed-rate phase hit its deadline (counted in failures). */
  unanswered: number;
  statements: StatementSummary;
  resources: ResourceSummary[];
}

export interface Cursor {
  /** The next request number: phases continue the stream (W1 keys never repeat). */
  next: number;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  if (!headers) return null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return null;
}

/** Validates one response: HTTP status, JSON, no GraphQL errors, then the scenario's own checks. */
export function checkResponse(scenario: Scenario, request: BenchRequest, status: number, body: string): { problem: string | null; fanOut: number } {
  if (status !== 200) return { problem: `HTTP ${status}: ${body.slice(0, 160)}`, fanOut: 0 };
  let parsed: { data?: Record<string, unknown> | null; errors?: { message?: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { problem: `body is not JSON: ${body.slice(0, 80)}`, fanOut: 0 };
  }
  if (parsed.errors?.length) {
    const e = parsed.errors[0]!;
    return { problem: `error ${e.extensions?.code ?? ""}: ${e.message ?? ""}`.slice(0, 200), fanOut: 0 };
  }
  if (!parsed.data) return { problem: "no data", fanOut: 0 };
  return scenario.check(parsed.data, request);
}

export function requestBody(server: ServerKind, scenario: Scenario, request: BenchRequest): string {
  return server === "entente" ? JSON.stringify({ query: scenario.document, variables: request.variables }) : JSON.stringify(request.variables);
}

interface Lane {
  url: string;
  connections: number;
  connectionRate?: number;
  /** Fixed rate: requests this lane sends (then waits for their answers). */
  amount?: number;
  delayMs: number;
}

export async function runPhase(args: {
  scenario: Scenario;
  server: ServerKind;
  servers: ChildServer[];
  spec: PhaseSpec;
  cursor: Cursor;
  status: Status;
}): Promise<PhaseResult> {
  const { scenario, server, servers, spec, cursor, status } = args;
  const path = server === "entente" ? "/graphql" : scenario.floorPath;
  const lanes: Lane[] = [];
  if (spec.kind === "fixed") {
    const rate = spec.rate!;
    for (let k = 0; k < rate; k++) {
      lanes.push({ url: servers[k % servers.length]!.url, connections: 1, connectionRate: 1, amount: spec.seconds, delayMs: (k * 1000) / rate });
    }
  } else {
    const total = spec.connections!;
    servers.forEach((s, k) => {
      const connections = Math.floor(total / servers.length) + (k < total % servers.length ? 1 : 0);
      if (connections > 0) lanes.push({ url: s.url, connections, delayMs: 0 });
    });
  }

  const records: ResponseRecord[] = [];
  const failureExamples: string[] = [];
  let failures = 0;
  let errors = 0;
  let timeouts = 0;
  status.begin({ scenario: scenario.name, server, phase: spec.kind === "fixed" ? `${spec.rate}/s` : `max ×${spec.connections}`, seconds: spec.seconds });

  const samplers = servers.map((s) => s.sample());
  const started = Date.now();
  let sent = 0;
  let stopped = false;
  const instances: autocannon.Instance[] = [];
  const deadline = setTimeout(
    () => {
      stopped = true;
      for (const instance of instances) instance.stop();
    },
    (spec.kind === "fixed" ? spec.seconds * 3 + 30 : spec.seconds + 35) * 1000,
  );
  let lastAnswer = started;
  await Promise.all(
    lanes.map(async (lane) => {
      await new Promise((r) => setTimeout(r, lane.delayMs));
      if (stopped) return;
      let pending: ResponseRecord | null = null;
      let finish: (result: autocannon.Result) => void = () => {};
      let fail: (error: unknown) => void = () => {};
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      const instance = autocannon({
        url: lane.url,
        connections: lane.connections,
        ...(lane.connectionRate ? { connectionRate: lane.connectionRate } : {}),
        ...(lane.amount ? { amount: lane.amount } : { duration: spec.seconds }),
        timeout: 30,
        requests: [
          {
            method: "POST",
            path,
            setupRequest(req, context) {
              sent++;
              const request = scenario.request(cursor.next++);
              (context as { request?: BenchRequest }).request = request;
              return {
                ...req,
                headers: {
                  ...req.headers,
                  "content-type": "application/json",
                  accept: "application/graphql-response+json, application/json",
                  authorization: `Bearer ${request.viewer.token}`,
                },
                body: requestBody(server, scenario, request),
              };
            },
            onResponse(statusCode, body, context, headers) {
              const request = (context as { request: BenchRequest }).request;
              const checked = checkResponse(scenario, request, statusCode, body);
              const header = headerValue(headers as Record<string, unknown>, "x-sql-statements");
              pending = { latencyMs: 0, status: statusCode, problem: checked.problem, statements: header === null ? null : Number(header), fanOut: checked.fanOut };
            },
          },
        ],
      }, (error, result) => (error ? fail(error) : finish(result)));
      instances.push(instance);
      instance.on("response", (_client, _status, _bytes, responseTime) => {
        // onResponse ran just before, in the same tick: this is its latency.
        if (!pending) return;
        pending.latencyMs = responseTime;
        lastAnswer = Date.now();
        records.push(pending);
        if (pending.problem) {
          failures++;
          if (failureExamples.length < 5) failureExamples.push(pending.problem);
        }
        status.tick(pending.latencyMs, pending.problem !== null);
        pending = null;
      });
      const result = await done;
      errors += result.errors;
      timeouts += result.timeouts;
    }),
  );
  clearTimeout(deadline);
  const seconds = (lastAnswer - started) / 1000;
  const resources = await Promise.all(samplers.map(async (s) => summariseResources(await s.stop())));
  status.end();
  // Requests cut off by the deadline: sent, never answered, not already an error.
  const unanswered = stopped ? Math.max(0, sent - records.length - errors) : 0;

  return {
    scenario: scenario.name,
    workload: scenario.workload,
    server,
    phase: spec.kind,
    load: spec.kind === "fixed" ? spec.rate! : spec.connections!,
    processes: servers.length,
    seconds,
    responses: records.length,
    rps: records.length / Math.max(spec.seconds, seconds),
    latency: summariseLatency(records.map((r) => r.latencyMs)),
    failures: failures + errors + unanswered,
    failureExamples: [
      ...failureExamples,
      ...(errors ? [`${errors} connection errors (${timeouts} timeouts)`] : []),
      ...(unanswered ? [`${unanswered} sent and not answered by the phase deadline`] : []),
    ],
    errors,
    timeouts,
    unanswered,
    // Statements of answers that passed: a statement timeout's error says nothing about the count.
    statements: summariseStatements(records.filter((r) => r.problem === null)),
    resources,
  };
}
