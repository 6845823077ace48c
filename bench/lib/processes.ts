import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { ResourceSample } from "./stats.js";

// Server processes under test: the real Entente server (server/main.ts, the
// production entry point) and the floor (bench/floor/server.ts), each a child
// process on its own port, so the harness's own CPU never counts as theirs.
// Every child is stopped when the harness exits, however it exits.

export const JWT_SECRET = "entente-benchmark-signing-key-not-a-real-secret-0001";
/** Generated users' sessions last the whole run (the default is 15 minutes). */
const TOKEN_TTL_SECONDS = "86400";
/** Sampling interval of the event-loop delay histogram, in ms (prom-client's precision setting in the app). */
export const EVENT_LOOP_RESOLUTION_MS = 20;

export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Resource samples (RSS, event-loop delay, CPU) while `sample` runs. */
  sample(intervalMs?: number): { stop(): Promise<ResourceSample[]> };
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
function killAll() {
  for (const child of running) child.kill("SIGKILL");
}
process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

export type EntenteDatabase = { kind: "pg"; url: string; poolMax?: number } | { kind: "pglite"; dataDir: string };

export function startEntente(name: string, port: number, database: EntenteDatabase): Promise<ChildServer> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    JWT_SECRET,
    ACCESS_TOKEN_TTL_SECONDS: TOKEN_TTL_SECONDS,
    LOG_LEVEL: "warn",
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO_DATA: "false",
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (database.kind === "pg") {
    env.DATABASE_URL = database.url;
    if (database.poolMax) env.DATABASE_POOL_MAX = String(database.poolMax);
  } else {
    env.DATA_DIR = database.dataDir;
  }
  return launch(name, ["--import", "tsx", "server/main.ts"], env, `http://127.0.0.1:${port}`, "/readyz", "/metrics");
}

export function startFloor(port: number, databaseUrl: string): Promise<ChildServer> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    FLOOR_DATABASE_URL: databaseUrl,
    FLOOR_PORT: String(port),
    JWT_SECRET,
  };
  return launch("floor", ["--import", "tsx", "bench/floor/server.ts"], env, `http://127.0.0.1:${port}`, "/floor/ready", "/floor/stats");
}

async function launch(name: string, args: string[], env: Record<string, string>, url: string, readyPath: string, statsPath: string): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      running.delete(child);
      resolve();
    });
  });

  // Migrations on a large database can take a while the first time.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) before it was ready:\n${tail.join("\n")}`);
    try {
      const res = await fetch(`${url}${readyPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} was not ready after 300 s:\n${tail.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    name,
    url,
    pid: child.pid!,
    sample: (intervalMs = 1000) => sampler(url, statsPath, intervalMs),
    async stop() {
      if (exited !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Reads /metrics (Prometheus text) or the floor's JSON stats every interval. */
function sampler(url: string, path: string, intervalMs: number): { stop(): Promise<ResourceSample[]> } {
  const samples: ResourceSample[] = [];
  const started = Date.now();
  let stopped = false;
  const take = async () => {
    try {
      const res = await fetch(`${url}${path}`);
      const text = await res.text();
      samples.push({ at: Date.now() - started, ...(path.endsWith("/metrics") ? parsePrometheus(text) : parseFloorStats(text)) });
    } catch {
      // a missed sample is not a failure of the server under test
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await take();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    await take();
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
  };
}

/** Excess delay over the sampling interval, in ms (the histogram records whole intervals). */
const excess = (seconds: number) => Math.max(0, seconds * 1000 - EVENT_LOOP_RESOLUTION_MS);

export function parsePrometheus(text: string): Omit<ResourceSample, "at"> {
  const value = (metric: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${metric} `));
    return line ? Number(line.slice(metric.length + 1)) : Number.NaN;
  };
  return {
    rssBytes: value("process_resident_memory_bytes"),
    eventLoopP99Ms: excess(value("nodejs_eventloop_lag_p99_seconds")),
    eventLoopMaxMs: excess(value("nodejs_eventloop_lag_max_seconds")),
    cpuSeconds: value("process_cpu_seconds_total"),
  };
}

function parseFloorStats(text: string): Omit<ResourceSample, "at"> {
  const s = JSON.parse(text) as { rssBytes: number; eventLoopP99Seconds: number; eventLoopMaxSeconds: number; cpuSeconds: number };
  return {
    rssBytes: s.rssBytes,
    eventLoopP99Ms: excess(s.eventLoopP99Seconds),
    eventLoopMaxMs: excess(s.eventLoopMaxSeconds),
    cpuSeconds: s.cpuSeconds,
  };
}

/** The machine, for the report: CPU model and count, memory, versions, load. */
export async function machine(pgVersion: string | null): Promise<Record<string, string>> {
  const os = await import("node:os");
  const cpuinfo = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  return {
    cpu: `${os.cpus().length} × ${model}`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    postgresql: pgVersion ?? "not used",
    os: `${os.type()} ${os.release()}`,
  };
}

export async function loadAverage(): Promise<[number, number, number]> {
  const os = await import("node:os");
  const [a, b, c] = os.loadavg();
  return [a!, b!, c!];
}
