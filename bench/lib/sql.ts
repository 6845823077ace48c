import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { pgliteExtensions } from "../../server/db/client.js";

// The harness's own database access, for picking fixtures and capturing plans:
// plain parameterised SQL on PostgreSQL (pg) or PGlite, nothing from the app.

export interface BenchSql {
  kind: "pg" | "pglite";
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function openPg(url: string, max = 2): BenchSql {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {
    // An idle connection closed by the server: the pool replaces it on the next query.
  });
  return {
    kind: "pg",
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    close: () => pool.end(),
  };
}

export async function openPglite(dataDir: string): Promise<BenchSql> {
  const client = await PGlite.create({ dataDir, extensions: pgliteExtensions });
  return {
    kind: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    close: () => client.close(),
  };
}

/** postgres://host:port + database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  return `${serverUrl}/${database}`;
}
