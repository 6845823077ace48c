// Plain JS: Jest loads global setup outside its TypeScript transform.
// Migrates once per run; each test file then starts from a copy (tests/support/databases.ts).
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

const migrationsFolder = new URL("../../server/db/migrations", import.meta.url).pathname;
const unique = (prefix) => `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;

export async function adminQuery(url, text) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = unique("entente_tpl");
    await adminQuery(url, `create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
    await migratePg(drizzlePg({ client: pool }), { migrationsFolder });
    await pool.end();
    process.env.ENTENTE_TEST_PG_TEMPLATE = name;
    return;
  }
  const client = await PGlite.create({ extensions: { citext, pg_trgm, unaccent } });
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  const file = join(tmpdir(), `${unique("entente_pglite_template")}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  process.env.ENTENTE_TEST_PGLITE_TEMPLATE = file;
}
