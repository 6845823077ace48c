import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import { type Actor, gid, makeActor, makeColleague, makeInteraction, makePerson, makePlace, makeVisit } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";
import { runImport, suggested, uploadOk } from "../imports/helpers.js";

// The briefing ranks key people from a read model (person_interaction_stats and
// person_interaction_totals, migration 0014) kept by triggers. Whatever writes
// interactions or their participants, the read model must equal what it summarises,
// recomputed from scratch; and the briefing must rank as the policy says.

let server: TestServer;
let a: Actor;
let b: Actor;

beforeAll(async () => {
  server = await startTestServer();
  a = await makeActor(server.db, server.config, "ADMIN");
  b = await makeActor(server.db, server.config, "EDITOR");
});

afterAll(async () => {
  await server.stop();
});

interface StatRow {
  person_id: string;
  owner_member_id: string;
  visibility: string;
  interactions: number;
  last_at: string;
}

/** The read model, and the same recomputed from interactions and interaction_people. */
async function expectReadModelExact(): Promise<void> {
  const stats = await queryRows<StatRow>(
    server.db,
    sql`select person_id, owner_member_id, visibility::text, interactions, last_at::text from person_interaction_stats order by 1, 2, 3`,
  );
  const expected = await queryRows<StatRow>(
    server.db,
    sql`select ip.person_id, i.owner_member_id, i.visibility::text as visibility, count(*)::int as interactions, max(i.occurred_at)::text as last_at
        from interaction_people ip join interactions i on i.id = ip.interaction_id and i.archived_at is null
        group by 1, 2, 3 order by 1, 2, 3`,
  );
  expect(stats).toEqual(expected);
  const totals = await queryRows(
    server.db,
    sql`select person_id, network_interactions, network_last_at::text from person_interaction_totals order by 1`,
  );
  const expectedTotals = await queryRows(
    server.db,
    sql`select ip.person_id, count(*)::int as network_interactions, max(i.occurred_at)::text as network_last_at
        from interaction_people ip join interactions i on i.id = ip.interaction_id and i.archived_at is null and i.visibility = 'NETWORK'
        group by 1 order by 1`,
  );
  expect(totals).toEqual(expectedTotals);
}

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, version: $v, input: $input) { id version } }`;

describe("the key people read model", () => {
  it("follows inserts, visibility and date changes, participant changes, archiving, merges and erasure", async () => {
    const p1 = await makePerson(server.db, a, { fullName: "Read Model One" });
    const p2 = await makePerson(server.db, a, { fullName: "Read Model Two" });
    const p3 = await makePerson(server.db, b, { fullName: "Read Model Three" });
    const i1 = await makeInteraction(server.db, a, { personIds: [p1.id, p2.id], occurredAt: new Date("2026-01-10T10:00:00Z") });
    const i2 = await makeInteraction(server.db, a, { personIds: [p1.id], visibility: "PRIVATE", occurredAt: new Date("2026-02-10T10:00:00Z") });
    const i3 = await makeInteraction(server.db, b, { personIds: [p1.id, p3.id], occurredAt: new Date("2026-03-10T10:00:00Z") });
    await expectReadModelExact();

    // Visibility, date and participants through the API.
    let r = await server.gql<{ updateInteraction: { version: number } }>(UPDATE, { id: gid("Interaction", i1.id), v: 1, input: { visibility: "PRIVATE" } }, a.token);
    expect(r.errors).toBeUndefined();
    await expectReadModelExact();
    r = await server.gql(UPDATE, { id: gid("Interaction", i1.id), v: 2, input: { occurredAt: "2026-04-01T08:00:00Z" } }, a.token);
    expect(r.errors).toBeUndefined();
    await expectReadModelExact();
    r = await server.gql(UPDATE, { id: gid("Interaction", i1.id), v: 3, input: { participantIds: [gid("Person", p2.id)] } }, a.token);
    expect(r.errors).toBeUndefined();
    await expectReadModelExact();

    // Archiving and un-archiving, and an owner change (not in the API, but the model must follow).
    const archived = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id: gid("Interaction", i2.id) }, a.token);
    expect(archived.errors).toBeUndefined();
    await expectReadModelExact();
    await server.db.execute(sql`update interactions set archived_at = null where id = ${i2.id}`);
    await server.db.execute(sql`update interactions set owner_member_id = ${b.member.id} where id = ${i2.id}`);
    await expectReadModelExact();

    // A merge moves participations to the kept person.
    const merged = await server.gql(
      `mutation($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) { merged { id } } }`,
      { k: gid("Person", p1.id), m: gid("Person", p2.id) },
      a.token,
    );
    expect(merged.errors).toBeUndefined();
    await expectReadModelExact();

    // Deleting an interaction (its links go by cascade), and erasing a person.
    await server.db.execute(sql`delete from interactions where id = ${i3.id}`);
    await expectReadModelExact();
    await makeInteraction(server.db, b, { personIds: [p3.id, p1.id] });
    const erased = await server.gql(
      `mutation($id: ID!, $reason: String!) { erasePerson(personId: $id, reason: $reason) { erased } }`,
      { id: gid("Person", p1.id), reason: "Erasure request" },
      a.token,
    );
    expect(erased.errors).toBeUndefined();
    await expectReadModelExact();
    const left = await queryRows<{ n: number }>(server.db, sql`select count(*)::int as n from person_interaction_stats where person_id = ${p1.id}`);
    expect(left[0]!.n).toBe(0);
  });

  it("ranks key people by the interactions the viewer may see, and knownBy counts only those", async () => {
    const city = await makePlace(server.db, { name: "Read Model City" });
    const c = await makeColleague(server.db, server.config, a);
    const often = await makePerson(server.db, b, { fullName: "Often Met Privately", placeId: city.id });
    const some = await makePerson(server.db, b, { fullName: "Sometimes Met", placeId: city.id });
    // Three PRIVATE meetings of b's member with `often`: hidden from a, so `some` (two NETWORK) ranks first for a.
    for (let k = 0; k < 3; k++) await makeInteraction(server.db, b, { personIds: [often.id], visibility: "PRIVATE", placeId: city.id });
    for (let k = 0; k < 2; k++) await makeInteraction(server.db, b, { personIds: [some.id], placeId: city.id });
    await makeInteraction(server.db, a, { personIds: [often.id], visibility: "PRIVATE", placeId: city.id });
    const visit = await makeVisit(server.db, a, { destinationIds: [city.id], visibility: "NETWORK" });
    const Q = `query($id: ID!) { visitBriefing(visitId: $id) { people { fullName knownBy { member { id } interactions } } } }`;
    type Res = { visitBriefing: { people: { fullName: string; knownBy: { member: { id: string }; interactions: number }[] }[] } };

    const forA = await server.gql<Res>(Q, { id: gid("Visit", visit.id) }, c.token);
    expect(forA.errors).toBeUndefined();
    expect(forA.data!.visitBriefing.people.map((p) => p.fullName)).toEqual(["Sometimes Met", "Often Met Privately"]);
    expect(forA.data!.visitBriefing.people[1]!.knownBy).toEqual([{ member: { id: gid("Member", a.member.id) }, interactions: 1 }]);

    const forB = await server.gql<Res>(Q, { id: gid("Visit", visit.id) }, b.token);
    expect(forB.data!.visitBriefing.people.map((p) => p.fullName)).toEqual(["Often Met Privately", "Sometimes Met"]);
    expect(forB.data!.visitBriefing.people[0]!.knownBy).toEqual([{ member: { id: gid("Member", b.member.id) }, interactions: 3 }]);
    await expectReadModelExact();
  });

  it("follows imports of people, interactions and participants", async () => {
    const importer = await makeActor(server.db, server.config, "ADMIN");
    const files: [string, string][] = [
      ["PEOPLE", "id,full_name,external_id\ndddddddd-0000-4000-8000-000000000001,Imported One,RM1\ndddddddd-0000-4000-8000-000000000002,Imported Two,RM2"],
      ["INTERACTIONS", "id,occurred_at,kind,subject,external_id\neeeeeeee-0000-4000-8000-000000000001,2026-02-22T09:30:00Z,MEETING,Imported meeting,RI1"],
      ["INTERACTION_PARTICIPANTS", "interaction_id,person_id\nRI1,RM1\nRI1,RM2"],
    ];
    for (const [entity, csv] of files) {
      const jobId = await uploadOk(server, importer.token, entity, `${entity.toLowerCase()}.csv`, csv);
      const job = await runImport(server, importer.token, jobId, await suggested(server, importer.token, jobId), false);
      expect([entity, job.status, job.counts.rejected]).toEqual([entity, "COMPLETE", 0]);
    }
    const imported = await queryRows<{ n: number }>(
      server.db,
      sql`select count(*)::int as n from person_interaction_stats where owner_member_id = ${importer.member.id}`,
    );
    expect(imported[0]!.n).toBe(2);
    await expectReadModelExact();
  });
});
