import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadAverage, machine, startEntente, startFloor, type ChildServer, type EntenteDatabase } from "./lib/processes.js";
import { type Cursor, type PhaseResult, type PhaseSpec, type ServerKind, runPhase } from "./lib/driver.js";
import { type PreparedDataset, locate, openDataset, prepareDataset } from "./lib/dataset.js";
import { type BenchOptions, type Target, USAGE, UsageError, parseBenchArgs } from "./lib/options.js";
import { type ParityResult, type PreflightResult, parity, preflight } from "./lib/preflight.js";
import { Status } from "./lib/progress.js";
import { type PlanCapture, capturePlans } from "./lib/explain.js";
import { type ScaleOutResult, runScaleOut } from "./lib/scale-out.js";
import { type BenchResults, type TargetResult, renderMarkdown } from "./lib/report.js";
import { drain } from "./lib/drain.js";
import { openPg } from "./lib/sql.js";
import { type Fixtures, pickFixtures, signIn } from "./workloads/fixtures.js";
import { type Scenario, buildScenarios } from "./workloads/index.js";
import type { BenchRequest } from "./workloads/types.js";

// npm run bench: load (or reuse) the benchmark databases, start the real server
// and the floor as child processes, check every workload's requests once, then
// measure each scenario at a fixed rate and at maximum throughput, alternating
// Entente and the floor so a change in the machine's load hits both alike.
// Results go to bench/results/<time>.{json,md} and latest.{json,md}.

// BENCH_PORT moves both (so two benchmarks, e.g. --serial probes, can run side by side).
const ENTENTE_PORT = Number(process.env.BENCH_PORT ?? 4610);
const FLOOR_PORT = ENTENTE_PORT + 10;

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const started = new Date();
  const status = new Status();
  const loadSamples: number[] = [];
  const loadTimer = setInterval(() => void loadAverage().then(([one]) => loadSamples.push(one)), 10_000);
  void loadAverage().then(([one]) => loadSamples.push(one));

  const results: BenchResults = {
    startedAt: started.toISOString(),
    finishedAt: "",
    command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
    options: { ...options, targets: options.targets.map((t) => ({ ...t })) },
    machine: await machine(await postgresVersion(options.pgUrl)),
    loadAverage: { atStart: await loadAverage(), atEnd: [0, 0, 0], oneMinuteSamples: loadSamples },
    targets: [],
  };

  try {
    for (const target of options.targets) {
      results.targets.push(await benchTarget(target, options, status, started));
      await writeResults(options.outDir, results, started, false);
    }
  } finally {
    clearInterval(loadTimer);
  }
  results.finishedAt = new Date().toISOString();
  results.loadAverage.atEnd = await loadAverage();
  const files = await writeResults(options.outDir, results, started, isFullRun(options, argv));
  console.error(`\nResults: ${files.join(", ")} (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min)`);
  const failed = results.targets.flatMap((t) => t.phases).reduce((n, p) => n + p.failures, 0);
  if (failed > 0) console.error(`${failed} responses failed validation or never came: see the report.`);
  return failed > 0 ? 1 : 0;
}

async function postgresVersion(pgUrl: string): Promise<string | null> {
  const sql = openPg(`${pgUrl}/postgres`, 1);
  try {
    const [row] = await sql.query<{ v: string }>("select version() as v");
    return row?.v.split(" on ")[0] ?? null;
  } catch {
    return null;
  } finally {
    await sql.close();
  }
}

async function benchTarget(target: Target, options: BenchOptions, status: Status, started: Date): Promise<TargetResult> {
  const label = `${target.scale}/${target.db}`;
  status.setPrefix(`[${label}]`);
  status.note(`\n== ${label}: preparing the database`);
  const location = locate(target.scale, target.db, options.seed, options.pgUrl);
  const dataset: PreparedDataset = await prepareDataset(location, options.fresh, options.pgUrl);
  status.note(
    `   ${dataset.label}: ${dataset.rows.people} people, ${dataset.rows.organisations} organisations, ${dataset.rows.interactions} interactions` +
      ` (${dataset.loadedNow ? `loaded in ${dataset.loadSeconds.toFixed(0)} s` : "reused"})`,
  );

  const fixtures = await withDataset(location, (sql) => pickFixtures(sql));
  const database: EntenteDatabase = target.db === "pg" ? { kind: "pg", url: location.url! } : { kind: "pglite", dataDir: location.dataDir! };

  const result: TargetResult = {
    scale: target.scale,
    db: target.db,
    dataset: { label: dataset.label, rows: dataset.rows, loadedNow: dataset.loadedNow, loadSeconds: dataset.loadSeconds },
    fixtures: fixtureSummary(fixtures),
    preflight: [],
    parity: [],
    phases: [],
    plans: [],
    scaleOut: null,
  };

  const entente = await startEntente("entente", ENTENTE_PORT, database);
  let floor: ChildServer | null = null;
  const pools = new Map<string, BenchRequest[]>();
  // Watches the database between phases (PostgreSQL only: PGlite is the server's alone).
  const watch = target.db === "pg" ? openPg(location.url!, 1) : null;
  try {
    await signIn(fixtures, entente.url);
    const runKey = `bench:${started.toISOString()}:${label}`;
    const scenarios = buildScenarios(options.workloads, fixtures, `${runKey}:entente`);
    const floorScenarios = buildScenarios(options.workloads, fixtures, `${runKey}:floor`);

    for (const scenario of scenarios) {
      status.note(`   preflight ${scenario.name}…`);
      const checked: PreflightResult = await preflight(scenario, entente, () => {});
      result.preflight.push(checked);
      const twin = floorScenarios.find((s) => s.name === scenario.name)!;
      if (scenario.pool) {
        twin.pool = scenario.pool;
        pools.set(scenario.name, scenario.pool);
      }
      status.note(
        `   preflight ${scenario.name}: ${checked.kept}/${checked.candidates} requests kept` +
          (checked.dropped.length ? ` (dropped: ${checked.dropped.map((d) => `${d.count}× ${d.reason}`).join("; ")})` : "") +
          (checked.errors.length ? `; ERRORS: ${checked.errors.join(" | ")}` : ""),
      );
    }

    if (target.floor) {
      floor = await startFloor(FLOOR_PORT, location.url!);
      for (const [k, scenario] of floorScenarios.entries()) {
        // Briefings take seconds each on a busy destination: fewer of them are compared.
        const p: ParityResult = await parity(scenario, entente, floor, scenario.workload === "W3" ? 3 : 12);
        result.parity.push(p);
        status.note(
          `   parity ${scenarios[k]!.name}: ${p.equal}/${p.compared} equal` + (p.differences.length ? ` — ${p.differences.slice(0, 2).join(" | ")}` : ""),
        );
      }
    }

    const cursors = new Map<string, Cursor>();
    const cursorOf = (server: ServerKind, name: string) => {
      const key = `${server}:${name}`;
      // Disjoint ranges: Entente and the floor never reuse each other's W1 keys.
      if (!cursors.has(key)) cursors.set(key, { next: server === "entente" ? 0 : 10_000_000 });
      return cursors.get(key)!;
    };
    const phase = async (server: ServerKind, scenario: Scenario, spec: PhaseSpec, record = true) => {
      const servers = server === "entente" ? [entente] : [floor!];
      await drain(servers, watch);
      const r: PhaseResult = await runPhase({ scenario, server, servers, spec, cursor: cursorOf(server, scenario.name), status });
      if (record) result.phases.push(r);
      return r;
    };

    for (const [k, scenario] of options.serial ? [] : scenarios.entries()) {
      const twin = floorScenarios[k]!;
      const sides: [ServerKind, Scenario][] = [["entente", scenario], ...(floor ? [["floor", twin] as [ServerKind, Scenario]] : [])];
      if (options.warmup > 0) {
        for (const [server, s] of sides) await phase(server, s, { kind: "fixed", rate: options.rate, seconds: options.warmup }, false);
      }
      for (const [server, s] of sides) await phase(server, s, { kind: "fixed", rate: options.rate, seconds: options.duration });
      if (target.max) {
        for (const [server, s] of sides) await phase(server, s, { kind: "max", connections: options.connections, seconds: options.duration });
      }
    }

    if (target.explain && target.db === "pg") {
      await drain([entente], watch);
      status.note("   capturing EXPLAIN (ANALYZE, BUFFERS) of each workload's statements…");
      const slowest = new Map(result.preflight.filter((p) => p.slowest).map((p) => [p.scenario, p.slowest!.index]));
      const plans: PlanCapture[] = await capturePlans(location.url!, scenarios, slowest);
      result.plans = plans;
    }
  } finally {
    await floor?.stop();
    await entente.stop();
    await watch?.close();
  }

  if (target.scaleOut && target.db === "pg") {
    status.note("   scale-out: W1 + W2 with 1 and 2 server processes…");
    const scaleOut: ScaleOutResult = await runScaleOut({ url: location.url!, fixtures, pools, options, status, runKey: `bench:${started.toISOString()}:${label}:scale` });
    result.scaleOut = scaleOut;
  }
  return result;
}

async function withDataset<T>(location: ReturnType<typeof locate>, fn: (sql: Awaited<ReturnType<typeof openDataset>>) => Promise<T>): Promise<T> {
  const sql = await openDataset(location);
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

function fixtureSummary(f: Fixtures): TargetResult["fixtures"] {
  return {
    viewers: f.viewers.map((v) => `${v.viewer.email.split("@")[1]?.split(".")[0] ?? v.viewer.email} (${v.viewer.memberKind})`),
    alumniFilters: f.alumni.length,
    busyVisits: f.visits.busy.length,
    countryVisits: f.visits.country.length,
    quietVisits: f.visits.quiet.length,
    persons: f.persons.length,
  };
}

/** Every run gets its own files; only a full default run replaces latest.{json,md} (what docs/performance.md quotes). */
async function writeResults(dir: string, results: BenchResults, started: Date, full: boolean): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, "-");
  const markdown = renderMarkdown(results);
  const json = JSON.stringify(results, null, 2);
  const files = [join(dir, `${stamp}.json`), join(dir, `${stamp}.md`)];
  if (full) files.push(join(dir, "latest.json"), join(dir, "latest.md"));
  await Promise.all(files.map((f) => writeFile(f, f.endsWith(".json") ? json : markdown)));
  return files;
}

function isFullRun(options: BenchOptions, argv: string[]): boolean {
  return !options.quick && !options.serial && argv.every((a) => a === "--fresh");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("\nbench: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
