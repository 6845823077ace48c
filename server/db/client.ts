import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Config } from "../config.js";
import { countStatement } from "./statements.js";
import * as schema from "./tables/index.js";

export type Schema = typeof schema;
/** One Drizzle type for both drivers: services never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  pool?: pg.Pool;
}

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");
export const pgliteExtensions = { citext, pg_trgm, unaccent };

const logger = { logQuery: () => countStatement() };

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    migrate: async () => {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
      // PGlite learns array types (citext[] and the like) when it opens; a migration that
      // adds a type or extension is not known to its parser until it is told to look again.
      await client.refreshArrayTypes();
    },
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}

export async function openDatabase(config: Config["database"]): Promise<Database> {
  if (config.kind === "pglite") {
    mkdirSync(config.dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir: resolve(config.dataDir), extensions: pgliteExtensions });
    return wrapPglite(client);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax,
    // One slow query must not hold a connection (and the pool) hostage. JIT off: the
    // briefing and search statements cost enough to trigger it, and compiling them
    // took 0.3–4 s against 0.1–0.3 s of execution (docs/performance.md).
    options: "-c statement_timeout=15000 -c idle_in_transaction_session_timeout=30000 -c jit=off",
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection can be closed by the server (restart, failover, admin
  // command). pg reports that on the pool; unhandled, it would end the process.
  // The pool drops the broken client and opens a new one on the next query.
  pool.on("error", (err) => {
    console.warn(`PostgreSQL pool: idle connection closed (${err.message})`);
  });
  const db = drizzlePg({ client: pool, schema, logger }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    pool,
    migrate: () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/** Rows of a hand-written query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
