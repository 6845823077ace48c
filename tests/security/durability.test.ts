import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { hashRefreshToken, newRefreshToken, signAccessToken } from "../../server/auth/tokens.js";
import { parseConfig } from "../../server/config.js";
import { type Database, openDatabase, queryRows } from "../../server/db/client.js";
import { members, organisations, refreshTokens, users } from "../../server/db/tables/index.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import { adminQuery, uniqueName, withDatabase } from "../support/databases.js";

// Kill the server with SIGKILL in the middle of a stream of writes, then check
// that every write is whole or absent: a person with all its affiliations and
// its audit event, or nothing at all.

const SECRET = "durability-test-signing-key-0123456789abcdef";
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function prepare(database: Database) {
  await database.migrate();
  const db = database.db;
  const [member] = await db.insert(members).values({ name: "Durable Member", kind: "COUNCIL" }).returning();
  const [user] = await db.insert(users).values({ email: "durable@test.example", name: "D", passwordHash: "x", memberId: member!.id, role: "EDITOR" }).returning();
  const orgs = await db
    .insert(organisations)
    .values([1, 2, 3].map((i) => ({ name: `Org ${i}`, kind: "COMPANY" as const, ownerMemberId: member!.id })))
    .returning();
  const familyId = randomUUID();
  await db.insert(refreshTokens).values({ userId: user!.id, familyId, tokenHash: hashRefreshToken(newRefreshToken()), expiresAt: new Date(Date.now() + 86_400_000) });
  const config = parseConfig({ JWT_SECRET: SECRET });
  return { token: signAccessToken(config.jwt, user!.id, familyId), orgIds: orgs.map((o) => toGlobalId("Organisation", o.id)) };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", JWT_SECRET: SECRET, DEMO_DATA: "false", LOG_LEVEL: "warn", NODE_OPTIONS: "" },
    stdio: "ignore",
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become ready");
}

async function writeUntilKilled(url: string, token: string, orgIds: string[], child: ChildProcess) {
  let acknowledged = 0;
  let stop = false;
  const mutation = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
  const worker = async () => {
    while (!stop) {
      try {
        const res = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: mutation,
            variables: { input: { fullName: `Durable ${randomUUID()}`, affiliations: orgIds.map((organisationId) => ({ organisationId })) } },
          }),
        });
        const body = (await res.json()) as { data?: { createPerson?: { id: string } } };
        if (body.data?.createPerson) acknowledged++;
      } catch {
        return; // the server is gone
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  // Let writes get going, then kill without warning while requests are in flight.
  while (acknowledged < 20) await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  stop = true;
  await Promise.all(workers);
  return acknowledged;
}

async function assertWholeOrAbsent(database: Database, acknowledged: number) {
  const halfPeople = await queryRows<{ n: number }>(database.db, sql`
    select count(*)::int as n from people p
    where (select count(*) from affiliations a where a.person_id = p.id) <> 3
       or not exists (select 1 from audit_events e where e.record_id = p.id and e.action = 'create')`);
  const orphanAudits = await queryRows<{ n: number }>(database.db, sql`
    select count(*)::int as n from audit_events e
    where e.record_type = 'Person' and not exists (select 1 from people p where p.id = e.record_id)`);
  const [stored] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from people`);
  expect(halfPeople[0]?.n).toBe(0);
  expect(orphanAudits[0]?.n).toBe(0);
  // Every acknowledged write survived the crash.
  expect(stored!.n).toBeGreaterThanOrEqual(acknowledged);
}

describe("SIGKILL during writes", () => {
  const pgUrl = process.env.DATABASE_URL;
  // Each database in its own pass of the suite: PGlite in `npm test`, PostgreSQL with DATABASE_URL.
  if (!pgUrl) it("embedded PGlite: every write is whole or absent after restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "entente-durability-"));
    try {
      let database = await openDatabase({ kind: "pglite", dataDir: dir });
      const { token, orgIds } = await prepare(database);
      await database.close();
      const { child, url } = await startServer({ DATA_DIR: dir, DATABASE_URL: "" });
      const acknowledged = await writeUntilKilled(url, token, orgIds, child);
      // Restart on the same folder: recovery must succeed and find no half-writes.
      const again = await startServer({ DATA_DIR: dir, DATABASE_URL: "" });
      again.child.kill("SIGTERM");
      await new Promise((r) => again.child.once("exit", r));
      database = await openDatabase({ kind: "pglite", dataDir: dir });
      await assertWholeOrAbsent(database, acknowledged);
      await database.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);

  if (pgUrl) it("PostgreSQL: every write is whole or absent", async () => {
    const name = uniqueName("entente_durability");
    await adminQuery(pgUrl!, `create database ${name}`);
    const url = withDatabase(pgUrl!, name);
    try {
      const database = await openDatabase({ kind: "postgres", url, poolMax: 2 });
      const { token, orgIds } = await prepare(database);
      const { child, url: api } = await startServer({ DATABASE_URL: url });
      const acknowledged = await writeUntilKilled(api, token, orgIds, child);
      await assertWholeOrAbsent(database, acknowledged);
      await database.close();
    } finally {
      await adminQuery(pgUrl!, `drop database if exists ${name} with (force)`);
    }
  }, 240_000);
});
