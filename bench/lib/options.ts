import { parseArgs } from "node:util";

// npm run bench -- [options]. Parsing is pure (tests/bench pins it); every
// problem names the option, as the seed CLI does.

export const WORKLOADS = ["W1", "W2", "W3", "W4"] as const;
export type WorkloadId = (typeof WORKLOADS)[number];
export type DbKind = "pg" | "pglite";
export type ScaleId = "M" | "L";

/** One database to benchmark: a generator tier on one engine. */
export interface Target {
  scale: ScaleId;
  db: DbKind;
  /** Run the hand-written-SQL floor against it (PostgreSQL only: PGlite is single-process). */
  floor: boolean;
  /** Also drive each workload at maximum throughput (not only at the fixed rate). */
  max: boolean;
  /** Capture EXPLAIN (ANALYZE, BUFFERS) of the heavy statements. */
  explain: boolean;
  /** Run the 1-process vs 2-process comparison (W1 + W2). */
  scaleOut: boolean;
}

export interface BenchOptions {
  targets: Target[];
  workloads: WorkloadId[];
  /** Seconds per measured phase (fixed rate and maximum). */
  duration: number;
  /** Seconds of unmeasured warm-up before each workload's first phase. */
  warmup: number;
  /** Requests per second in the fixed-rate phase. */
  rate: number;
  /** Concurrent connections in the maximum-throughput phase. */
  connections: number;
  fresh: boolean;
  quick: boolean;
  /** Only the preflight (each distinct request once, one at a time) and the plans: no load, no floor. */
  serial: boolean;
  /** postgres://… without a database name: bench databases are created under it. */
  pgUrl: string;
  /** Generator seed (the generator's default unless given). */
  seed: number | null;
  outDir: string;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --scale M|L          benchmark one tier only (default: L on PostgreSQL with the floor,
                       EXPLAIN plans and scale-out, then M on PostgreSQL for the L/M ratio,
                       then M on PGlite)
  --db pg|pglite       benchmark one engine only (with --scale; default pg)
  --workload W1,W2     workloads to run (default W1,W2,W3,W4):
                         W1 logInteraction, W2 alumniInvestors + search,
                         W3 visitBriefing (busy and quiet), W4 person profile + timeline
  --duration S         seconds per measured phase (default 20; --quick 5)
  --rate N             requests per second of the fixed-rate phase (default 20)
  --connections N      connections of the maximum-throughput phase (default 8)
  --quick              short phases and no warm-up: a smoke check that everything works
  --serial             no load: send each distinct request once, one at a time, and
                       capture the plans (the cost of a request; a minute or two)
  --fresh              drop and reload the benchmark databases
  --no-floor           skip the hand-written-SQL floor
  --no-max             skip the maximum-throughput phases
  --no-explain         skip EXPLAIN (ANALYZE, BUFFERS) capture
  --no-scale-out       skip the 1- vs 2-process comparison
  --pg URL             PostgreSQL server (default postgres://postgres@127.0.0.1:5432)
  --seed N             generator seed (default: the generator's)
  --out DIR            where results go (default bench/results)
  --help               show this help

Databases: entente_bench_<scale> on PostgreSQL (kept between runs), .bench-data/pglite-<scale>
for PGlite. A database is reused when it holds the same tier and seed.`;

export class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${value}".`);
  }
  return Number(value);
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: "string" },
        db: { type: "string" },
        workload: { type: "string" },
        duration: { type: "string" },
        rate: { type: "string" },
        connections: { type: "string" },
        quick: { type: "boolean" },
        serial: { type: "boolean" },
        fresh: { type: "boolean" },
        "no-floor": { type: "boolean" },
        "no-max": { type: "boolean" },
        "no-explain": { type: "boolean" },
        "no-scale-out": { type: "boolean" },
        pg: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, "."));
  }

  const scale = values.scale?.toUpperCase();
  if (scale !== undefined && scale !== "M" && scale !== "L") throw new UsageError(`--scale must be M or L, got "${values.scale}".`);
  const db = values.db?.toLowerCase();
  if (db !== undefined && db !== "pg" && db !== "pglite") throw new UsageError(`--db must be pg or pglite, got "${values.db}".`);
  if (db !== undefined && scale === undefined) throw new UsageError("--db needs --scale (e.g. --scale M --db pglite).");

  const workloads = values.workload === undefined ? [...WORKLOADS] : parseWorkloads(values.workload);
  const quick = values.quick ?? false;
  const duration = positiveInt("duration", values.duration, quick ? 5 : 20, 3600);
  const rate = positiveInt("rate", values.rate, 20, 200);
  const connections = positiveInt("connections", values.connections, 8, 256);
  const seed = values.seed === undefined ? null : Number(values.seed);
  if (values.seed !== undefined && (!/^\d+$/.test(values.seed) || seed! > 0xffffffff)) {
    throw new UsageError(`--seed must be an integer between 0 and ${0xffffffff}, got "${values.seed}".`);
  }
  const pgUrl = (values.pg ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, "");
  if (!/^postgres(ql)?:\/\/[^/]+$/.test(pgUrl)) {
    throw new UsageError(`--pg must be a postgres:// URL without a database name, got "${values.pg}".`);
  }

  const serial = values.serial ?? false;
  const flags = {
    floor: !values["no-floor"] && !serial,
    max: !values["no-max"] && !serial,
    explain: !values["no-explain"],
    scaleOut: !values["no-scale-out"] && !serial,
  };
  let targets: Target[];
  if (scale === undefined) {
    targets = [
      { scale: "L", db: "pg", ...flags },
      // The L/M latency ratio needs M on the same engine; its fixed-rate phase is enough.
      { scale: "M", db: "pg", floor: false, max: false, explain: false, scaleOut: false },
      { scale: "M", db: "pglite", floor: false, max: flags.max, explain: false, scaleOut: false },
    ];
  } else {
    const kind: DbKind = db === "pglite" ? "pglite" : "pg";
    const onPg = kind === "pg";
    targets = [{ scale, db: kind, floor: flags.floor && onPg, max: flags.max, explain: flags.explain && onPg, scaleOut: flags.scaleOut && onPg }];
  }

  return {
    targets,
    workloads,
    duration,
    warmup: quick ? 0 : 3,
    rate,
    connections,
    fresh: values.fresh ?? false,
    quick,
    serial,
    pgUrl,
    seed,
    outDir: values.out ?? "bench/results",
    help: values.help ?? false,
  };
}

function parseWorkloads(text: string): WorkloadId[] {
  const list = text
    .split(",")
    .map((w) => w.trim().toUpperCase())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError("--workload needs at least one of W1, W2, W3, W4.");
  for (const w of list) {
    if (!(WORKLOADS as readonly string[]).includes(w)) throw new UsageError(`--workload: unknown workload "${w}" (use W1, W2, W3, W4).`);
  }
  return WORKLOADS.filter((w) => list.includes(w));
}
