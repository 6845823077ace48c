import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { parseGlobalId } from "../../server/graphql/global-id.js";
import { type Actor, gid, makeActor, makeColleague, makeFollowUp, makeInteraction, makeOrganisation, makePerson, makePlace } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { reportOf, runImport, uploadOk } from "../imports/helpers.js";

let server: TestServer;
let admin: Actor; // ADMIN at member A
let editor: Actor; // EDITOR at member A
let otherAdmin: Actor; // ADMIN at member B
let otherEditor: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeActor(server.db, server.config, "ADMIN");
  editor = await makeColleague(server.db, server.config, admin, "EDITOR");
  otherAdmin = await makeActor(server.db, server.config, "ADMIN");
  otherEditor = await makeColleague(server.db, server.config, otherAdmin, "EDITOR");
});
afterAll(() => server.stop());

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("lawful basis", () => {
  it("records consent with its date", async () => {
    const q = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version lawfulBasis consentAt retentionReviewOn } }`;
    const missing = await server.gql(q, { input: { fullName: "Consent Without Date", lawfulBasis: "CONSENT" } }, editor.token);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.consentAt" });
    const ok = await server.gql<{ createPerson: { id: string; version: number; retentionReviewOn: string } }>(
      q,
      { input: { fullName: "Consent With Date", lawfulBasis: "CONSENT", consentAt: "2026-01-10T09:00:00Z" } },
      editor.token,
    );
    expect(ok.errors).toBeUndefined();
    // The review date defaults to today plus the member's retention period (24 months).
    expect(ok.data!.createPerson.retentionReviewOn > daysFromNow(700)).toBe(true);
    const cleared = await server.gql(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { consentAt: null }) { id } }`,
      { id: ok.data!.createPerson.id },
      editor.token,
    );
    expect(cleared.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.consentAt" });
    const li = await server.gql<{ updatePerson: { lawfulBasis: string } }>(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { lawfulBasis: LEGITIMATE_INTERESTS, lawfulBasisNote: "Met as mayoral delegate; expects follow-up." }) { lawfulBasis } }`,
      { id: ok.data!.createPerson.id },
      editor.token,
    );
    expect(li.data?.updatePerson.lawfulBasis).toBe("LEGITIMATE_INTERESTS");
  });
});

describe("retentionQueue", () => {
  const Q = `query($dueBy: Date, $first: Int) { retentionQueue(dueBy: $dueBy, first: $first) { totalCount nodes { id fullName retentionReviewOn email } } }`;

  it("requires authentication", async () => {
    const res = await server.gql(Q, {});
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is for admins", async () => {
    const res = await server.gql(Q, {}, editor.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("cannot see another member's private record: lists only the member's own people due for review, most overdue first", async () => {
    const a = await makeActor(server.db, server.config, "ADMIN");
    const overdue = await makePerson(server.db, a, { fullName: "Overdue Owen", retentionReviewOn: "2020-01-01", visibility: "PRIVATE" });
    const undated = await makePerson(server.db, a, { fullName: "Undated Una" });
    const due = await makePerson(server.db, a, { fullName: "Due Dora", retentionReviewOn: today() });
    await makePerson(server.db, a, { fullName: "Later Lars", retentionReviewOn: daysFromNow(400) });
    // Another member's people, private or shared, are never in this member's queue.
    await makePerson(server.db, otherAdmin, { fullName: "Theirs Private", retentionReviewOn: "2020-01-01", visibility: "PRIVATE" });
    await makePerson(server.db, otherAdmin, { fullName: "Theirs Shared", retentionReviewOn: "2020-01-01" });
    const res = await server.gql<{ retentionQueue: { totalCount: number; nodes: { id: string; fullName: string }[] } }>(Q, {}, a.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.retentionQueue.totalCount).toBe(3);
    expect(res.data!.retentionQueue.nodes.map((n) => n.id)).toEqual([gid("Person", undated.id), gid("Person", overdue.id), gid("Person", due.id)]);
    const later = await server.gql<{ retentionQueue: { totalCount: number } }>(Q, { dueBy: daysFromNow(500) }, a.token);
    expect(later.data!.retentionQueue.totalCount).toBe(4);
    const theirs = await server.gql<{ retentionQueue: { nodes: { fullName: string }[] } }>(Q, {}, otherAdmin.token);
    expect(theirs.data!.retentionQueue.nodes.map((n) => n.fullName)).not.toContain("Overdue Owen");
    // One page or many: the same statements.
    const small = await server.gql(Q, { first: 1, dueBy: daysFromNow(500) }, a.token);
    const large = await server.gql(Q, { first: 50, dueBy: daysFromNow(500) }, a.token);
    expect(large.statements).toBe(small.statements);
    const bad = await server.gql(Q, { dueBy: "2026-02-30" }, a.token);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("reviewRetention", () => {
  const M = `mutation($id: ID!, $v: Int!, $d: RetentionDecision!) { reviewRetention(personId: $id, version: $v, decision: $d) { erased person { id version retentionReviewOn lawfulBasisNote } } }`;

  it("requires authentication", async () => {
    const p = await makePerson(server.db, admin);
    const res = await server.gql(M, { id: gid("Person", p.id), v: 1, d: { extendTo: daysFromNow(30) } });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot act on another member's person", async () => {
    const hidden = await makePerson(server.db, admin, { visibility: "PRIVATE" });
    const shared = await makePerson(server.db, admin, { visibility: "NETWORK" });
    const h = await server.gql(M, { id: gid("Person", hidden.id), v: 1, d: { extendTo: daysFromNow(30) } }, otherAdmin.token);
    const missing = await server.gql(M, { id: gid("Person", "00000000-0000-4000-8000-000000000000"), v: 1, d: { extendTo: daysFromNow(30) } }, otherAdmin.token);
    expect(h.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(h.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const s = await server.gql(M, { id: gid("Person", shared.id), v: 1, d: { erase: true, reason: "not ours" } }, otherAdmin.token);
    expect(s.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [still] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from people where id = ${shared.id}`);
    expect(Number(still!.n)).toBe(1);
  });

  it("extends the review date with the version read, audited", async () => {
    const p = await makePerson(server.db, admin, { retentionReviewOn: "2020-01-01" });
    const id = gid("Person", p.id);
    const past = await server.gql(M, { id, v: 1, d: { extendTo: "2020-06-01" } }, admin.token);
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "decision.extendTo" });
    const both = await server.gql(M, { id, v: 1, d: { extendTo: daysFromNow(30), erase: true } }, admin.token);
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "decision" });
    const ok = await server.gql<{ reviewRetention: { erased: boolean; person: { version: number; retentionReviewOn: string; lawfulBasisNote: string } } }>(
      M,
      { id, v: 1, d: { extendTo: daysFromNow(365), note: "Active partnership contact; reviewed." } },
      admin.token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.reviewRetention).toEqual({
      erased: false,
      person: { id, version: 2, retentionReviewOn: daysFromNow(365), lawfulBasisNote: "Active partnership contact; reviewed." },
    });
    const stale = await server.gql(M, { id, v: 1, d: { extendTo: daysFromNow(400) } }, admin.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const audit = await queryRows<{ action: string }>(server.db, sql`select action from audit_events where record_id = ${p.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(["update", "retention.review"]);
  });

  it("erases, when that is the decision", async () => {
    const p = await makePerson(server.db, admin, { fullName: "Review Erased" });
    const stale = await server.gql(M, { id: gid("Person", p.id), v: 2, d: { erase: true, reason: "No longer needed" } }, admin.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const noReason = await server.gql(M, { id: gid("Person", p.id), v: 1, d: { erase: true } }, admin.token);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "decision.reason" });
    const res = await server.gql(M, { id: gid("Person", p.id), v: 1, d: { erase: true, reason: "No longer needed" } }, admin.token);
    expect(res.data).toEqual({ reviewRetention: { erased: true, person: null } });
    const [gone] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from people where id = ${p.id}`);
    expect(Number(gone!.n)).toBe(0);
  });
});

describe("erasePerson", () => {
  const ERASE = `mutation($id: ID!, $reason: String!) { erasePerson(personId: $id, reason: $reason) { erased removed { what count } } }`;

  it("requires authentication", async () => {
    const p = await makePerson(server.db, admin);
    const res = await server.gql(ERASE, { id: gid("Person", p.id), reason: "asked" });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot act on another member's person, and is for admins", async () => {
    const hidden = await makePerson(server.db, admin, { visibility: "PRIVATE" });
    const shared = await makePerson(server.db, admin);
    expect((await server.gql(ERASE, { id: gid("Person", hidden.id), reason: "x y z" }, otherAdmin.token)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await server.gql(ERASE, { id: gid("Person", shared.id), reason: "x y z" }, otherAdmin.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await server.gql(ERASE, { id: gid("Person", shared.id), reason: "x y z" }, editor.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const blank = await server.gql(ERASE, { id: gid("Person", shared.id), reason: " " }, admin.token);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
  });

  it("leaves no trace in records, search, timelines, briefings, introduction paths, exports or the audit log; counts are kept", async () => {
    const member = await makeActor(server.db, server.config, "ADMIN");
    const colleague = await makeColleague(server.db, server.config, member, "EDITOR");
    const third = await makeActor(server.db, server.config, "EDITOR");
    const city = await makePlace(server.db, { kind: "CITY", name: "Gothenburg", countryCode: "SE" });
    const org = await makeOrganisation(server.db, member, { name: "Gothenburg Wind Cluster", placeId: city.id, externalId: "ORG-GWC" });

    // The person arrives by import (so import reports and audit events hold them)…
    const csv = [
      "external_id,full_name,email,phone,bio,organisation,organisation_role,place",
      "EXT-ING-1,Ingrid Bergström,ingrid@example.se,+46 31 000 0000,Offshore wind investor,ORG-GWC,Chair,Gothenburg",
    ].join("\n");
    const jobId = await uploadOk(server, colleague.token, "PEOPLE", "people.csv", csv);
    const imported = await runImport(server, colleague.token, jobId, [
      { column: "external_id", field: "externalId" },
      { column: "full_name", field: "fullName" },
      { column: "email", field: "email" },
      { column: "phone", field: "phone" },
      { column: "bio", field: "bio" },
      { column: "organisation", field: "organisation" },
      { column: "organisation_role", field: "organisationRole" },
      { column: "place", field: "place" },
    ], false);
    expect(imported.counts.created).toBe(1);
    const [row] = await queryRows<{ id: string }>(server.db, sql`select id from people where external_id = 'EXT-ING-1' and owner_member_id = ${member.member.id}`);
    const personId = row!.id;
    const pid = gid("Person", personId);
    // …is edited through the API (audited with values)…
    const upd = await server.gql(`mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "Chair, Ingrid Bergström Holdings" }) { id } }`, { id: pid }, colleague.token);
    expect(upd.errors).toBeUndefined();
    // …takes part in interactions of two members, is named in notes, has a follow-up…
    const create = `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`;
    const soon = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const ours = await server.gql<{ createInteraction: { id: string } }>(create, { input: {
      occurredAt: soon, kind: "MEETING", subject: "Offshore wind with Ingrid Bergström", placeId: gid("Place", city.id),
      notes: "Ingrid Bergström (ingrid@example.se, +46 31 000 0000) wants a site visit.", participantIds: [pid], organisationIds: [gid("Organisation", org.id)],
    } }, colleague.token);
    expect(ours.errors).toBeUndefined();
    const theirs = await server.gql<{ createInteraction: { id: string } }>(create, { input: {
      occurredAt: soon, kind: "CALL", subject: "Call with Ingrid Bergström", placeId: gid("Place", city.id), participantIds: [pid],
    } }, third.token);
    expect(theirs.errors).toBeUndefined();
    await makeFollowUp(server.db, member, { title: "Send Ingrid the deck", personId });
    // …and a pending upload that still holds their row.
    const pendingJob = await uploadOk(server, colleague.token, "PEOPLE", "pending.csv", csv);

    const needles = ["Bergström", "ingrid@example.se", "+46 31 000 0000", "EXT-ING-1", personId];
    const [countBefore] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from interactions`);

    const search = `query($q: String!) { search(query: $q) { totalCount nodes { kind record { id } snippet } } }`;
    const before = await server.gql<{ search: { totalCount: number } }>(search, { q: "Bergström" }, third.token);
    expect(before.data!.search.totalCount).toBeGreaterThan(0);
    const paths = `query($id: ID!) { introductionPaths(personId: $id) { hops steps { from { id name } to { id name } description } introducer { id name } } }`;
    const pathsBefore = await server.gql(paths, { id: pid }, third.token);
    expect(JSON.stringify(pathsBefore.data)).toContain("Bergström");
    const briefing = `query($place: ID!, $from: Date!, $to: Date!) { placeBriefing(placeId: $place, from: $from, to: $to) { markdown people { id fullName } interactions { subject } } }`;
    const briefingVars = { place: gid("Place", city.id), from: today(), to: daysFromNow(5) };
    const briefingBefore = await server.gql(briefing, briefingVars, member.token);
    expect(briefingBefore.errors).toBeUndefined();
    expect(JSON.stringify(briefingBefore.data)).toContain("Bergström");

    // Erase.
    const res = await server.gql<{ erasePerson: { erased: boolean; removed: { what: string; count: number }[] } }>(
      ERASE,
      { id: pid, reason: "Erasure request by email from ingrid@example.se" },
      member.token,
    );
    expect(res.errors).toBeUndefined();
    const removed = Object.fromEntries(res.data!.erasePerson.removed.map((r) => [r.what, r.count]));
    expect(removed).toMatchObject({ interactionParticipations: 2, affiliations: 1, followUps: 1, pendingUploadsDeleted: 1 });
    expect(removed.textMentions).toBeGreaterThanOrEqual(3);

    // Counts are kept: the interactions stay, without the person.
    const [countAfter] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from interactions`);
    expect(countAfter!.n).toBe(countBefore!.n);
    const kept = await server.gql<{ interaction: { subject: string; notes: string; participants: unknown[] } }>(
      `query($id: ID!) { interaction(id: $id) { subject notes participants { id } } }`,
      { id: ours.data!.createInteraction.id },
      member.token,
    );
    expect(kept.data!.interaction).toEqual({
      subject: "Offshore wind with [erased]",
      notes: "[erased] ([erased], [erased]) wants a site visit.",
      participants: [],
    });

    // Nothing of them through any path, for anyone.
    for (const who of [member, colleague, third]) {
      expect((await server.gql(`query($id: ID!) { person(id: $id) { id } }`, { id: pid }, who.token)).data).toEqual({ person: null });
      expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: pid }, who.token)).data).toEqual({ node: null });
      for (const q of ["Bergström", "Ingrid", "ingrid@example.se"]) {
        const hits = await server.gql<{ search: { totalCount: number } }>(search, { q }, who.token);
        expect([q, hits.data?.search.totalCount]).toEqual([q, 0]);
      }
      const list = await server.gql(`{ people(filter: { query: "Bergström" }) { totalCount } }`, {}, who.token);
      expect(list.data).toEqual({ people: { totalCount: 0 } });
    }
    const texts: string[] = [];
    texts.push(JSON.stringify((await server.gql(paths, { id: pid }, third.token)).data));
    texts.push(JSON.stringify((await server.gql(briefing, briefingVars, member.token)).data));
    texts.push(JSON.stringify((await server.gql(briefing, briefingVars, third.token)).data));
    const timeline = `query($id: ID!) { organisation(id: $id) { timeline(first: 50) { nodes { kind interaction { subject notes participants { id fullName } } change { action fields } } } } }`;
    texts.push(JSON.stringify((await server.gql(timeline, { id: gid("Organisation", org.id) }, member.token)).data));
    texts.push(JSON.stringify((await server.gql(`query($id: ID!) { place(id: $id) { timeline(first: 50) { nodes { interaction { subject notes } } } } }`, { id: gid("Place", city.id) }, third.token)).data));
    for (const path of ["/exports/member.json", "/exports/member/people.csv", "/exports/member/interactions.csv", "/exports/member/affiliations.csv"]) {
      const r = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${member.token}` } });
      expect(r.status).toBe(200);
      texts.push(await r.text());
    }
    const audit = await server.gql<{ auditEvents: { nodes: { action: string; changes: string | null; user: { name: string } | null }[] } }>(
      `query($id: ID!) { auditEvents(filter: { recordId: $id }, first: 50) { nodes { action changes user { name } } } }`,
      { id: pid },
      member.token,
    );
    expect(audit.data!.auditEvents.nodes.map((n) => n.action)).toEqual(expect.arrayContaining(["erase", "create", "update"]));
    const erasure = audit.data!.auditEvents.nodes.find((n) => n.action === "erase")!;
    expect(erasure.user?.name).toBe(member.user.name);
    expect(JSON.parse(erasure.changes!)).toMatchObject({ reason: "Erasure request by email from [erased]", removed: { affiliations: 1 } });
    texts.push(JSON.stringify(audit.data));
    texts.push(JSON.stringify((await server.gql(`{ auditEvents(first: 100) { nodes { changes } } }`, {}, member.token)).data));
    for (const text of texts) for (const n of needles) expect([n, text.includes(n)]).toEqual([n, false]);

    // And nowhere in the database: every column of every table, as text.
    const tables = await queryRows<{ table_name: string }>(
      server.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      for (const needle of needles) {
        const where = table_name === "audit_events" ? sql`coalesce(t.changes::text, '') ilike ${`%${needle}%`}` : sql`t::text ilike ${`%${needle}%`}`;
        const [hit] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from ${sql.identifier(table_name)} t where ${where}`);
        expect([table_name, needle, Number(hit!.n)]).toEqual([table_name, needle, 0]);
      }
    }
    // The uploaded file that held their row is gone.
    const [chunks] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from import_file_chunks where job_id = ${parseGlobalId(pendingJob)!.id}`);
    expect(Number(chunks!.n)).toBe(0);
  });

  it("the audit log stays append-only around erasure: only redaction by erase_person_audit is allowed", async () => {
    const p = await makePerson(server.db, admin, { fullName: "Append Only Anna" });
    await server.gql(`mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "Consul" }) { id } }`, { id: gid("Person", p.id) }, admin.token);
    const attempt = (query: ReturnType<typeof sql>) => server.db.transaction(async (tx) => tx.execute(query));
    await expect(attempt(sql`update audit_events set action = 'x' where record_id = ${p.id}`)).rejects.toThrow();
    await expect(
      server.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('entente.erasing', 'on', true)`);
        // Even while erasing, nothing but a redaction of `changes` is allowed.
        await tx.execute(sql`update audit_events set action = 'x' where record_id = ${p.id}`);
      }),
    ).rejects.toThrow();
    await expect(
      server.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('entente.erasing', 'on', true)`);
        await tx.execute(sql`update audit_events set changes = '{"jobTitle": "rewritten"}' where record_id = ${p.id}`);
      }),
    ).rejects.toThrow();
    await expect(attempt(sql`delete from audit_events where record_id = ${p.id}`)).rejects.toThrow();
    await expect(attempt(sql`truncate audit_events`)).rejects.toThrow();
    const [events] = await queryRows<{ n: string }>(server.db, sql`select count(*) as n from audit_events where record_id = ${p.id}`);
    expect(Number(events!.n)).toBe(1);
  });
});

describe("a member's data is never locked in: GET /exports/member.json and /exports/member/<table>.csv", () => {
  it("requires authentication", async () => {
    expect((await fetch(`${server.url}/exports/member.json`)).status).toBe(401);
    expect((await fetch(`${server.url}/exports/member/people.csv`)).status).toBe(401);
  });

  it("is for admins", async () => {
    const res = await fetch(`${server.url}/exports/member.json`, { headers: { authorization: `Bearer ${editor.token}` } });
    expect(res.status).toBe(403);
  });

  it("cannot see another member's private record: exports the member's own records only, with their owner-only fields", async () => {
    const a = await makeActor(server.db, server.config, "ADMIN");
    const mine = await makePerson(server.db, a, { fullName: "Exported Edda", email: "edda@example.is", visibility: "PRIVATE", externalId: "E-1" });
    const theirsPrivate = await makePerson(server.db, otherEditor, { fullName: "Not Exported Private", visibility: "PRIVATE" });
    const theirsShared = await makePerson(server.db, otherEditor, { fullName: "Not Exported Shared" });
    const interaction = await makeInteraction(server.db, a, { subject: "Exported meeting", notes: "secret-ish", notesSensitive: true, personIds: [mine.id, theirsShared.id] });
    const res = await fetch(`${server.url}/exports/member.json`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const doc = (await res.json()) as { format: string; member: { id: string }; tables: Record<string, Record<string, unknown>[]> };
    expect(doc.format).toBe("entente-member-export/1");
    expect(doc.member.id).toBe(a.member.id);
    expect(doc.tables.people!.map((p) => p.full_name)).toEqual(["Exported Edda"]);
    expect(doc.tables.people![0]).toMatchObject({ email: "edda@example.is", external_id: "E-1" });
    expect(doc.tables.people![0]!.search_vector).toBeUndefined();
    expect(doc.tables.interactions!.map((i) => i.notes)).toEqual(["secret-ish"]);
    expect(doc.tables.interaction_people!.map((l) => l.person_id).sort()).toEqual([mine.id, theirsShared.id].sort());
    expect(doc.tables.users!.map((u) => u.id)).toEqual([a.user.id]);
    expect(doc.tables.users![0]!.password_hash).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain(theirsPrivate.fullName);
    expect(JSON.stringify(doc)).not.toContain(theirsShared.fullName);

    const csv = await fetch(`${server.url}/exports/member/people.csv`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]!.split(",")).toEqual(expect.arrayContaining(["id", "full_name", "email", "external_id", "languages"]));
    expect(lines[0]).not.toContain("search_");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Exported Edda");
    const ints = await (await fetch(`${server.url}/exports/member/interactions.csv`, { headers: { authorization: `Bearer ${a.token}` } })).text();
    expect(ints).toContain(interaction.id);
    expect((await fetch(`${server.url}/exports/member/secrets.csv`, { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(404);
    const audit = await queryRows<{ action: string }>(server.db, sql`select action from audit_events where member_id = ${a.member.id} and action = 'export'`);
    expect(audit.length).toBe(3);
  });

  it("round-trips: the exported people CSV imports back into another member unchanged on re-import", async () => {
    const a = await makeActor(server.db, server.config, "ADMIN");
    await makePerson(server.db, a, { fullName: "Round Trip Rui", email: "rui@example.pt", languages: ["pt", "en"], sectors: ["ports"], externalId: "RT-1", retentionReviewOn: "2031-01-01" });
    await makePerson(server.db, a, { fullName: "Round Trip Rita", externalId: "RT-2", lawfulBasis: "CONSENT", consentAt: new Date("2025-05-05T10:00:00Z"), retentionReviewOn: "2031-01-01" });
    const csv = await (await fetch(`${server.url}/exports/member/people.csv`, { headers: { authorization: `Bearer ${a.token}` } })).text();
    const b = await makeActor(server.db, server.config, "EDITOR");
    const mapping = [
      { column: "external_id", field: "externalId" },
      { column: "full_name", field: "fullName" },
      { column: "email", field: "email" },
      { column: "languages", field: "languages" },
      { column: "sectors", field: "sectors" },
      { column: "lawful_basis", field: "lawfulBasis" },
      { column: "consent_at", field: "consentAt" },
      { column: "retention_review_on", field: "retentionReviewOn" },
      { column: "visibility", field: "visibility" },
    ];
    const first = await runImport(server, b.token, await uploadOk(server, b.token, "PEOPLE", "people.csv", csv), mapping, false);
    expect([first.counts, await reportOf(server, b.token, first.id, "REJECTED")]).toMatchObject([{ created: 2, rejected: 0 }, []]);
    const second = await runImport(server, b.token, await uploadOk(server, b.token, "PEOPLE", "people.csv", csv), mapping, false);
    expect(second.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const rows = await queryRows<{ full_name: string; languages: string[]; consent: number | null }>(
      server.db,
      sql`select full_name, languages, extract(epoch from consent_at)::int as consent from people where owner_member_id = ${b.member.id} order by full_name`,
    );
    expect(rows).toEqual([
      { full_name: "Round Trip Rita", languages: [], consent: Date.parse("2025-05-05T10:00:00Z") / 1000 },
      { full_name: "Round Trip Rui", languages: ["pt", "en"], consent: null },
    ]);
  });
});
