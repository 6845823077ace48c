import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { queryRows } from "../../server/db/client.js";
import { type Actor, gid, makeActor, makeColleague, makeOrganisation, makePerson, makePlace } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { JOB, type JobResult, reportOf, runImport, suggested, upload, uploadOk, waitForJob } from "./helpers.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let bob: Actor; // EDITOR at member B
let viewerA: Actor; // VIEWER at member A

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  bob = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  await makePlace(server.db, { kind: "COUNTRY", name: "Japan", countryCode: "JP" });
  await makePlace(server.db, { kind: "CITY", name: "Toyota City", countryCode: "JP" });
  await makePlace(server.db, { kind: "CITY", name: "São Paulo", countryCode: "BR" });
});
afterAll(() => server.stop());

const count = async (table: string, memberId: string) =>
  Number((await queryRows<{ n: string }>(server.db, sql`select count(*) as n from ${sql.identifier(table)} where owner_member_id = ${memberId}`))[0]!.n);

// The generator's CSV shape: database column names plus an external_id column.
const PEOPLE_CSV = [
  "external_id,id,full_name,name_latin,job_title,email,phone,languages,sectors,place_id,visibility,lawful_basis,lawful_basis_note,consent_at,retention_review_on",
  "P001,6b3c2f7e-0000-4000-8000-000000000001,田中 宏,Tanaka Hiroshi,Director,tanaka@example.jp,+81 565 00 0000,ja;en,automotive;hydrogen,Toyota City,NETWORK,LEGITIMATE_INTERESTS,Business contact,,2030-01-01",
  "P002,6b3c2f7e-0000-4000-8000-000000000002,Ana Souza,,Investor,ana@example.br,,pt,fintech,São Paulo,PRIVATE,CONSENT,,2025-03-01T10:00:00Z,",
  "P003,6b3c2f7e-0000-4000-8000-000000000003,Kein Ort,,Analyst,,,de,,Atlantis,NETWORK,,,,",
].join("\n");

async function importPeople(actor: Actor, csv: string, dryRun: boolean, options?: Record<string, unknown>): Promise<{ jobId: string; job: JobResult }> {
  const jobId = await uploadOk(server, actor.token, "PEOPLE", "people.csv", csv);
  const mapping = await suggested(server, actor.token, jobId);
  const job = await runImport(server, actor.token, jobId, mapping, dryRun, options);
  return { jobId, job };
}

describe("POST /imports (upload)", () => {
  it("requires authentication", async () => {
    const res = await upload(server, null, "PEOPLE", "people.csv", PEOPLE_CSV);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("needs the EDITOR role", async () => {
    const res = await upload(server, viewerA.token, "PEOPLE", "people.csv", PEOPLE_CSV);
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("stores the file and reads its header", async () => {
    const res = await upload(server, alice.token, "PEOPLE", "people.csv", PEOPLE_CSV);
    expect(res.status).toBe(201);
    expect(res.body.job).toMatchObject({ entity: "PEOPLE", format: "CSV", fileName: "people.csv", status: "UPLOADED" });
    expect(res.body.job!.columns.slice(0, 3)).toEqual(["external_id", "id", "full_name"]);
  });

  it("refuses an empty file, a file without a header and an unknown entity", async () => {
    expect((await upload(server, alice.token, "PEOPLE", "empty.csv", "")).status).toBe(400);
    expect((await upload(server, alice.token, "PEOPLE", "blank.csv", "\n\n")).status).toBe(400);
    const wrong = await upload(server, alice.token, "PLANETS", "people.csv", PEOPLE_CSV);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.message).toMatch(/entity/);
  });
});

describe("importPreview / importJob", () => {
  it("requires authentication", async () => {
    const jobId = await uploadOk(server, alice.token, "PEOPLE", "people.csv", PEOPLE_CSV);
    const res = await server.gql(`query($id: ID!) { importPreview(jobId: $id) { columns } }`, { id: jobId });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const job = await server.gql(`query($id: ID!) { importJob(id: $id) { id } }`, { id: jobId });
    expect(job.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's import job by any path", async () => {
    const jobId = await uploadOk(server, alice.token, "PEOPLE", "secret.csv", PEOPLE_CSV);
    expect((await server.gql(`query($id: ID!) { importJob(id: $id) { id } }`, { id: jobId }, bob.token)).data).toEqual({ importJob: null });
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: jobId }, bob.token)).data).toEqual({ node: null });
    const list = await server.gql<{ importJobs: { totalCount: number; nodes: { id: string }[] } }>(`{ importJobs { totalCount nodes { id } } }`, {}, bob.token);
    expect(list.data?.importJobs.nodes.map((n) => n.id)).not.toContain(jobId);
    const preview = await server.gql(`query($id: ID!) { importPreview(jobId: $id) { columns } }`, { id: jobId }, bob.token);
    expect(preview.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const run = await server.gql(
      `mutation($id: ID!) { runImport(jobId: $id, mapping: [{ column: "full_name", field: "fullName" }], dryRun: true) { id } }`,
      { id: jobId },
      bob.token,
    );
    expect(run.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(
      `mutation($id: ID!) { runImport(jobId: $id, mapping: [{ column: "full_name", field: "fullName" }], dryRun: true) { id } }`,
      { id: gid("ImportJob", "00000000-0000-4000-8000-000000000000") },
      bob.token,
    );
    expect(missing.errors?.[0]?.message).toBe(run.errors?.[0]?.message);
    // A viewer of the same member does not see imports either.
    expect((await server.gql(`query($id: ID!) { importJob(id: $id) { id } }`, { id: jobId }, viewerA.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("suggests a mapping from the headers and shows the first rows", async () => {
    const jobId = await uploadOk(server, alice.token, "PEOPLE", "people.csv", PEOPLE_CSV);
    const res = await server.gql<{ importPreview: { columns: string[]; sampleRows: string[][]; suggestedMapping: { column: string; field: string }[]; fields: { name: string; required: boolean }[] } }>(
      `query($id: ID!) { importPreview(jobId: $id) { columns sampleRows suggestedMapping { column field } fields { name required } } }`,
      { id: jobId },
      alice.token,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.importPreview;
    expect(p.sampleRows).toHaveLength(3);
    expect(p.sampleRows[0]![2]).toBe("田中 宏");
    const mapped = Object.fromEntries(p.suggestedMapping.map((m) => [m.column, m.field]));
    // external_id wins the external id; the generator's own uuid column is the id in the file (other files refer to it).
    expect(mapped).toMatchObject({ external_id: "externalId", id: "sourceId", full_name: "fullName", name_latin: "nameLatin", email: "email", place_id: "place", lawful_basis: "lawfulBasis", consent_at: "consentAt" });
    expect(p.fields.find((f) => f.name === "fullName")?.required).toBe(true);
  });

  it("saves a mapping and suggests it for a file with those columns", async () => {
    const csv = "Ref,Contact,Mail\nX1,Jo Bloggs,jo@example.org\n";
    const saved = await server.gql<{ saveImportMapping: { id: string; name: string } }>(
      `mutation($m: [ImportColumnMappingInput!]!) { saveImportMapping(entity: PEOPLE, name: "Old CRM", mapping: $m) { id name } }`,
      { m: [{ column: "Ref", field: "externalId" }, { column: "Contact", field: "fullName" }, { column: "Mail", field: "email" }] },
      alice.token,
    );
    expect(saved.errors).toBeUndefined();
    const jobId = await uploadOk(server, alice.token, "PEOPLE", "crm.csv", csv);
    const res = await server.gql<{ importPreview: { suggestedFrom: { name: string } | null; suggestedMapping: { column: string; field: string }[] } }>(
      `query($id: ID!) { importPreview(jobId: $id) { suggestedFrom { name } suggestedMapping { column field } } }`,
      { id: jobId },
      alice.token,
    );
    expect(res.data?.importPreview.suggestedFrom?.name).toBe("Old CRM");
    expect(res.data?.importPreview.suggestedMapping).toContainEqual({ column: "Contact", field: "fullName" });
    // Another member does not see it.
    const theirs = await server.gql<{ importMappings: unknown[] }>(`{ importMappings(entity: PEOPLE) { id } }`, {}, bob.token);
    expect(theirs.data?.importMappings).toEqual([]);
    const del = await server.gql(`mutation($id: ID!) { deleteImportMapping(id: $id) }`, { id: saved.data!.saveImportMapping.id }, bob.token);
    expect(del.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("runImport", () => {
  it("requires authentication", async () => {
    const jobId = await uploadOk(server, alice.token, "PEOPLE", "people.csv", PEOPLE_CSV);
    const res = await server.gql(
      `mutation($id: ID!) { runImport(jobId: $id, mapping: [{ column: "full_name", field: "fullName" }], dryRun: true) { id } }`,
      { id: jobId },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("validates the mapping, naming the field", async () => {
    const jobId = await uploadOk(server, alice.token, "PEOPLE", "people.csv", PEOPLE_CSV);
    const q = `mutation($id: ID!, $m: [ImportColumnMappingInput!]!) { runImport(jobId: $id, mapping: $m, dryRun: true) { id } }`;
    const noColumn = await server.gql(q, { id: jobId, m: [{ column: "nope", field: "fullName" }] }, alice.token);
    expect(noColumn.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "mapping.0.column" });
    const noField = await server.gql(q, { id: jobId, m: [{ column: "full_name", field: "shoeSize" }] }, alice.token);
    expect(noField.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "mapping.0.field" });
    const noRequired = await server.gql(q, { id: jobId, m: [{ column: "email", field: "email" }] }, alice.token);
    expect(noRequired.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "mapping" });
    expect(noRequired.errors?.[0]?.message).toMatch(/fullName/);
    const badOptions = await server.gql(
      `mutation($id: ID!) { runImport(jobId: $id, mapping: [{ column: "full_name", field: "fullName" }], dryRun: true, options: { batchSize: 0 }) { id } }`,
      { id: jobId },
      alice.token,
    );
    expect(badOptions.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "options.batchSize" });
  });

  it("a dry run reports what would happen per row and writes nothing", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const before = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from audit_events where member_id = ${actor.member.id} and action in ('create', 'update')`);
    const { jobId, job } = await importPeople(actor, PEOPLE_CSV, true);
    expect(job).toMatchObject({ status: "DRY_RUN_COMPLETE", dryRun: true, fileAvailable: true, counts: { created: 3, updated: 0, unchanged: 0, rejected: 0, duplicates: 0, warnings: 1 } });
    expect(job.progress).toEqual({ rowsProcessed: 3, fraction: 1 });
    expect(await count("people", actor.member.id)).toBe(0);
    const after = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from audit_events where member_id = ${actor.member.id} and action in ('create', 'update')`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const report = await reportOf(server, actor.token, jobId);
    expect(report.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, "CREATED"],
      [3, "CREATED"],
      [4, "CREATED"],
    ]);
    // Nothing exists yet, so no record is named.
    expect(report.every((r) => r.record === null)).toBe(true);
    expect(report[2]!.problems).toEqual([{ column: "place_id", field: "place", message: expect.stringMatching(/no place of this name/), severity: "WARNING" }]);
  });

  it("imports, then re-importing the same file changes nothing", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const first = await importPeople(actor, PEOPLE_CSV, false);
    expect(first.job).toMatchObject({ status: "COMPLETE", fileAvailable: false, counts: { created: 3, updated: 0, unchanged: 0, rejected: 0 } });
    const people = await queryRows<{ full_name: string; email: string | null; version: number; place: string | null; visibility: string; lawful_basis: string; consent_at: Date | null; retention_review_on: string; external_id: string; languages: string[] }>(
      server.db,
      sql`select p.full_name, p.email, p.version, pl.name as place, p.visibility, p.lawful_basis, p.consent_at, p.retention_review_on::text, p.external_id, p.languages
          from people p left join places pl on pl.id = p.place_id where p.owner_member_id = ${actor.member.id} order by p.external_id`,
    );
    expect(people).toMatchObject([
      { external_id: "P001", full_name: "田中 宏", email: "tanaka@example.jp", place: "Toyota City", visibility: "NETWORK", retention_review_on: "2030-01-01", languages: ["ja", "en"], version: 1 },
      { external_id: "P002", full_name: "Ana Souza", place: "São Paulo", visibility: "PRIVATE", lawful_basis: "CONSENT" },
      { external_id: "P003", full_name: "Kein Ort", place: null },
    ]);
    // Retention review defaults from the member's period when the file has none.
    expect(people[1]!.retention_review_on > new Date().toISOString().slice(0, 10)).toBe(true);
    const report = await reportOf(server, actor.token, first.jobId, "CREATED");
    expect(report).toHaveLength(3);
    expect(report.every((r) => r.record !== null)).toBe(true);

    const again = await importPeople(actor, PEOPLE_CSV, false);
    expect(again.job.counts).toEqual({ created: 0, updated: 0, unchanged: 3, duplicates: 0, rejected: 0, warnings: 1 });
    const versions = await queryRows<{ version: number }>(server.db, sql`select version from people where owner_member_id = ${actor.member.id}`);
    expect(versions.every((v) => v.version === 1)).toBe(true);
    // A dry run of the same file agrees.
    const dry = await importPeople(actor, PEOPLE_CSV, true);
    expect(dry.job.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("updates only the rows whose values changed, audited and versioned", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    await importPeople(actor, PEOPLE_CSV, false);
    const changed = PEOPLE_CSV.replace("Director,tanaka@example.jp", "Deputy Mayor,tanaka@example.jp");
    const dry = await importPeople(actor, changed, true);
    expect(dry.job.counts).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const dryReport = await reportOf(server, actor.token, dry.jobId, "UPDATED");
    expect(dryReport).toMatchObject([{ rowNumber: 2, changedFields: ["jobTitle"], record: { id: expect.any(String) } }]);
    const [stillOld] = await queryRows<{ job_title: string }>(server.db, sql`select job_title from people where owner_member_id = ${actor.member.id} and external_id = 'P001'`);
    expect(stillOld!.job_title).toBe("Director");

    const applied = await importPeople(actor, changed, false);
    expect(applied.job.counts).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [row] = await queryRows<{ id: string; job_title: string; version: number }>(
      server.db,
      sql`select id, job_title, version from people where owner_member_id = ${actor.member.id} and external_id = 'P001'`,
    );
    expect(row).toMatchObject({ job_title: "Deputy Mayor", version: 2 });
    const audit = await queryRows<{ action: string; changes: Record<string, unknown> }>(
      server.db,
      sql`select action, changes from audit_events where record_id = ${row!.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]!.changes).toEqual({ jobTitle: { from: "Director", to: "Deputy Mayor" } });
  });

  it("reports bad rows with their row number and column, and imports the rest", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const csv = [
      "Ref,Name,Email,Basis,Consent,Review",
      "B1,Good Person,good@example.org,,,",
      "B2,Bad Email,not-an-email,,,",
      "B3,,nameless@example.org,,,",
      "B4,Consenting Person,,CONSENT,,",
      "B5,Wrong Basis,,VIBES,,",
      "B6,Bad Date,,,,31/02/2030",
      "B1,Same Ref Again,,,,",
    ].join("\n");
    const jobId = await uploadOk(server, actor.token, "PEOPLE", "bad.csv", csv);
    const mapping = [
      { column: "Ref", field: "externalId" },
      { column: "Name", field: "fullName" },
      { column: "Email", field: "email" },
      { column: "Basis", field: "lawfulBasis" },
      { column: "Consent", field: "consentAt" },
      { column: "Review", field: "retentionReviewOn" },
    ];
    const job = await runImport(server, actor.token, jobId, mapping, false);
    expect(job.counts).toMatchObject({ created: 1, rejected: 6 });
    const rejected = await reportOf(server, actor.token, jobId, "REJECTED");
    const byRow = Object.fromEntries(rejected.map((r) => [r.rowNumber, r.problems[0]]));
    expect(byRow[3]).toMatchObject({ column: "Email", field: "email", message: "must be an email address", severity: "ERROR" });
    expect(byRow[4]).toMatchObject({ column: "Name", field: "fullName", message: "is required" });
    expect(byRow[5]).toMatchObject({ column: "Consent", field: "consentAt", message: expect.stringMatching(/consent date is required/) });
    expect(byRow[6]).toMatchObject({ column: "Basis", field: "lawfulBasis", message: expect.stringMatching(/must be one of/) });
    expect(byRow[7]).toMatchObject({ column: "Review", field: "retentionReviewOn" });
    expect(byRow[8]).toMatchObject({ column: "Ref", field: "externalId", message: "the same external id is already on row 2" });
    expect(await count("people", actor.member.id)).toBe(1);
  });

  it("reports likely duplicates of the member's records and of earlier rows, and does not create them", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const existing = await makePerson(server.db, actor, { fullName: "José Müller", email: "jose@example.de" });
    // Another member's person with the same name is not a duplicate of ours.
    await makePerson(server.db, bob, { fullName: "Hiroshi Tanaka" });
    const csv = [
      "Ref,Name,Email",
      "D1,Jose Muller,", // same name as our record (accents aside), no email to contradict
      "D2,Someone Else,JOSE@example.de", // same email
      "D3,Hiroshi Tanaka,hiroshi@example.jp",
      "D4,TANAKA Hiroshi,", // the same as row 4, in another order
      "D5,José Müller,other@example.de", // same name, but a different email: not a duplicate
    ].join("\n");
    const jobId = await uploadOk(server, actor.token, "PEOPLE", "dups.csv", csv);
    const mapping = [
      { column: "Ref", field: "externalId" },
      { column: "Name", field: "fullName" },
      { column: "Email", field: "email" },
    ];
    const dry = await runImport(server, actor.token, jobId, mapping, true);
    expect(dry.counts).toMatchObject({ created: 2, duplicates: 3 });
    const report = await reportOf(server, actor.token, jobId);
    const byRow = Object.fromEntries(report.map((r) => [r.rowNumber, r]));
    expect(byRow[2]).toMatchObject({ status: "DUPLICATE", duplicates: [{ id: gid("Person", existing.id) }] });
    expect(byRow[3]).toMatchObject({ status: "DUPLICATE", duplicates: [{ id: gid("Person", existing.id) }] });
    expect(byRow[4]).toMatchObject({ status: "CREATED" });
    expect(byRow[5]).toMatchObject({ status: "DUPLICATE", duplicateOfRow: 4, duplicates: [] });
    expect(byRow[6]).toMatchObject({ status: "CREATED" });

    const applied = await runImport(server, actor.token, jobId, mapping, false);
    expect(applied.counts).toMatchObject({ created: 2, duplicates: 3 });
    expect(await count("people", actor.member.id)).toBe(3);

    // Asked to, it creates them anyway (with a warning).
    const forced = await uploadOk(server, actor.token, "PEOPLE", "dups.csv", csv);
    const job = await runImport(server, actor.token, forced, mapping, true, { onDuplicate: "CREATE" });
    expect(job.counts).toMatchObject({ created: 3, unchanged: 2, duplicates: 0, warnings: 3 });
  });

  it("keeps another member's records apart: the same external ids make the importer's own records", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    await importPeople(alice, PEOPLE_CSV, false);
    const theirs = await importPeople(actor, PEOPLE_CSV, false);
    expect(theirs.job.counts).toMatchObject({ created: 3, updated: 0 });
    const aliceRows = await queryRows<{ version: number }>(server.db, sql`select version from people where owner_member_id = ${alice.member.id} and external_id like 'P00%'`);
    expect(aliceRows.every((r) => r.version === 1)).toBe(true);
  });

  it("commits whole batches: a failure part-way writes nothing of its batch and says where it stopped", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const lines = ["Ref,Name"];
    for (let i = 1; i <= 10; i++) lines.push(`F${i},${i === 7 ? "Explode Here" : `Batch Person ${i}`}`);
    // A fault in the database itself (not in the data checks): a trigger refusing one name.
    await server.db.execute(
      sql.raw(`create or replace function test_refuse_person() returns trigger language plpgsql as $$
        begin
          if new.full_name = 'Explode Here' then raise exception 'refused by test trigger' using errcode = 'P0001'; end if;
          return new;
        end $$`),
    );
    await server.db.execute(sql.raw(`create trigger test_refuse_person before insert on people for each row execute function test_refuse_person()`));
    try {
      const jobId = await uploadOk(server, actor.token, "PEOPLE", "fail.csv", lines.join("\n"));
      const mapping = [
        { column: "Ref", field: "externalId" },
        { column: "Name", field: "fullName" },
      ];
      const job = await runImport(server, actor.token, jobId, mapping, false, { batchSize: 4 });
      expect(job.status).toBe("FAILED");
      expect(job.fileAvailable).toBe(true);
      expect(job.counts).toMatchObject({ created: 4 });
      expect(job.error).toMatch(/^Rows 6–9 could not be processed: the database refused the batch \(SQLSTATE P0001\)\. Nothing of those rows was written; the 4 rows before them were imported/);
      const names = await queryRows<{ full_name: string }>(server.db, sql`select full_name from people where owner_member_id = ${actor.member.id} order by external_id`);
      expect(names.map((n) => n.full_name).sort()).toEqual(["Batch Person 1", "Batch Person 2", "Batch Person 3", "Batch Person 4"]);
      // Nothing of the failed batch reached the report or the audit log either.
      const report = await reportOf(server, actor.token, jobId);
      expect(report.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);

      await server.db.execute(sql.raw(`drop trigger test_refuse_person on people`));
      const retried = await runImport(server, actor.token, jobId, mapping, false, { batchSize: 4 });
      expect(retried).toMatchObject({ status: "COMPLETE", counts: { created: 6, unchanged: 4 } });
    } finally {
      await server.db.execute(sql.raw(`drop trigger if exists test_refuse_person on people`));
      await server.db.execute(sql.raw(`drop function if exists test_refuse_person()`));
    }
  });

  it("imports organisations and interactions with their links, and re-imports them unchanged", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const orgCsv = ["external_id,name,kind,place_id,sectors,website,parent", "O1,Toyota City Hall,CITY_GOVERNMENT,Toyota City,,https://example.jp,", "O2,Aichi Office,REGIONAL_GOVERNMENT,,trade,,O1"].join("\n");
    const orgJob = await uploadOk(server, actor.token, "ORGANISATIONS", "organisations.csv", orgCsv);
    const orgs = await runImport(server, actor.token, orgJob, await suggested(server, actor.token, orgJob), false);
    expect(orgs.counts).toMatchObject({ created: 2, rejected: 0, warnings: 0 });
    const peopleCsv = "external_id,full_name,organisation,organisation_role\nP1,Hiroshi Tanaka,O1,Mayor\nP2,Yuki Sato,Aichi Office,";
    const pJob = await uploadOk(server, actor.token, "PEOPLE", "people.csv", peopleCsv);
    const ppl = await runImport(server, actor.token, pJob, await suggested(server, actor.token, pJob), false);
    expect(ppl.counts).toMatchObject({ created: 2, warnings: 0 });
    const interactionsCsv = [
      "external_id,occurred_at,kind,channel,subject,notes,notes_sensitive,participants,organisations,themes",
      "I1,2026-02-22T09:30:00Z,MEETING,IN_PERSON,Hydrogen buses,Talked,false,P1;P2,O1,hydrogen;mobility",
      "I2,2026-02-23 14:00,Call,Phone,Follow-up call,,yes,P1;P404,O2,",
    ].join("\n");
    const iJob = await uploadOk(server, actor.token, "INTERACTIONS", "interactions.csv", interactionsCsv);
    const mapping = await suggested(server, actor.token, iJob);
    expect(mapping).toContainEqual({ column: "participants", field: "participants" });
    const ints = await runImport(server, actor.token, iJob, mapping, false);
    expect(ints.counts).toMatchObject({ created: 2, warnings: 1 });
    const links = await queryRows<{ external_id: string; people: string[]; orgs: string[]; notes_sensitive: boolean; channel: string }>(
      server.db,
      sql`select i.external_id, i.notes_sensitive, i.channel,
                 array(select p.external_id from interaction_people ip join people p on p.id = ip.person_id where ip.interaction_id = i.id order by 1) as people,
                 array(select o.external_id from interaction_organisations io join organisations o on o.id = io.organisation_id where io.interaction_id = i.id order by 1) as orgs
          from interactions i where i.owner_member_id = ${actor.member.id} order by i.external_id`,
    );
    expect(links).toEqual([
      { external_id: "I1", people: ["P1", "P2"], orgs: ["O1"], notes_sensitive: false, channel: "IN_PERSON" },
      { external_id: "I2", people: ["P1"], orgs: ["O2"], notes_sensitive: true, channel: "PHONE" },
    ]);
    const [parent] = await queryRows<{ parent: string }>(
      server.db,
      sql`select p.external_id as parent from organisations o join organisations p on p.id = o.parent_id where o.external_id = 'O2' and o.owner_member_id = ${actor.member.id}`,
    );
    expect(parent?.parent).toBe("O1");
    const [aff] = await queryRows<{ role: string }>(
      server.db,
      sql`select a.role from affiliations a join people p on p.id = a.person_id where p.external_id = 'P1' and p.owner_member_id = ${actor.member.id}`,
    );
    expect(aff?.role).toBe("Mayor");

    for (const [entity, name, csv] of [
      ["ORGANISATIONS", "organisations.csv", orgCsv],
      ["PEOPLE", "people.csv", peopleCsv],
      ["INTERACTIONS", "interactions.csv", interactionsCsv],
    ] as const) {
      const again = await uploadOk(server, actor.token, entity, name, csv);
      const job = await runImport(server, actor.token, again, await suggested(server, actor.token, again), false);
      expect([entity, job.counts.created, job.counts.updated]).toEqual([entity, 0, 0]);
    }
  });

  it("imports an XLSX workbook (dates and numbers as cells), streaming", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Contacts");
    sheet.addRow(["Reference", "Full name", "Review date", "Phone"]);
    sheet.addRow(["X1", "Ngozi Okafor", new Date(Date.UTC(2031, 5, 30)), "+234 1 000 0000"]);
    sheet.addRow(["X2", "Lars Berg", null, null]);
    sheet.addRow([]);
    sheet.addRow(["X3", "", null, null]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(server, actor.token, "PEOPLE", "contacts.xlsx", buffer);
    expect(res.status).toBe(201);
    expect(res.body.job).toMatchObject({ format: "XLSX", columns: ["Reference", "Full name", "Review date", "Phone"] });
    const jobId = res.body.job!.id;
    const mapping = await suggested(server, actor.token, jobId);
    expect(mapping).toEqual([
      { column: "Reference", field: "externalId" },
      { column: "Full name", field: "fullName" },
      { column: "Review date", field: "retentionReviewOn" },
      { column: "Phone", field: "phone" },
    ]);
    const job = await runImport(server, actor.token, jobId, mapping, false);
    expect(job.counts).toMatchObject({ created: 2, rejected: 1 });
    expect((await reportOf(server, actor.token, jobId, "REJECTED"))[0]).toMatchObject({ rowNumber: 5, problems: [{ column: "Full name", message: "is required" }] });
    const [ngozi] = await queryRows<{ retention_review_on: string }>(
      server.db,
      sql`select retention_review_on::text from people where owner_member_id = ${actor.member.id} and external_id = 'X1'`,
    );
    expect(ngozi?.retention_review_on).toBe("2031-06-30");
  });

  it("refuses to run a job that is running; an interrupted run can be taken over; an applied file is gone", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const jobId = await uploadOk(server, actor.token, "PEOPLE", "runner.csv", "Ref,Name\nR1,Runner One\nR2,Runner Two\n");
    const mapping = [
      { column: "Ref", field: "externalId" },
      { column: "Name", field: "fullName" },
    ];
    const q = `mutation($id: ID!, $m: [ImportColumnMappingInput!]!) { runImport(jobId: $id, mapping: $m, dryRun: false) { status } }`;
    // Another server is running it (it reported progress a moment ago).
    await server.db.execute(sql`update import_jobs set status = 'RUNNING', heartbeat_at = now() where member_id = ${actor.member.id}`);
    const busy = await server.gql(q, { id: jobId, m: mapping }, actor.token);
    expect(busy.errors?.[0]).toMatchObject({ message: "This import is already running. Wait for it to finish.", extensions: { code: "CONFLICT" } });
    // That server stopped: no progress for ten minutes. The job reads as failed and can be run again.
    await server.db.execute(sql`update import_jobs set heartbeat_at = now() - interval '10 minutes' where member_id = ${actor.member.id}`);
    const stale = await waitForJob(server, actor.token, jobId);
    expect(stale.status).toBe("FAILED");
    expect(stale.error).toMatch(/interrupted/);
    const done = await runImport(server, actor.token, jobId, mapping, false);
    expect(done).toMatchObject({ status: "COMPLETE", fileAvailable: false, counts: { created: 2 } });
    const again = await server.gql(q, { id: jobId, m: mapping }, actor.token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "jobId" });
    const chunks = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from import_file_chunks where job_id in (select id from import_jobs where member_id = ${actor.member.id})`);
    expect(Number(chunks[0]!.n)).toBe(0);
  });

  it("lists jobs and report lines without N+1 queries", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    const colleague = await makeColleague(server.db, server.config, actor, "EDITOR");
    for (const who of [actor, colleague, actor, colleague]) await uploadOk(server, who.token, "PEOPLE", "p.csv", PEOPLE_CSV);
    const jobs = `query($n: Int) { importJobs(first: $n) { totalCount nodes { ${JOB} uploadedBy { name } } } }`;
    const small = await server.gql(jobs, { n: 1 }, actor.token);
    const large = await server.gql<{ importJobs: { totalCount: number; nodes: unknown[] } }>(jobs, { n: 50 }, actor.token);
    expect(small.errors).toBeUndefined();
    expect(large.data!.importJobs).toMatchObject({ totalCount: 4 });
    expect(large.data!.importJobs.nodes).toHaveLength(4);
    expect(large.statements).toBe(small.statements);

    const lines = ["Ref,Name"];
    for (let i = 0; i < 30; i++) lines.push(`L${i},Listed ${i}`);
    const jobId = await uploadOk(server, actor.token, "PEOPLE", "list.csv", lines.join("\n"));
    await runImport(server, actor.token, jobId, [{ column: "Ref", field: "externalId" }, { column: "Name", field: "fullName" }], false);
    const report = `query($id: ID!, $n: Int) { importJob(id: $id) { report(first: $n) { totalCount nodes { rowNumber status record { id ... on Person { fullName } } duplicates { id } } } } }`;
    const one = await server.gql(report, { id: jobId, n: 1 }, actor.token);
    const many = await server.gql<{ importJob: { report: { totalCount: number; nodes: unknown[] } } }>(report, { id: jobId, n: 30 }, actor.token);
    expect(many.data!.importJob.report).toMatchObject({ totalCount: 30 });
    expect(many.data!.importJob.report.nodes).toHaveLength(30);
    expect(many.statements).toBe(one.statements);
  });

  it("organisation references resolve only to organisations the importer can see", async () => {
    const actor = await makeActor(server.db, server.config, "EDITOR");
    await makeOrganisation(server.db, bob, { name: "Hidden Org Ltd", visibility: "PRIVATE", externalId: "H1" });
    const jobId = await uploadOk(server, actor.token, "PEOPLE", "p.csv", "Ref,Name,Organisation\nZ1,Zed Person,Hidden Org Ltd\nZ2,Zee Person,H1\n");
    const job = await runImport(server, actor.token, jobId, [
      { column: "Ref", field: "externalId" },
      { column: "Name", field: "fullName" },
      { column: "Organisation", field: "organisation" },
    ], false);
    expect(job.counts).toMatchObject({ created: 2, warnings: 2 });
    const report = await reportOf(server, actor.token, jobId);
    // The same words for a hidden organisation as for one that does not exist.
    expect(report[0]!.problems[0]!.message).toBe(report[1]!.problems[0]!.message);
    const affs = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from affiliations a join people p on p.id = a.person_id where p.owner_member_id = ${actor.member.id}`);
    expect(Number(affs[0]!.n)).toBe(0);
  });
});
