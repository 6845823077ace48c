import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { type Actor, makeActor, makeInteraction, makePerson } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { reportOf, runImport, suggested, upload, uploadOk } from "./helpers.js";

// Files that refer to each other by their own ids (another system's export, or the generator's
// CSVs): organisations' parent_id, and interaction participants (interaction_people.csv).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

// The generator's shape: an id column other files refer to, plus an external id.
const ORGS = [
  "id,name,kind,parent_id,external_id",
  "aaaaaaaa-0000-4000-8000-000000000001,Aichi Holdings,COMPANY,,O1",
  "aaaaaaaa-0000-4000-8000-000000000002,Aichi Holdings Europe,COMPANY,aaaaaaaa-0000-4000-8000-000000000001,O2",
  "aaaaaaaa-0000-4000-8000-000000000003,Aichi Holdings UK,COMPANY,aaaaaaaa-0000-4000-8000-000000000002,O3",
].join("\n");
const PEOPLE = ["id,full_name,external_id", "bbbbbbbb-0000-4000-8000-000000000001,Keiko Mori,P1", "bbbbbbbb-0000-4000-8000-000000000002,Lars Berg,P2", "bbbbbbbb-0000-4000-8000-000000000003,Ana Souza,P3"].join("\n");
const INTERACTIONS = [
  "id,occurred_at,kind,subject,external_id",
  "cccccccc-0000-4000-8000-000000000001,2026-02-22T09:30:00Z,MEETING,Hydrogen buses,I1",
  "cccccccc-0000-4000-8000-000000000002,2026-02-23T10:00:00Z,CALL,Follow-up,I2",
].join("\n");
const PARTICIPANTS = [
  "interaction_id,person_id",
  "cccccccc-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000001",
  "cccccccc-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000002",
  "cccccccc-0000-4000-8000-000000000002,bbbbbbbb-0000-4000-8000-000000000001",
  "cccccccc-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000002", // the same pair again
  "cccccccc-0000-4000-8000-000000000002,bbbbbbbb-0000-4000-8000-000000000999", // nobody of ours
  "I2,P3", // by external ids
].join("\n");

async function importFile(actor: Actor, entity: string, csv: string, dryRun = false) {
  const jobId = await uploadOk(server, actor.token, entity, `${entity.toLowerCase()}.csv`, csv);
  const job = await runImport(server, actor.token, jobId, await suggested(server, actor.token, jobId), dryRun);
  return { jobId, job };
}

async function importAll(actor: Actor) {
  for (const [entity, csv] of [
    ["ORGANISATIONS", ORGS],
    ["PEOPLE", PEOPLE],
    ["INTERACTIONS", INTERACTIONS],
  ] as const) {
    const { job } = await importFile(actor, entity, csv);
    expect([entity, job.status, job.counts.rejected]).toEqual([entity, "COMPLETE", 0]);
  }
}

const participantsOf = (actor: Actor) =>
  queryRows<{ interaction: string; person: string }>(
    server.db,
    sql`select i.external_id as interaction, p.external_id as person
        from interaction_people ip join interactions i on i.id = ip.interaction_id join people p on p.id = ip.person_id
        where i.owner_member_id = ${actor.member.id} order by 1, 2`,
  );

describe("references by the file's own ids", () => {
  it("suggests the id column as the id in the file, parent_id as the parent, and the participant columns", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const orgs = await uploadOk(server, actor.token, "ORGANISATIONS", "o.csv", ORGS);
    expect(await suggested(server, actor.token, orgs)).toEqual(
      expect.arrayContaining([
        { column: "id", field: "sourceId" },
        { column: "parent_id", field: "parent" },
        { column: "external_id", field: "externalId" },
      ]),
    );
    // Without an external id column, "id" is the external id.
    const plain = await uploadOk(server, actor.token, "PEOPLE", "p.csv", "id,full_name\nX1,Jo Bloggs\n");
    expect(await suggested(server, actor.token, plain)).toEqual([
      { column: "id", field: "externalId" },
      { column: "full_name", field: "fullName" },
    ]);
    const links = await uploadOk(server, actor.token, "INTERACTION_PARTICIPANTS", "ip.csv", PARTICIPANTS);
    expect(await suggested(server, actor.token, links)).toEqual([
      { column: "interaction_id", field: "interaction" },
      { column: "person_id", field: "person" },
    ]);
  });

  it("imports organisations' parents given by parent_id, in the same file and from a later one; re-importing changes nothing", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const dry = await importFile(actor, "ORGANISATIONS", ORGS, true);
    expect(dry.job.counts).toMatchObject({ created: 3, warnings: 0, rejected: 0 });
    const { job } = await importFile(actor, "ORGANISATIONS", ORGS);
    expect(job.counts).toMatchObject({ created: 3, warnings: 0 });
    // A later file names a parent from the first one by its id in that file.
    const later = "id,name,parent_id,external_id\naaaaaaaa-0000-4000-8000-000000000004,Aichi Holdings France,aaaaaaaa-0000-4000-8000-000000000002,O4";
    expect((await importFile(actor, "ORGANISATIONS", later)).job.counts).toMatchObject({ created: 1, warnings: 0 });
    const parents = await queryRows<{ child: string; parent: string | null }>(
      server.db,
      sql`select o.external_id as child, p.external_id as parent from organisations o left join organisations p on p.id = o.parent_id
          where o.owner_member_id = ${actor.member.id} order by 1`,
    );
    expect(parents).toEqual([
      { child: "O1", parent: null },
      { child: "O2", parent: "O1" },
      { child: "O3", parent: "O2" },
      { child: "O4", parent: "O2" },
    ]);
    const again = await importFile(actor, "ORGANISATIONS", ORGS);
    expect(again.job.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("matches a row without an external id by its id in the file on re-import", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const csv = "source_id,full_name\nS-1,Maria Rossi\nS-2,Jan Kowalski";
    expect((await importFile(actor, "PEOPLE", csv)).job.counts).toMatchObject({ created: 2 });
    const changed = "source_id,full_name,external_id\nS-1,Maria Rossi-Bianchi,EXT-1\nS-2,Jan Kowalski,";
    const { jobId, job } = await importFile(actor, "PEOPLE", changed);
    expect(job.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await reportOf(server, actor.token, jobId, "UPDATED"))[0]).toMatchObject({ rowNumber: 2, changedFields: ["fullName", "externalId"] });
    const [maria] = await queryRows<{ external_id: string; version: number }>(
      server.db,
      sql`select external_id, version from people where owner_member_id = ${actor.member.id} and full_name like 'Maria%'`,
    );
    expect(maria).toEqual({ external_id: "EXT-1", version: 2 });
    // The same id twice in one file: the later row is rejected, naming the column.
    const twice = await importFile(actor, "PEOPLE", "source_id,full_name\nS-3,A One\nS-3,A Two");
    expect(twice.job.counts).toMatchObject({ created: 1, rejected: 1 });
    expect((await reportOf(server, actor.token, twice.jobId, "REJECTED"))[0]!.problems[0]).toMatchObject({ column: "source_id", field: "sourceId", message: "the same id is already on row 2" });
  });
});

describe("INTERACTION_PARTICIPANTS", () => {
  it("requires authentication and the EDITOR role to upload", async () => {
    expect((await upload(server, null, "INTERACTION_PARTICIPANTS", "ip.csv", PARTICIPANTS)).status).toBe(401);
    const viewer = await makeActor(server.db, server.config, "VIEWER");
    expect((await upload(server, viewer.token, "INTERACTION_PARTICIPANTS", "ip.csv", PARTICIPANTS)).status).toBe(403);
  });

  it("dry run reports each row and writes nothing; import adds the participants, versioned and audited; re-import changes nothing", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    await importAll(actor);
    const versions = async () =>
      (await queryRows<{ v: number }>(server.db, sql`select sum(version)::int as v from interactions where owner_member_id = ${actor.member.id}`))[0]!.v;
    const before = await versions();

    const dry = await importFile(actor, "INTERACTION_PARTICIPANTS", PARTICIPANTS, true);
    expect(dry.job).toMatchObject({ status: "DRY_RUN_COMPLETE", counts: { created: 4, duplicates: 1, rejected: 1, unchanged: 0 } });
    expect(await participantsOf(actor)).toEqual([]);
    expect(await versions()).toBe(before);

    const { jobId, job } = await importFile(actor, "INTERACTION_PARTICIPANTS", PARTICIPANTS);
    expect(job.counts).toMatchObject({ created: 4, duplicates: 1, rejected: 1 });
    const report = await reportOf(server, actor.token, jobId);
    const byRow = Object.fromEntries(report.map((r) => [r.rowNumber, r]));
    expect(byRow[2]).toMatchObject({ status: "CREATED", changedFields: ["participants"] });
    expect(byRow[5]).toMatchObject({ status: "DUPLICATE", duplicateOfRow: 3 });
    expect(byRow[6]).toMatchObject({ status: "REJECTED", problems: [{ column: "person_id", field: "person", message: "no person of yours has this external id or id", severity: "ERROR" }] });
    expect(await participantsOf(actor)).toEqual([
      { interaction: "I1", person: "P1" },
      { interaction: "I1", person: "P2" },
      { interaction: "I2", person: "P1" },
      { interaction: "I2", person: "P3" },
    ]);
    // Each interaction gets one new version and one audit event per batch, naming who was added.
    expect(await versions()).toBe(before + 2);
    const audit = await queryRows<{ changes: { participants: { added: string[] } } }>(
      server.db,
      sql`select changes from audit_events where request_id = ${`import:${(await queryRows<{ id: string }>(server.db, sql`select id from import_jobs where member_id = ${actor.member.id} and entity = 'INTERACTION_PARTICIPANTS' and status = 'COMPLETE'`))[0]!.id}`}`,
    );
    expect(audit.map((a) => a.changes.participants.added.length).sort()).toEqual([2, 2]);

    const again = await importFile(actor, "INTERACTION_PARTICIPANTS", PARTICIPANTS);
    expect(again.job.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4, duplicates: 1, rejected: 1 });
    expect(await versions()).toBe(before + 2);
  });

  it("links only the importer's own records: another member's interaction or person reads as missing", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const other = await makeActor(server.db, server.config, "EDITOR");
    await importAll(actor);
    // The other member imports the same files: its records get ids of their own.
    await importAll(other);
    const theirPerson = await makePerson(server.db, other, { fullName: "Hidden Person", visibility: "NETWORK", externalId: "HP" });
    const theirInteraction = await makeInteraction(server.db, other, { subject: "Their meeting", externalId: "TI" });
    const csv = [
      "interaction,person",
      `I1,${theirPerson.id}`, // another member's person, by Entente id
      `${theirInteraction.id},P1`, // another member's interaction
      "I1,HP", // an external id that only the other member uses
      "I404,P1", // no such interaction
    ].join("\n");
    const { jobId, job } = await importFile(actor, "INTERACTION_PARTICIPANTS", csv);
    expect(job.counts).toMatchObject({ created: 0, rejected: 4 });
    const messages = (await reportOf(server, actor.token, jobId)).map((r) => r.problems.map((p) => p.message).join("; "));
    expect(messages).toEqual([
      "no person of yours has this external id or id",
      "no interaction of yours has this external id or id",
      "no person of yours has this external id or id",
      "no interaction of yours has this external id or id",
    ]);
    // The other member's import of the same participants file links its own records only.
    expect((await importFile(other, "INTERACTION_PARTICIPANTS", PARTICIPANTS)).job.counts).toMatchObject({ created: 4 });
    expect(await participantsOf(actor)).toEqual([]);
    expect(await participantsOf(other)).toHaveLength(4);
  });

  it("a database failure part-way leaves whole batches only, says which rows, and a re-run completes", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    await importAll(actor);
    const p4 = await makePerson(server.db, actor, { fullName: "Refused Participant", externalId: "P4" });
    // A fault in the database itself: a trigger refusing one participant.
    await server.db.execute(
      sql.raw(`create or replace function test_refuse_participant() returns trigger language plpgsql as $$
        begin
          if new.person_id = '${p4.id}' then raise exception 'refused by test trigger' using errcode = 'P0001'; end if;
          return new;
        end $$`),
    );
    await server.db.execute(sql.raw(`create trigger test_refuse_participant before insert on interaction_people for each row execute function test_refuse_participant()`));
    try {
      const csv = ["interaction,person", "I1,P1", "I1,P2", "I2,P1", "I2,P4", "I2,P3"].join("\n");
      const jobId = await uploadOk(server, actor.token, "INTERACTION_PARTICIPANTS", "ip.csv", csv);
      const mapping = await suggested(server, actor.token, jobId);
      const job = await runImport(server, actor.token, jobId, mapping, false, { batchSize: 2 });
      expect(job.status).toBe("FAILED");
      expect(job.error).toMatch(/^Rows 4–5 could not be processed: the database refused the batch \(SQLSTATE P0001\)\. Nothing of those rows was written; the 2 rows before them were imported/);
      // The first batch only: its links, one version and one audit event for I1; nothing of I2.
      expect(await participantsOf(actor)).toEqual([
        { interaction: "I1", person: "P1" },
        { interaction: "I1", person: "P2" },
      ]);
      const versions = await queryRows<{ external_id: string; version: number }>(
        server.db,
        sql`select external_id, version from interactions where owner_member_id = ${actor.member.id} order by 1`,
      );
      expect(versions).toEqual([
        { external_id: "I1", version: 2 },
        { external_id: "I2", version: 1 },
      ]);
      expect((await reportOf(server, actor.token, jobId)).map((r) => r.rowNumber)).toEqual([2, 3]);

      await server.db.execute(sql.raw(`drop trigger test_refuse_participant on interaction_people`));
      const retried = await runImport(server, actor.token, jobId, mapping, false, { batchSize: 2 });
      expect(retried).toMatchObject({ status: "COMPLETE", counts: { created: 3, unchanged: 2 } });
      expect(await participantsOf(actor)).toHaveLength(5);
    } finally {
      await server.db.execute(sql.raw(`drop trigger if exists test_refuse_participant on interaction_people`));
      await server.db.execute(sql.raw(`drop function if exists test_refuse_participant()`));
    }
  });

  it("refuses a NUL character in a cell, naming the column, instead of failing the batch at the database", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const { jobId, job } = await importFile(actor, "PEOPLE", "external_id,full_name\nN1,Nul\u0000Byte\nN2,Fine Person");
    expect(job).toMatchObject({ status: "COMPLETE", counts: { created: 1, rejected: 1 } });
    expect((await reportOf(server, actor.token, jobId, "REJECTED"))[0]).toMatchObject({
      rowNumber: 2,
      problems: [{ column: "full_name", field: "fullName", message: "contains a NUL character, which cannot be stored" }],
    });
  });
});

describe("after a large import", () => {
  it("refreshes the planner's statistics of the tables it wrote (stale ones made the member export's queries take seconds a page)", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const lines = ["Ref,Name", ...Array.from({ length: 1000 }, (_, i) => `A${i},Analysed Person ${i}`)];
    expect((await importFile(actor, "PEOPLE", lines.join("\n"))).job.counts).toMatchObject({ created: 1000 });
    const [stats] = await queryRows<{ estimated: number; actual: string }>(
      server.db,
      sql`select (select reltuples from pg_class where relname = 'people' and relkind = 'r')::int as estimated, (select count(*) from people) as actual`,
    );
    expect(stats!.estimated).toBe(Number(stats!.actual));
  });
});
