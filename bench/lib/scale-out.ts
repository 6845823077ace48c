import { GENERATED_PASSWORD } from "../../seeds/generate/index.js";
import type { Fixtures } from "../workloads/fixtures.js";
import { buildScenarios } from "../workloads/index.js";
import type { BenchRequest } from "../workloads/types.js";
import { type Cursor, type PhaseResult, runPhase } from "./driver.js";
import type { BenchOptions } from "./options.js";
import { type ChildServer, startEntente } from "./processes.js";
import { drain } from "./drain.js";
import type { Status } from "./progress.js";
import { openPg } from "./sql.js";

// Scale-out: W1 and W2 at maximum throughput against ONE PostgreSQL, first
// through one server process, then through two (separate processes on their
// own ports; the harness spreads the same number of connections round-robin
// over them). Then what must not live in process memory is checked across the
// two: a session signed in on one is valid on the other, an idempotency key
// used on one is honoured on the other, and failed sign-ins on both add up to
// one lock.

export interface ScaleOutResult {
  connections: number;
  rows: { scenario: string; one: PhaseResult; two: PhaseResult }[];
  checks: { description: string; holds: boolean }[];
}

async function gql(server: ChildServer, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function runScaleOut(args: {
  url: string;
  fixtures: Fixtures;
  pools: Map<string, BenchRequest[]>;
  options: BenchOptions;
  status: Status;
  runKey: string;
}): Promise<ScaleOutResult> {
  const { url, fixtures, pools, options, status, runKey } = args;
  const a = await startEntente("entente-a", 4611, { kind: "pg", url });
  let b: ChildServer | null = null;
  const watch = openPg(url, 1);
  try {
    b = await startEntente("entente-b", 4612, { kind: "pg", url });
    const scenarios = buildScenarios(["W1", "W2"], fixtures, `${runKey}`);
    for (const s of scenarios) if (s.pool && pools.has(s.name)) s.pool = pools.get(s.name)!;
    const rows: ScaleOutResult["rows"] = [];
    const cursor: Cursor = { next: 20_000_000 };
    for (const scenario of scenarios) {
      if (options.warmup > 0) {
        await drain([a, b], watch);
        await runPhase({ scenario, server: "entente", servers: [a, b], spec: { kind: "fixed", rate: options.rate, seconds: options.warmup }, cursor, status });
      }
      const spec = { kind: "max" as const, connections: options.connections, seconds: options.duration };
      await drain([a, b], watch);
      const one = await runPhase({ scenario, server: "entente", servers: [a], spec, cursor, status });
      await drain([a, b], watch);
      const two = await runPhase({ scenario, server: "entente", servers: [a, b], spec, cursor, status });
      rows.push({ scenario: scenario.name, one, two });
    }
    const checks = await statelessChecks(a, b, fixtures, runKey);
    return { connections: options.connections, rows, checks };
  } finally {
    await b?.stop();
    await a.stop();
    await watch.close();
  }
}

async function statelessChecks(a: ChildServer, b: ChildServer, fixtures: Fixtures, runKey: string): Promise<ScaleOutResult["checks"]> {
  const checks: ScaleOutResult["checks"] = [];
  const v = fixtures.viewers[0]!;

  // 1. A session made by one process is honoured by the other.
  const login = await gql(a, "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }", { e: v.viewer.email, p: GENERATED_PASSWORD });
  const token = (login.data?.login as { accessToken?: string } | undefined)?.accessToken;
  const me = token ? await gql(b, "{ me { email } }", {}, { authorization: `Bearer ${token}` }) : null;
  checks.push({
    description: "a session signed in on process A is accepted by process B",
    holds: (me?.data?.me as { email?: string } | undefined)?.email === v.viewer.email,
  });
  // …and signing out on B ends it on A too.
  if (token) await gql(b, "mutation { logout }", {}, { authorization: `Bearer ${token}` });
  const after = token ? await gql(a, "{ me { email } }", {}, { authorization: `Bearer ${token}` }) : null;
  checks.push({
    description: "signing out on process B ends the session on process A",
    holds: after?.errors?.[0]?.extensions?.code === "UNAUTHENTICATED",
  });

  // 2. A retried submission that lands on the other process returns the first interaction.
  const person = v.people[0]!;
  const input = {
    idempotencyKey: `${runKey}:retry-across-processes`,
    occurredAt: new Date().toISOString(),
    kind: "CALL",
    subject: "Scale-out idempotency check",
    participants: [{ personId: Buffer.from(`Person:${person.id}`).toString("base64url") }],
  };
  const mutation = "mutation($input: LogInteractionInput!) { logInteraction(input: $input) { created interaction { id } } }";
  const auth = { authorization: `Bearer ${v.viewer.token}` };
  const first = await gql(a, mutation, { input }, auth);
  const retry = await gql(b, mutation, { input }, auth);
  const one = first.data?.logInteraction as { created: boolean; interaction: { id: string } } | undefined;
  const two = retry.data?.logInteraction as { created: boolean; interaction: { id: string } } | undefined;
  checks.push({
    description: "an idempotency key used on process A is honoured on process B (created: false, same interaction)",
    holds: one?.created === true && two?.created === false && one.interaction.id === two.interaction.id,
  });

  // 3. Sign-in throttling counts failures from both processes together (from a documentation address, not the harness's own).
  const email = `throttle-${Date.now()}@bench.invalid`;
  const forwarded = { "x-forwarded-for": `203.0.113.${1 + (Date.now() % 250)}` };
  const attempt = (server: ChildServer) => gql(server, "mutation($e: String!) { login(email: $e, password: \"wrong\") { accessToken } }", { e: email }, forwarded);
  for (const server of [a, a, a, b, b]) await attempt(server);
  const locked = await attempt(a);
  checks.push({
    description: "five failed sign-ins split over A (3) and B (2) lock the account on A",
    holds: /too many/i.test(locked.errors?.[0]?.message ?? ""),
  });
  return checks;
}
