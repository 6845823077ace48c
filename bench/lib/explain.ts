import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { createApp } from "../../server/app.js";
import { parseConfig } from "../../server/config.js";
import type { Database, Db } from "../../server/db/client.js";
import * as schema from "../../server/db/tables/index.js";
import { createLogger } from "../../server/logger.js";
import type { BenchRequest, Scenario } from "../workloads/types.js";
import { JWT_SECRET } from "./processes.js";

// The plans of what each workload really runs: the app is started in this
// process on a Drizzle instance whose logger records every statement and its
// parameters; one request per scenario (the slowest of the preflight) is sent,
// and each recorded read statement is run again under
// EXPLAIN (ANALYZE, BUFFERS). Writes are listed but not replayed (replaying
// an insert would conflict with the rows the request just wrote).

export interface PlannedStatement {
  index: number;
  /** The statement's first and last words, for the report. */
  summary: string;
  sql: string;
  executionMs: number;
  planningMs: number;
  plan: string;
  /** In the Markdown report (the slowest few); every plan is in the JSON. */
  shown: boolean;
  note?: string;
}

export interface PlanCapture {
  scenario: string;
  /** The request whose statements these are (the slowest of the preflight). */
  variables: Record<string, unknown>;
  statements: PlannedStatement[];
}

const SHOWN_PER_SCENARIO = 3;

export async function capturePlans(url: string, scenarios: Scenario[], pick: Map<string, number> = new Map()): Promise<PlanCapture[]> {
  // The app's session settings (server/db/client.ts), so the plans are the ones it gets.
  const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c jit=off" });
  let captured: { text: string; params: unknown[] }[] = [];
  const db = drizzle({ client: pool, schema, logger: { logQuery: (text, params) => captured.push({ text, params }) } }) as unknown as Db;
  const database: Database = {
    kind: "postgres",
    db,
    pool,
    migrate: async () => {},
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
  const config = parseConfig({ NODE_ENV: "production", JWT_SECRET, LOG_LEVEL: "silent", DATABASE_URL: url });
  const httpServer = createServer();
  const app = await createApp({ config, database, logger: createLogger("silent"), httpServer });
  httpServer.on("request", app.express);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

  const out: PlanCapture[] = [];
  try {
    for (const scenario of scenarios) {
      const request: BenchRequest = scenario.pool ? scenario.pool[pick.get(scenario.name) ?? 0]! : scenario.request(3_000_000);
      captured = [];
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${request.viewer.token}` },
        body: JSON.stringify({ query: scenario.document, variables: request.variables }),
      });
      await res.text();
      const statements = captured;
      const planned: PlannedStatement[] = [];
      for (const [index, s] of statements.entries()) planned.push(await explain(pool, index, s.text, s.params));
      const slowest = [...planned].sort((a, b) => b.executionMs - a.executionMs).slice(0, SHOWN_PER_SCENARIO);
      for (const p of slowest) if (p.executionMs > 0.5) p.shown = true;
      out.push({ scenario: scenario.name, variables: request.variables, statements: planned });
    }
  } finally {
    await app.stop();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await pool.end();
  }
  return out;
}

const WRITE = /\b(insert\s+into|update\s+\S+\s+set|delete\s+from)\b/i;

async function explain(pool: pg.Pool, index: number, text: string, params: unknown[]): Promise<PlannedStatement> {
  // Head and tail: statements sharing CTEs start alike; the end (order by, limit) tells them apart.
  const flat = text.replace(/\s+/g, " ").trim();
  const summary = flat.length <= 150 ? flat : `${flat.slice(0, 50)} … ${flat.slice(-95)}`;
  const base = { index, summary, sql: text, shown: false };
  if (WRITE.test(text)) return { ...base, executionMs: 0, planningMs: 0, plan: "", note: "a write: not replayed" };
  try {
    const rows = (await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${text}`, params)).rows;
    // Id arrays passed as parameters appear in the plan as literals: shortened, or one
    // briefing's plan would be megabytes of uuids.
    const plan = rows
      .map((r) => r["QUERY PLAN"])
      .join("\n")
      .replace(/'\{([^']{120,})\}'/g, (_m, list: string) => `'{… ${list.split(",").length} values …}'`);
    const number = (label: string) => Number(new RegExp(`${label}: ([\\d.]+) ms`).exec(plan)?.[1] ?? "NaN");
    return { ...base, executionMs: number("Execution Time"), planningMs: number("Planning Time"), plan };
  } catch (error) {
    return { ...base, executionMs: 0, planningMs: 0, plan: "", note: `not explained: ${error instanceof Error ? error.message : String(error)}` };
  }
}
