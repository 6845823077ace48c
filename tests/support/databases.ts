import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase, pgliteExtensions, wrapPglite } from "../../server/db/client.js";

// Every test file gets its own database: an in-memory PGlite loaded from a
// migrated template (npm test), or a fresh PostgreSQL database cloned from a
// migrated template database (DATABASE_URL=… npm test), dropped afterwards.

export const TEMPLATE_FILE_ENV = "ENTENTE_TEST_PGLITE_TEMPLATE";
export const TEMPLATE_DB_ENV = "ENTENTE_TEST_PG_TEMPLATE";

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = process.env[TEMPLATE_DB_ENV];
    if (!template) throw new Error("the PostgreSQL template database was not prepared by global setup");
    const name = uniqueName("entente_test");
    await adminQuery(url, `create database ${name} template ${template}`);
    const database = await openDatabase({ kind: "postgres", url: withDatabase(url, name), poolMax: 5 });
    return {
      database,
      async drop() {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const file = process.env[TEMPLATE_FILE_ENV];
  if (!file) throw new Error("the PGlite template was not prepared by global setup");
  const client = await PGlite.create({
    loadDataDir: new Blob([await readFile(file)]),
    extensions: pgliteExtensions,
  });
  const database = wrapPglite(client);
  return { database, drop: () => database.close() };
}
