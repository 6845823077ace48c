import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { generateDataset, writeCsv } from "../../seeds/generate/index.js";
import { queryRows } from "../../server/db/client.js";
import { type Actor, gid, makeActor } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { type JobResult, runImport, suggested, uploadOk } from "./helpers.js";

// The issue's "done when", at the generator's S scale, through the HTTP API as a member's admin
// would: import the generated CSVs with a dry run first, apply, re-import with zero changes,
// export the member's data, answer a subject access request, and erase a person so that nothing
// of them can be found afterwards. (scripts/measure-import.mjs runs the same flow at M scale.)

const FILES = [
  { entity: "ORGANISATIONS", file: "organisations.csv", table: "organisations" },
  { entity: "PEOPLE", file: "people.csv", table: "people" },
  { entity: "INTERACTIONS", file: "interactions.csv", table: "interactions" },
  { entity: "INTERACTION_PARTICIPANTS", file: "interaction_people.csv", table: "interaction_people" },
] as const;

let server: TestServer;
let admin: Actor;
let dir: string;
const csv: Record<string, string> = {};
const rows: Record<string, Record<string, string>[]> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "entente-flow-"));
  const { tables } = generateDataset({ scale: "S", passwordHash: "unused" });
  await writeCsv(tables, dir);
  for (const { file } of FILES) {
    csv[file] = await readFile(join(dir, file), "utf8");
    rows[file] = parse(csv[file]!, { columns: true }) as Record<string, string>[];
  }
  server = await startTestServer();
  admin = await makeActor(server.db, server.config, "ADMIN");
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const ownedCount = async (table: string) =>
  Number(
    (
      await queryRows<{ n: string }>(
        server.db,
        table === "interaction_people"
          ? sql`select count(*) as n from interaction_people ip join interactions i on i.id = ip.interaction_id where i.owner_member_id = ${admin.member.id}`
          : sql`select count(*) as n from ${sql.identifier(table)} where owner_member_id = ${admin.member.id}`,
      )
    )[0]!.n,
  );

async function importFile(entity: string, file: string, dryRun: boolean, options?: Record<string, unknown>): Promise<JobResult> {
  const jobId = await uploadOk(server, admin.token, entity, file, csv[file]!);
  return runImport(server, admin.token, jobId, await suggested(server, admin.token, jobId), dryRun, options);
}

describe("a member brings its data in, takes it out, and erases a person (generator S scale)", () => {
  it("imports the S CSVs (dry run first), re-imports with zero changes, exports, answers a SAR and erases a person without trace", async () => {
    // 1. Dry run, then apply, file by file (later files refer to earlier ones by their ids).
    for (const { entity, file, table } of FILES) {
      const expected = rows[file]!.length;
      const dry = await importFile(entity, file, true);
      expect([file, dry.status, dry.progress.rowsProcessed, dry.counts.rejected]).toEqual([file, "DRY_RUN_COMPLETE", expected, 0]);
      expect([file, await ownedCount(table)]).toEqual([file, 0]);
      // The generator's people (and organisations) who share a name are different people, each
      // with an id of their own: the dry run lists them as likely duplicates; the member creates them.
      const applied = await importFile(entity, file, false, { onDuplicate: "CREATE" });
      expect([file, applied.status, applied.counts.created, applied.counts.rejected]).toEqual([file, "COMPLETE", expected, 0]);
      expect([file, await ownedCount(table)]).toEqual([file, expected]);
    }
    // Parents given by parent_id arrived (S has none to give; M has 66, and imports.links.api.test.ts covers them).
    const withParent = rows["organisations.csv"]!.filter((o) => o.parent_id).length;
    const [parents] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from organisations where owner_member_id = ${admin.member.id} and parent_id is not null`);
    expect(Number(parents!.n)).toBe(withParent);

    // 2. Importing the same files again changes nothing.
    for (const { entity, file } of FILES) {
      const again = await importFile(entity, file, false);
      expect([file, again.counts.created, again.counts.updated, again.counts.unchanged]).toEqual([file, 0, 0, rows[file]!.length]);
    }

    // 3. The member's export holds all of it.
    const exported = await exportJson();
    for (const { file, table } of FILES) expect([table, exported.tables[table]!.length]).toEqual([table, rows[file]!.length]);

    // 4. A subject access request about a person with meetings, an email and a name found nowhere else.
    const all = FILES.map((f) => csv[f.file]!).join("\n");
    const occurrences = (needle: string) => all.split(needle).length - 1;
    const meetings = new Map<string, number>();
    for (const p of rows["interaction_people.csv"]!) meetings.set(p.person_id!, (meetings.get(p.person_id!) ?? 0) + 1);
    const subject = rows["people.csv"]!.find((p) => p.email && (meetings.get(p.id!) ?? 0) >= 2 && occurrences(p.full_name!) === 1 && occurrences(p.email) === 1)!;
    expect(subject).toBeDefined();
    const [person] = await queryRows<{ id: string }>(server.db, sql`select id from people where owner_member_id = ${admin.member.id} and external_id = ${subject.external_id!}`);
    const personId = gid("Person", person!.id);
    const sar = await server.gql<{ personDataExport: { sections: { name: string; rows: number }[]; json: string } }>(
      `query($id: ID!) { personDataExport(personId: $id) { sections { name rows } json } }`,
      { id: personId },
      admin.token,
    );
    expect(sar.errors).toBeUndefined();
    const sections = Object.fromEntries(sar.data!.personDataExport.sections.map((s) => [s.name, s.rows]));
    expect(sections.people).toBe(1);
    expect(Object.entries(sections).find(([name]) => name.includes("interaction"))?.[1]).toBe(meetings.get(subject.id!));
    expect(sar.data!.personDataExport.json).toContain(subject.email);

    // 5. Erasure: nothing of them can be found afterwards, by any path.
    const erased = await server.gql<{ erasePerson: { erased: boolean } }>(
      `mutation($id: ID!) { erasePerson(personId: $id, reason: "Erasure request") { erased } }`,
      { id: personId },
      admin.token,
    );
    expect(erased.data?.erasePerson.erased).toBe(true);
    const needles = [subject.full_name!, subject.email!];
    const texts: string[] = [];
    texts.push(JSON.stringify((await server.gql(`query($id: ID!) { node(id: $id) { id } person(id: $id) { id } }`, { id: personId }, admin.token)).data));
    for (const needle of needles) {
      const found = await server.gql<{ search: { totalCount: number; nodes: { record: { id: string } }[] } }>(
        `query($q: String!) { search(query: $q, first: 50) { totalCount nodes { record { id } } } }`,
        { q: needle },
        admin.token,
      );
      expect(found.errors).toBeUndefined();
      expect(found.data!.search.nodes.map((n) => n.record.id)).not.toContain(personId);
      texts.push(JSON.stringify(found.data));
    }
    const sarAfter = await server.gql(`query($id: ID!) { personDataExport(personId: $id) { json } }`, { id: personId }, admin.token);
    expect(sarAfter.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    texts.push(JSON.stringify(await exportJson()));
    for (const text of texts) for (const needle of needles) expect([needle, text.includes(needle)]).toEqual([needle, false]);
    // The interactions stay (counts are kept), without them.
    expect(await ownedCount("interactions")).toBe(rows["interactions.csv"]!.length);
    expect(await ownedCount("interaction_people")).toBe(rows["interaction_people.csv"]!.length - meetings.get(subject.id!)!);
    // And nowhere in the database: every column of every table, as text.
    const tables = await queryRows<{ table_name: string }>(
      server.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      for (const needle of needles) {
        const [hit] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from ${sql.identifier(table_name)} t where t::text ilike ${`%${needle}%`}`);
        expect([table_name, needle, Number(hit!.n)]).toEqual([table_name, needle, 0]);
      }
    }
  });
});

async function exportJson(): Promise<{ tables: Record<string, unknown[]> }> {
  const res = await fetch(`${server.url}/exports/member.json`, { headers: { authorization: `Bearer ${admin.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { tables: Record<string, unknown[]> };
}
