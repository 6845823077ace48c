import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { SAR_SECTIONS } from "../../server/modules/gdpr/subject-access.js";
import { type Actor, gid, makeActor, makeColleague, makeFollowUp, makeInteraction, makeInvestorProfile, makeOpportunity, makeOrganisation, makePerson } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { runImport, uploadOk } from "../imports/helpers.js";

let server: TestServer;
let admin: Actor; // ADMIN at member A
let editor: Actor; // EDITOR at member A
let other: Actor; // ADMIN at member B

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeActor(server.db, server.config, "ADMIN");
  editor = await makeColleague(server.db, server.config, admin, "EDITOR");
  other = await makeActor(server.db, server.config, "ADMIN");
});
afterAll(() => server.stop());

const SAR = `query($id: ID!) { personDataExport(personId: $id) { generatedAt sections { name covers rows } json } }`;

describe("personDataExport", () => {
  it("requires authentication", async () => {
    const p = await makePerson(server.db, admin);
    const res = await server.gql(SAR, { id: gid("Person", p.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot act on another member's person; it is for the owner member's admins", async () => {
    const hidden = await makePerson(server.db, admin, { visibility: "PRIVATE" });
    const shared = await makePerson(server.db, admin);
    const h = await server.gql(SAR, { id: gid("Person", hidden.id) }, other.token);
    const missing = await server.gql(SAR, { id: gid("Person", "00000000-0000-4000-8000-000000000000") }, other.token);
    expect(h.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(h.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect((await server.gql(SAR, { id: gid("Person", shared.id) }, other.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await server.gql(SAR, { id: gid("Person", shared.id) }, editor.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("covers every table that refers to a person (fails when a new one is added without a section)", async () => {
    // Every foreign key to people(id), every column named like a person reference, and the
    // generic record references (audit events, import reports).
    const fks = await queryRows<{ ref: string }>(
      server.db,
      sql`select distinct c.conrelid::regclass::text || '.' || a.attname as ref
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.confrelid = 'people'::regclass`,
    );
    const named = await queryRows<{ ref: string }>(
      server.db,
      sql`select table_name || '.' || column_name as ref from information_schema.columns
          where table_schema = current_schema() and (column_name = 'person_id' or column_name like '%\\_person\\_id' or column_name like '%\\_person\\_ids')`,
    );
    const generic = ["people.id", "audit_events.record_id", "import_job_rows.record_id", "import_job_rows.matched_ids"];
    const referencing = new Set([...fks.map((r) => r.ref.replace(/^public\./, "")), ...named.map((r) => r.ref), ...generic]);
    const covered = new Set(SAR_SECTIONS.flatMap((s) => s.covers));
    const missing = [...referencing].filter((r) => !covered.has(r)).sort();
    expect(missing).toEqual([]);
    // Every section covers something that exists.
    const columns = new Set(
      (await queryRows<{ ref: string }>(server.db, sql`select table_name || '.' || column_name as ref from information_schema.columns where table_schema = current_schema()`)).map((r) => r.ref),
    );
    expect(SAR_SECTIONS.flatMap((s) => s.covers).filter((c) => !columns.has(c))).toEqual([]);
  });

  it("returns everything held about the person, across every table, as JSON", async () => {
    const member = await makeActor(server.db, server.config, "ADMIN");
    const colleague = await makeColleague(server.db, server.config, member, "EDITOR");
    const b = await makeActor(server.db, server.config, "EDITOR");
    const uni = await makeOrganisation(server.db, member, { name: "Uppsala University", kind: "UNIVERSITY", externalId: "UU" });
    const jobId = await uploadOk(server, colleague.token, "PEOPLE", "p.csv", "ref,name,email,organisation\nS-1,Sigrid Holm,sigrid@example.se,UU\n");
    await runImport(server, colleague.token, jobId, [
      { column: "ref", field: "externalId" },
      { column: "name", field: "fullName" },
      { column: "email", field: "email" },
      { column: "organisation", field: "organisation" },
    ], false);
    const [row] = await queryRows<{ id: string }>(server.db, sql`select id from people where external_id = 'S-1' and owner_member_id = ${member.member.id}`);
    const id = row!.id;
    await server.db.execute(sql`insert into alumni_ties (person_id, university_id, degree, graduation_year) values (${id}, ${uni.id}, 'MSc', 2004)`);
    await makeInvestorProfile(server.db, member, { personId: id }, { notes: "Angel in clean tech" });
    await makeFollowUp(server.db, member, { title: "Send Sigrid the report", personId: id });
    await makeOpportunity(server.db, member, { title: "Battery plant", personId: id });
    await makeInteraction(server.db, member, { subject: "Our meeting", notes: "Our notes", notesSensitive: true, personIds: [id] });
    // Another member's shared interaction is included (without its sensitive notes); its private one is not.
    await makeInteraction(server.db, b, { subject: "Their shared call", notes: "Their sensitive notes", notesSensitive: true, personIds: [id] });
    await makeInteraction(server.db, b, { subject: "Their private call", visibility: "PRIVATE", personIds: [id] });
    // An unrelated person is not in it.
    await makePerson(server.db, member, { fullName: "Unrelated Ulf" });

    const res = await server.gql<{ personDataExport: { sections: { name: string; covers: string[]; rows: number }[]; json: string } }>(SAR, { id: gid("Person", id) }, member.token);
    expect(res.errors).toBeUndefined();
    const rows = Object.fromEntries(res.data!.personDataExport.sections.map((s) => [s.name, s.rows]));
    expect(rows).toMatchObject({ people: 1, affiliations: 1, alumni_ties: 1, investor_profiles: 1, interactions: 2, follow_ups: 1, opportunities: 1, import_reports: 1 });
    expect(rows.audit_events).toBeGreaterThanOrEqual(1);
    const doc = JSON.parse(res.data!.personDataExport.json) as { format: string; sections: Record<string, Record<string, unknown>[]> };
    expect(doc.format).toBe("entente-subject-access/1");
    expect(doc.sections.people![0]).toMatchObject({ full_name: "Sigrid Holm", email: "sigrid@example.se", external_id: "S-1" });
    expect(doc.sections.people![0]!.search_vector).toBeUndefined();
    expect(doc.sections.affiliations![0]).toMatchObject({ organisation_name: "Uppsala University" });
    expect(doc.sections.alumni_ties![0]).toMatchObject({ university_name: "Uppsala University", degree: "MSc" });
    const interactions = doc.sections.interactions!.map((i) => [i.subject, i.notes]);
    expect(interactions).toEqual(expect.arrayContaining([["Our meeting", "Our notes"], ["Their shared call", null]]));
    expect(res.data!.personDataExport.json).not.toContain("Their private call");
    expect(res.data!.personDataExport.json).not.toContain("Unrelated Ulf");
    expect(doc.sections.audit_events!.map((e) => e.action)).toContain("create");
    expect(doc.sections.import_reports![0]).toMatchObject({ file_name: "p.csv", row_number: 2, status: "CREATED" });
    // Answering a subject access request is itself audited.
    const [audited] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from audit_events where record_id = ${id} and action = 'subject_access_export'`);
    expect(Number(audited!.n)).toBe(1);
  });
});
