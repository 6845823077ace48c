import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { and, eq, inArray } from "drizzle-orm";
import { affiliations, auditEvents, followUps, interactions, organisations, people, users } from "../../server/db/tables/index.js";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeOrganisation,
  makePerson,
  makePlace,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let aliceColleague: Actor; // EDITOR at member A
let viewerA: Actor; // VIEWER at member A
let bob: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  aliceColleague = await makeColleague(server.db, server.config, alice, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) {
  created
  interaction { id subject }
  pendingMatches { field name people { score reasons person { id fullName } } organisations { score reasons organisation { id name } } }
} }`;

interface LogPayload {
  logInteraction: {
    created: boolean;
    interaction: { id: string; subject: string } | null;
    pendingMatches: {
      field: string;
      name: string;
      people: { score: number; reasons: string[]; person: { id: string; fullName: string } }[];
      organisations: { score: number; reasons: string[]; organisation: { id: string; name: string } }[];
    }[];
  };
}

const base = (subject: string) => ({ occurredAt: "2026-02-22T09:30:00Z", kind: "MEETING", subject });
const log = (input: Record<string, unknown>, token: string) => server.gql<LogPayload>(LOG, { input }, token);
const dbId = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1]!;

describe("logInteraction", () => {
  it("requires authentication", async () => {
    const res = await log(base("Anonymous"), "");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.logInteraction ?? null).toBeNull();
    const byViewer = await log(base("By a viewer"), viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const stored = await server.db.select({ id: interactions.id }).from(interactions).where(inArray(interactions.subject, ["Anonymous", "By a viewer"]));
    expect(stored).toHaveLength(0);
  });

  it("cannot see another member's private record: not usable, not offered as a match, not returned for a reused key", async () => {
    const secretPerson = await makePerson(server.db, alice, { fullName: "Ignatius Quillfeather", visibility: "PRIVATE" });
    const secretOrg = await makeOrganisation(server.db, alice, { name: "Quillfeather Holdings", visibility: "PRIVATE" });
    const secretVisit = await makeVisit(server.db, alice, { visibility: "PRIVATE" });
    const cases: [Record<string, unknown>, string][] = [
      [{ participants: [{ personId: gid("Person", secretPerson.id) }] }, "input.participants.0.personId"],
      [{ organisations: [{ organisationId: gid("Organisation", secretOrg.id) }] }, "input.organisations.0.organisationId"],
      [
        { participants: [{ new: { fullName: "Someone New", organisation: { organisationId: gid("Organisation", secretOrg.id) } } }] },
        "input.participants.0.new.organisation.organisationId",
      ],
      [{ visitId: gid("Visit", secretVisit.id) }, "input.visitId"],
    ];
    for (const [extra, field] of cases) {
      const hidden = await log({ ...base("Probe"), ...extra }, bob.token);
      expect(hidden.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
      // Exactly what a missing record gets.
      const missingExtra = JSON.parse(
        JSON.stringify(extra)
          .replace(gid("Person", secretPerson.id), gid("Person", MISSING))
          .replace(gid("Organisation", secretOrg.id), gid("Organisation", MISSING))
          .replace(gid("Visit", secretVisit.id), gid("Visit", MISSING)),
      ) as Record<string, unknown>;
      const missing = await log({ ...base("Probe"), ...missingExtra }, bob.token);
      expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
    }
    // The private person and organisation are not offered as likely matches to another member.
    const created = await log(
      {
        ...base("Met Ignatius"),
        visibility: "PRIVATE",
        participants: [{ new: { fullName: "Ignatius Quillfeather", organisation: { new: { name: "Quillfeather Holdings" } } } }],
      },
      bob.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.logInteraction).toMatchObject({ created: true, pendingMatches: [] });
    // The owner member is warned about its own records.
    const own = await log({ ...base("Met Ignatius again"), participants: [{ new: { fullName: "Ignatius Quillfeather" } }] }, alice.token);
    expect(own.data?.logInteraction.pendingMatches.map((m) => m.people.map((p) => p.person.id))).toEqual([[gid("Person", secretPerson.id)]]);
    // Idempotency keys belong to a member: another member reusing one gets its own interaction.
    const key = randomUUID();
    const first = await log({ ...base("Alice's keyed meeting"), idempotencyKey: key }, alice.token);
    const other = await log({ ...base("Bob's keyed meeting"), idempotencyKey: key }, bob.token);
    expect(other.data?.logInteraction).toMatchObject({ created: true, interaction: { subject: "Bob's keyed meeting" } });
    expect(other.data?.logInteraction.interaction?.id).not.toBe(first.data?.logInteraction.interaction?.id);
  });

  it("logs a meeting with a new contact, a new organisation and two follow-ups in one request", async () => {
    const place = await makePlace(server.db, { name: "Nagoya", countryCode: "JP" });
    const visit = await makeVisit(server.db, alice, { title: "Chubu mission" });
    const res = await server.gql<{
      logInteraction: {
        created: boolean;
        pendingMatches: unknown[];
        interaction: {
          id: string;
          participants: { id: string; fullName: string; jobTitle: string | null; email: string | null; affiliations: { role: string; organisation: { name: string } }[] }[];
          organisations: { id: string; name: string; kind: string; place: { name: string } | null }[];
        } & Record<string, unknown>;
      };
    }>(
      `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { created pendingMatches { field }
        interaction { id occurredAt kind channel subject notes notesSensitive outcome themes visibility version
          place { name } visit { title } loggedBy { name } internalAttendees { name }
          participants { id fullName jobTitle email affiliations { role organisation { name } } }
          organisations { id name kind place { name } } } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          occurredAt: "2026-03-04T18:30:00+09:00",
          kind: "MISSION_MEETING",
          channel: "IN_PERSON",
          subject: "Hydrogen supply chain",
          notes: "Interested in a Midlands site.",
          notesSensitive: true,
          outcome: "Site visit in May",
          themes: ["hydrogen", "automotive"],
          placeId: gid("Place", place.id),
          visitId: gid("Visit", visit.id),
          participants: [
            {
              new: {
                fullName: "Kazuhiro Wakabayashi",
                email: "k.wakabayashi@chubu-h2.example",
                role: "Director of Strategy",
                placeId: gid("Place", place.id),
                organisation: { new: { name: "Chubu Hydrogen Consortium", kind: "TRADE_BODY", placeId: gid("Place", place.id) } },
              },
            },
          ],
          internalAttendeeIds: [gid("User", alice.user.id)],
          followUps: [
            { title: "Send site options", dueOn: "2026-03-11" },
            { title: "Introduce to the university", dueOn: "2026-03-18", assigneeId: gid("User", aliceColleague.user.id) },
          ],
        },
      },
      alice.token,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.logInteraction;
    expect(payload).toMatchObject({ created: true, pendingMatches: [] });
    expect(payload.interaction).toMatchObject({
      occurredAt: "2026-03-04T09:30:00.000Z",
      kind: "MISSION_MEETING",
      subject: "Hydrogen supply chain",
      notes: "Interested in a Midlands site.",
      notesSensitive: true,
      outcome: "Site visit in May",
      themes: ["hydrogen", "automotive"],
      visibility: "NETWORK",
      version: 1,
      place: { name: "Nagoya" },
      visit: { title: "Chubu mission" },
      loggedBy: { name: alice.user.name },
      internalAttendees: [{ name: alice.user.name }],
      participants: [
        {
          fullName: "Kazuhiro Wakabayashi",
          jobTitle: null,
          email: "k.wakabayashi@chubu-h2.example",
          affiliations: [{ role: "Director of Strategy", organisation: { name: "Chubu Hydrogen Consortium" } }],
        },
      ],
      // The contact's organisation is recorded as involved.
      organisations: [{ name: "Chubu Hydrogen Consortium", kind: "TRADE_BODY", place: { name: "Nagoya" } }],
    });
    const interactionId = dbId(payload.interaction.id);
    const personId = dbId(payload.interaction.participants[0]!.id);
    const orgId = dbId(payload.interaction.organisations[0]!.id);
    // The new records are ordinary records: owned by the member, found by the usual queries.
    const person = await server.gql(
      `query($id: ID!) { person(id: $id) { ownerMember { name } visibility retentionReviewOn canEdit } }`,
      { id: gid("Person", personId) },
      alice.token,
    );
    expect(person.data?.person).toMatchObject({ ownerMember: { name: alice.member.name }, visibility: "NETWORK", canEdit: true });
    expect((person.data?.person as { retentionReviewOn: string }).retentionReviewOn > "2027-01-01").toBe(true);
    const tasks = await server.gql<{ followUps: { nodes: { title: string; dueOn: string; assignee: { name: string }; interaction: { subject: string } }[] } }>(
      `{ followUps(filter: { ownedByMe: true, dueBefore: "2026-03-19" }) { nodes { title dueOn assignee { name } interaction { subject } } } }`,
      {},
      alice.token,
    );
    expect(tasks.data?.followUps.nodes).toEqual([
      { title: "Send site options", dueOn: "2026-03-11", assignee: { name: alice.user.name }, interaction: { subject: "Hydrogen supply chain" } },
      { title: "Introduce to the university", dueOn: "2026-03-18", assignee: { name: aliceColleague.user.name }, interaction: { subject: "Hydrogen supply chain" } },
    ]);
    // Everything created is audited, in the same request.
    const audit = await server.db.select().from(auditEvents).where(eq(auditEvents.requestId, res.headers.get("x-request-id")!));
    expect(audit.map((a) => `${a.action} ${a.recordType}`).sort()).toEqual([
      "create FollowUp",
      "create FollowUp",
      "create Interaction",
      "create Organisation",
      "create Person",
    ]);
    expect(audit.every((a) => a.userId === alice.user.id && a.memberId === alice.member.id)).toBe(true);
    expect(audit.find((a) => a.recordType === "Interaction")?.recordId).toBe(interactionId);
    expect(audit.find((a) => a.recordType === "Person")?.recordId).toBe(personId);
    expect(audit.find((a) => a.recordType === "Organisation")?.recordId).toBe(orgId);
    // The other member sees the NETWORK meeting, without the sensitive notes or the contact's email.
    const theirs = await server.gql(
      `query($id: ID!) { interaction(id: $id) { notes participants { fullName email } } }`,
      { id: payload.interaction.id },
      bob.token,
    );
    expect(theirs.data).toEqual({ interaction: { notes: null, participants: [{ fullName: "Kazuhiro Wakabayashi", email: null }] } });
  });

  it("creates exactly one interaction for the same idempotency key, however often and however concurrently it is sent", async () => {
    const key = randomUUID();
    const input = {
      ...base("Retried on a train"),
      idempotencyKey: key,
      participants: [{ new: { fullName: "Perpetua Ravensworth", organisation: { new: { name: "Ravensworth Maritime" } } } }],
      followUps: [{ title: "Retry-safe follow-up" }],
    };
    const first = await log(input, alice.token);
    expect(first.errors).toBeUndefined();
    expect(first.data?.logInteraction).toMatchObject({ created: true, pendingMatches: [] });
    // A retry: the contact now exists, but the retry is recognised before any duplicate check.
    const again = await log(input, aliceColleague.token);
    expect(again.errors).toBeUndefined();
    expect(again.data?.logInteraction).toEqual({ ...first.data?.logInteraction, created: false });
    // Concurrent submissions of a new key: one of them creates it, the others get it back.
    const raceKey = randomUUID();
    const raceInput = {
      ...input,
      subject: "Sent three times at once",
      idempotencyKey: raceKey,
      participants: [{ new: { fullName: "Barnaby Thistlewood", organisation: { new: { name: "Thistlewood Rail" } } } }],
      followUps: [{ title: "Race follow-up" }],
    };
    const race = await Promise.all([log(raceInput, alice.token), log(raceInput, alice.token), log(raceInput, aliceColleague.token)]);
    for (const r of race) expect(r.errors).toBeUndefined();
    expect(race.filter((r) => r.data?.logInteraction.created)).toHaveLength(1);
    expect(new Set(race.map((r) => r.data?.logInteraction.interaction?.id)).size).toBe(1);
    const stored = await server.db
      .select({ id: interactions.id })
      .from(interactions)
      .where(and(eq(interactions.ownerMemberId, alice.member.id), inArray(interactions.idempotencyKey, [key, raceKey])));
    expect(stored).toHaveLength(2);
    const contacts = await server.db.select({ id: people.id, fullName: people.fullName, visibility: people.visibility }).from(people).where(inArray(people.fullName, ["Perpetua Ravensworth", "Barnaby Thistlewood"]));
    expect(contacts).toHaveLength(2);
    const orgs = await server.db.select({ id: organisations.id, visibility: organisations.visibility }).from(organisations).where(inArray(organisations.name, ["Ravensworth Maritime", "Thistlewood Rail"]));
    expect(orgs).toHaveLength(2);
    const tasks = await server.db.select({ id: followUps.id, visibility: followUps.visibility }).from(followUps).where(inArray(followUps.title, ["Retry-safe follow-up", "Race follow-up"]));
    expect(tasks).toHaveLength(2);
  });

  it("returns likely matches instead of writing, then uses the chosen record or creates on confirmation", async () => {
    const existing = await makePerson(server.db, alice, { fullName: "OKONKWO Chiamaka", email: "chiamaka@lagos-trade.example" });
    const existingOrg = await makeOrganisation(server.db, alice, { name: "Lagos State Trade Office" });
    const input = {
      ...base("Lagos trade dinner"),
      idempotencyKey: randomUUID(),
      participants: [{ new: { fullName: "Chiamaka Okonkwo", organisation: { new: { name: "Lagos State Trade Ofice" } } } }],
      organisations: [{ new: { name: "Lagos State Trade Ofice" } }],
    };
    const pending = await log(input, alice.token);
    expect(pending.errors).toBeUndefined();
    const payload = pending.data!.logInteraction;
    expect(payload.created).toBe(false);
    expect(payload.interaction).toBeNull();
    // The organisation named twice is one entry, reported where it was first given.
    expect(payload.pendingMatches.map((m) => [m.field, m.name])).toEqual([
      ["input.participants.0.new", "Chiamaka Okonkwo"],
      ["input.participants.0.new.organisation.new", "Lagos State Trade Ofice"],
    ]);
    expect(payload.pendingMatches[0]?.people[0]).toMatchObject({ person: { id: gid("Person", existing.id) }, reasons: ["NAME"] });
    expect(payload.pendingMatches[1]?.organisations[0]).toMatchObject({ organisation: { id: gid("Organisation", existingOrg.id) } });
    // Nothing was written.
    const written = await server.db.select({ id: interactions.id }).from(interactions).where(eq(interactions.subject, "Lagos trade dinner"));
    expect(written).toHaveLength(0);
    // The user picks the existing person and confirms the organisation is new.
    const resubmitted = await log(
      {
        ...input,
        participants: [{ personId: gid("Person", existing.id) }],
        organisations: [{ new: { name: "Lagos State Trade Ofice", createAnyway: true } }],
      },
      alice.token,
    );
    expect(resubmitted.errors).toBeUndefined();
    expect(resubmitted.data?.logInteraction).toMatchObject({ created: true, pendingMatches: [] });
    const read = await server.gql(
      `query($id: ID!) { interaction(id: $id) { participants { fullName } organisations { name } } }`,
      { id: resubmitted.data?.logInteraction.interaction?.id },
      alice.token,
    );
    expect(read.data).toEqual({ interaction: { participants: [{ fullName: "OKONKWO Chiamaka" }], organisations: [{ name: "Lagos State Trade Ofice" }] } });
    // createAnyway on the contact creates a second person deliberately.
    const deliberate = await log(
      { ...base("Another Chiamaka"), participants: [{ new: { fullName: "Chiamaka Okonkwo", createAnyway: true } }] },
      alice.token,
    );
    expect(deliberate.data?.logInteraction).toMatchObject({ created: true, pendingMatches: [] });
    // An exact email match (own member's record) is a likely match whatever the name.
    const byEmail = await log(
      { ...base("By email"), participants: [{ new: { fullName: "C. O.", email: "CHIAMAKA@lagos-trade.example" } }] },
      alice.token,
    );
    expect(byEmail.data?.logInteraction.pendingMatches[0]?.people[0]).toMatchObject({
      person: { id: gid("Person", existing.id) },
      score: 1,
      reasons: ["EMAIL"],
    });
  });

  it("runs a small fixed number of statements, the same for one participant as for five", async () => {
    const place = await makePlace(server.db);
    const known = await Promise.all([1, 2, 3].map((n) => makePerson(server.db, alice, { fullName: `Statement Counter Known ${n}` })));
    const org = await makeOrganisation(server.db, alice);
    const one = await log(
      {
        ...base("One participant"),
        idempotencyKey: randomUUID(),
        placeId: gid("Place", place.id),
        participants: [{ new: { fullName: "Evangelina Marchbanks", organisation: { new: { name: "Marchbanks Optics" } } } }],
        internalAttendeeIds: [gid("User", alice.user.id)],
        followUps: [{ title: "One follow-up" }],
      },
      alice.token,
    );
    const five = await log(
      {
        ...base("Five participants"),
        idempotencyKey: randomUUID(),
        placeId: gid("Place", place.id),
        participants: [
          ...known.map((p) => ({ personId: gid("Person", p.id) })),
          { new: { fullName: "Leopold Fairweather-Hughes", organisation: { organisationId: gid("Organisation", org.id) }, role: "CFO" } },
          { new: { fullName: "Ottoline Brackenbury", organisation: { new: { name: "Brackenbury Biotech" } } } },
        ],
        internalAttendeeIds: [gid("User", alice.user.id), gid("User", aliceColleague.user.id)],
        followUps: [{ title: "Five follow-up" }],
      },
      alice.token,
    );
    expect(one.errors).toBeUndefined();
    expect(five.errors).toBeUndefined();
    expect(one.data?.logInteraction.created).toBe(true);
    expect(five.data?.logInteraction.created).toBe(true);
    expect(five.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(8);
    const linked = await server.gql(
      `query($id: ID!) { interaction(id: $id) { participants { fullName affiliations { role } } organisations { name } internalAttendees { name } } }`,
      { id: five.data?.logInteraction.interaction?.id },
      alice.token,
    );
    expect((linked.data?.interaction as { participants: unknown[] }).participants).toHaveLength(5);
    expect((linked.data?.interaction as { organisations: { name: string }[] }).organisations.map((o) => o.name).sort()).toEqual(
      ["Brackenbury Biotech", org.name].sort(),
    );
    // A retry costs even less.
    const retry = await log({ ...base("One participant"), idempotencyKey: randomUUID() }, alice.token);
    expect(retry.statements).toBeLessThanOrEqual(one.statements);
  });

  it("gives new records the interaction's visibility unless told otherwise", async () => {
    const res = await log(
      {
        ...base("Confidential approach"),
        visibility: "PRIVATE",
        participants: [
          { new: { fullName: "Wilhelmina Stroud-Barrington", organisation: { new: { name: "Stroud-Barrington Capital" } } } },
          { new: { fullName: "Theodric Pembleton", visibility: "NETWORK" } },
        ],
        followUps: [{ title: "Confidential follow-up" }],
      },
      alice.token,
    );
    expect(res.errors).toBeUndefined();
    const stored = await server.db.select({ id: people.id, fullName: people.fullName, visibility: people.visibility }).from(people).where(inArray(people.fullName, ["Wilhelmina Stroud-Barrington", "Theodric Pembleton"]));
    expect(Object.fromEntries(stored.map((p) => [p.fullName, p.visibility]))).toEqual({
      "Wilhelmina Stroud-Barrington": "PRIVATE",
      "Theodric Pembleton": "NETWORK",
    });
    const [org] = await server.db.select({ id: organisations.id, visibility: organisations.visibility }).from(organisations).where(eq(organisations.name, "Stroud-Barrington Capital"));
    expect(org?.visibility).toBe("PRIVATE");
    const [task] = await server.db.select({ id: followUps.id, visibility: followUps.visibility }).from(followUps).where(eq(followUps.title, "Confidential follow-up"));
    expect(task?.visibility).toBe("PRIVATE");
    // Another member sees the NETWORK contact, but not the private meeting with them.
    const theirs = await server.gql(
      `query($id: ID!) { interaction(id: $id) { id } }`,
      { id: res.data?.logInteraction.interaction?.id },
      bob.token,
    );
    expect(theirs.data).toEqual({ interaction: null });
    const pembleton = stored.find((p) => p.fullName === "Theodric Pembleton")!;
    const history = await server.gql(
      `query($id: ID!) { person(id: $id) { fullName interactions { totalCount } } }`,
      { id: gid("Person", pembleton.id) },
      bob.token,
    );
    expect(history.data).toEqual({ person: { fullName: "Theodric Pembleton", interactions: { totalCount: 0 } } });
    const [link] = await server.db.select({ id: affiliations.id }).from(affiliations).where(eq(affiliations.organisationId, org!.id));
    expect(link).toBeDefined();
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const other = await makeActor(server.db, server.config);
    const leaver = await makeColleague(server.db, server.config, alice);
    await server.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaver.user.id));
    const person = await makePerson(server.db, alice);
    const b = base("Bad Input Log");
    const cases: [Record<string, unknown>, string][] = [
      [{ ...b, subject: " " }, "input.subject"],
      [{ ...b, kind: "PICNIC" }, "input.kind"],
      [{ ...b, idempotencyKey: "" }, "input.idempotencyKey"],
      [{ ...b, participants: [{}] }, "input.participants.0"],
      [{ ...b, participants: [{ personId: gid("Person", person.id), new: { fullName: "Both" } }] }, "input.participants.0"],
      [{ ...b, participants: [{ new: { fullName: "" } }] }, "input.participants.0.new.fullName"],
      [{ ...b, participants: [{ new: { fullName: "X Y", email: "not-an-email" } }] }, "input.participants.0.new.email"],
      [{ ...b, participants: [{ new: { fullName: "X Y", organisation: {} } }] }, "input.participants.0.new.organisation"],
      [{ ...b, participants: [{ personId: gid("Organisation", person.id) }] }, "input.participants.0.personId"],
      [{ ...b, organisations: [{ new: { name: "Z", placeId: gid("Place", MISSING) } }] }, "input.organisations.0.new.placeId"],
      [{ ...b, organisations: [{ new: { name: "Z", website: "ftp://z" } }] }, "input.organisations.0.new.website"],
      [{ ...b, placeId: gid("Place", MISSING) }, "input.placeId"],
      [{ ...b, internalAttendeeIds: [gid("User", alice.user.id), gid("User", other.user.id)] }, "input.internalAttendeeIds.1"],
      [{ ...b, followUps: [{ title: "" }] }, "input.followUps.0.title"],
      [{ ...b, followUps: [{ title: "T", assigneeId: gid("User", other.user.id) }] }, "input.followUps.0.assigneeId"],
      [{ ...b, followUps: [{ title: "T", assigneeId: gid("User", leaver.user.id) }] }, "input.followUps.0.assigneeId"],
    ];
    for (const [input, field] of cases) {
      const res = await log(input, alice.token);
      expect([field, res.errors?.[0]?.extensions]).toEqual([field, { code: "BAD_USER_INPUT", field }]);
    }
    const stored = await server.db.select({ id: interactions.id }).from(interactions).where(eq(interactions.subject, "Bad Input Log"));
    expect(stored).toHaveLength(0);
  });
});
