import type { ChildServer } from "./processes.js";
import type { BenchSql } from "./sql.js";

// Between phases the servers must be idle: a phase that ends while the
// database is still working through slow requests (autocannon closes its
// connections; PostgreSQL finishes the statements anyway) would slow the next
// phase down and its numbers would belong to the previous one. On PostgreSQL:
// no statement running in the benchmark database. On PGlite (one process,
// queries queued): the readiness probe, which queues behind them, answers fast.

const POLL_MS = 250;

export async function drain(servers: ChildServer[], sql: BenchSql | null, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() - started > timeoutMs) throw new Error(`the servers were still busy ${timeoutMs / 1000} s after the phase ended`);
    quiet = (await idle(servers, sql)) ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return Date.now() - started;
}

async function idle(servers: ChildServer[], sql: BenchSql | null): Promise<boolean> {
  if (sql?.kind === "pg") {
    const [row] = await sql.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()`,
    );
    return row?.n === 0;
  }
  for (const server of servers) {
    const started = performance.now();
    const res = await fetch(`${server.url}/readyz`).catch(() => null);
    if (!res?.ok || performance.now() - started > 50) return false;
  }
  return true;
}
