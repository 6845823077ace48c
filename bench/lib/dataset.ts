import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { hashPassword } from "../../server/auth/passwords.js";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../../server/db/client.js";
import {
  DEFAULT_SEED,
  GENERATED_PASSWORD,
  consoleProgress,
  datasetIdentity,
  generateDataset,
  isLoaded,
  loadDataset,
} from "../../seeds/generate/index.js";
import type { DbKind, ScaleId } from "./options.js";
import { type BenchSql, databaseUrl, openPg, openPglite } from "./sql.js";

// The benchmark databases: the generator's tier loaded once and reused. A
// database is "the same" when it holds the generator's marker member for this
// tier and seed (the load is one transaction, so the marker means complete).
// A PostgreSQL database is vacuumed once after loading (index-only scans need
// the visibility map); a database comment records that.

export interface DatasetLocation {
  scale: ScaleId;
  db: DbKind;
  seed: number;
  /** The PostgreSQL URL (pg) or the PGlite data directory (pglite). */
  url: string | null;
  dataDir: string | null;
  label: string;
}

export interface PreparedDataset extends DatasetLocation {
  loadedNow: boolean;
  loadSeconds: number;
  rows: { people: number; organisations: number; interactions: number; members: number; users: number };
}

export function locate(scale: ScaleId, db: DbKind, seed: number | null, pgServer: string): DatasetLocation {
  const s = seed ?? DEFAULT_SEED;
  const suffix = s === DEFAULT_SEED ? "" : `_s${s}`;
  const label = datasetIdentity({ scale, seed: s }).label;
  if (db === "pg") {
    return { scale, db, seed: s, url: databaseUrl(pgServer, `entente_bench_${scale.toLowerCase()}${suffix}`), dataDir: null, label };
  }
  return { scale, db, seed: s, url: null, dataDir: resolve(`.bench-data/pglite-${scale}${suffix}`), label };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function ensurePgDatabase(pgServer: string, url: string, fresh: boolean): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = openPg(databaseUrl(pgServer, "postgres"), 1);
  try {
    const [row] = await admin.query<{ present: boolean }>("select exists (select 1 from pg_database where datname = $1) as present", [name]);
    if (row?.present && fresh) {
      console.error(`Dropping ${name} (--fresh)`);
      await admin.query(`drop database ${quoteIdent(name)} with (force)`);
    }
    if (!row?.present || fresh) await admin.query(`create database ${quoteIdent(name)}`);
  } finally {
    await admin.close();
  }
}

const BENCH_COMMENT = "entente-bench";

export async function prepareDataset(location: DatasetLocation, fresh: boolean, pgServer: string): Promise<PreparedDataset> {
  const started = Date.now();
  if (location.db === "pg") await ensurePgDatabase(pgServer, location.url!, fresh);
  else if (fresh) await rm(location.dataDir!, { recursive: true, force: true });

  const config = location.db === "pg" ? ({ kind: "postgres", url: location.url!, poolMax: 4 } as const) : ({ kind: "pglite", dataDir: location.dataDir! } as const);
  const database = await openDatabase(config);
  let loadedNow = false;
  try {
    await database.migrate();
    const identity = datasetIdentity({ scale: location.scale, seed: location.seed });
    if (!(await isLoaded(database, identity.markerMemberId))) {
      const [others] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from members`);
      if ((others?.n ?? 0) > 0) {
        throw new Error(
          `${location.url ?? location.dataDir} holds other data than ${identity.label}; run with --fresh to reload it for the benchmark.`,
        );
      }
      const progress = consoleProgress();
      const { world, tables } = generateDataset({ scale: location.scale, seed: location.seed, passwordHash: await hashPassword(GENERATED_PASSWORD) });
      progress.note(`Loading ${world.label} into ${location.db === "pg" ? location.url : location.dataDir} (once; later runs reuse it)`);
      await loadDataset(database, world, tables, { progress });
      loadedNow = true;
    }
  } finally {
    await database.close();
  }

  const bench = await openDataset(location);
  try {
    if (location.db === "pg") await vacuumOnce(bench, location);
    const [rows] = await bench.query<PreparedDataset["rows"]>(
      `select (select count(*) from people)::int as people, (select count(*) from organisations)::int as organisations,
        (select count(*) from interactions)::int as interactions, (select count(*) from members)::int as members,
        (select count(*) from users)::int as users`,
    );
    return { ...location, loadedNow, loadSeconds: (Date.now() - started) / 1000, rows: rows! };
  } finally {
    await bench.close();
  }
}

/** VACUUM ANALYZE after the load, once: the comment on the database remembers it. */
async function vacuumOnce(sql: BenchSql, location: DatasetLocation): Promise<void> {
  const [row] = await sql.query<{ comment: string | null }>("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()");
  const marker = `${BENCH_COMMENT}: ${location.label} vacuumed`;
  if (row?.comment === marker) return;
  console.error(`VACUUM ANALYZE of the freshly loaded ${location.label} (once)…`);
  const started = Date.now();
  await sql.query("vacuum (analyze)");
  const name = new URL(location.url!).pathname.slice(1);
  await sql.query(`comment on database ${quoteIdent(name)} is '${marker.replace(/'/g, "''")}'`);
  console.error(`  done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

export function openDataset(location: DatasetLocation): Promise<BenchSql> | BenchSql {
  return location.db === "pg" ? openPg(location.url!, 2) : openPglite(location.dataDir!);
}
