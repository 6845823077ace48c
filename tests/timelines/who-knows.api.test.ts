import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeInteraction,
  makePerson,
  makeUser,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// whoKnows: the users behind the interactions with a person that the viewer can see.

let server: TestServer;
let alice: Actor; // EDITOR at member A
let bob: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

interface Acquaintance {
  user: { name: string; email: string | null };
  member: { name: string };
  interactions: number;
  lastMetAt: string;
}

const whoKnows = (personId: string, token?: string, first?: number) =>
  server.gql<{ whoKnows: Acquaintance[] | null }>(
    `query($p: ID!, $first: Int) { whoKnows(personId: $p, first: $first) { user { name email } member { name } interactions lastMetAt } }`,
    { p: personId, first },
    token,
  );

const names = (list: Acquaintance[] | null | undefined) => (list ?? []).map((a) => a.user.name);

describe("whoKnows", () => {
  it("requires authentication", async () => {
    const person = await makePerson(server.db, alice);
    await makeInteraction(server.db, alice, { personIds: [person.id], userIds: [alice.user.id], occurredAt: daysAgo(3) });
    const res = await whoKnows(gid("Person", person.id));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.whoKnows ?? null).toBeNull();
  });

  it("cannot see another member's private record: private people are null, private interactions name no one", async () => {
    const contact = await makePerson(server.db, alice, { fullName: "Shared Acquaintance" });
    const bobSecretary = await makeUser(server.db, { memberId: bob.member.id, name: "Bob's Secret Attendee" });
    await makeInteraction(server.db, bob, {
      visibility: "PRIVATE",
      personIds: [contact.id],
      userIds: [bobSecretary.id],
      createdById: bob.user.id,
      occurredAt: daysAgo(2),
    });
    const bobsOwn = await makeUser(server.db, { memberId: bob.member.id, name: "Bob's Archived Attendee" });
    await makeInteraction(server.db, bob, { personIds: [contact.id], userIds: [bobsOwn.id], occurredAt: daysAgo(1), archivedAt: new Date() });

    const seen = await whoKnows(gid("Person", contact.id), alice.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.whoKnows).toEqual([]);
    // The owner member sees its own private meeting (archived ones stay out for everyone).
    const own = await whoKnows(gid("Person", contact.id), bob.token);
    expect(names(own.data?.whoKnows).sort()).toEqual([bob.user.name, "Bob's Secret Attendee"].sort());

    // Another member's private person does not exist for alice, whatever bob's team did with them.
    const secret = await makePerson(server.db, bob, { visibility: "PRIVATE" });
    await makeInteraction(server.db, bob, { personIds: [secret.id], userIds: [bob.user.id], occurredAt: daysAgo(4) });
    expect((await whoKnows(gid("Person", secret.id), alice.token)).data).toEqual({ whoKnows: null });
    expect(names((await whoKnows(gid("Person", secret.id), bob.token)).data?.whoKnows)).toEqual([bob.user.name]);
    // Missing people and ids of another type look the same; garbage names the field.
    expect((await whoKnows(gid("Person", "00000000-0000-4000-8000-000000000000"), alice.token)).data).toEqual({ whoKnows: null });
    expect((await whoKnows(gid("Organisation", contact.id), alice.token)).data).toEqual({ whoKnows: null });
    const bad = await whoKnows("garbage", alice.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "personId" });
  });

  it("lists who logged or attended, with their member, counts and last meeting, most recent first", async () => {
    const person = await makePerson(server.db, alice, { fullName: "Well Known Person" });
    const colleague = await makeColleague(server.db, server.config, alice);
    // Alice logged two meetings; her colleague attended the older one; bob logged a network one.
    const [older, latest, bobs] = [daysAgo(30), daysAgo(5), daysAgo(10)];
    await makeInteraction(server.db, alice, { personIds: [person.id], createdById: alice.user.id, userIds: [colleague.user.id], occurredAt: older });
    await makeInteraction(server.db, alice, { personIds: [person.id], createdById: alice.user.id, userIds: [alice.user.id], occurredAt: latest });
    await makeInteraction(server.db, bob, { personIds: [person.id], createdById: bob.user.id, occurredAt: bobs });
    // A meeting still to come is not "met"; a meeting with someone else does not count.
    await makeInteraction(server.db, bob, { personIds: [person.id], userIds: [bob.user.id], occurredAt: new Date(Date.now() + 7 * DAY) });
    const other = await makePerson(server.db, alice);
    await makeInteraction(server.db, alice, { personIds: [other.id], userIds: [colleague.user.id], occurredAt: daysAgo(1) });

    const res = await whoKnows(gid("Person", person.id), alice.token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.whoKnows).toEqual([
      { user: { name: alice.user.name, email: alice.user.email }, member: { name: alice.member.name }, interactions: 2, lastMetAt: latest.toISOString() },
      // Another member's user: the name, never the email.
      { user: { name: bob.user.name, email: null }, member: { name: bob.member.name }, interactions: 1, lastMetAt: bobs.toISOString() },
      { user: { name: colleague.user.name, email: colleague.user.email }, member: { name: alice.member.name }, interactions: 1, lastMetAt: older.toISOString() },
    ]);

    // first bounds the list; out of range names the argument.
    expect(names((await whoKnows(gid("Person", person.id), alice.token, 1)).data?.whoKnows)).toEqual([alice.user.name]);
    for (const first of [0, 51]) {
      const tooMany = await whoKnows(gid("Person", person.id), alice.token, first);
      expect(tooMany.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    }
  });

  it("names a disabled account only to its own member's admins", async () => {
    const person = await makePerson(server.db, alice);
    const leaver = await makeUser(server.db, { memberId: bob.member.id, name: "Departed Envoy", disabledAt: new Date() });
    await makeInteraction(server.db, bob, { personIds: [person.id], userIds: [leaver.id], occurredAt: daysAgo(20) });
    const bobAdmin = await makeColleague(server.db, server.config, bob, "ADMIN");
    expect(names((await whoKnows(gid("Person", person.id), alice.token)).data?.whoKnows)).toEqual([]);
    expect(names((await whoKnows(gid("Person", person.id), bob.token)).data?.whoKnows)).toEqual([]);
    expect(names((await whoKnows(gid("Person", person.id), bobAdmin.token)).data?.whoKnows)).toEqual(["Departed Envoy"]);
  });

  it("runs the same number of statements for 1 acquaintance as for 24 across 4 members", async () => {
    const owner = await makeActor(server.db, server.config);
    const small = await makePerson(server.db, owner);
    await makeInteraction(server.db, owner, { personIds: [small.id], userIds: [owner.user.id], occurredAt: daysAgo(2) });

    const big = await makePerson(server.db, owner);
    const members = [owner, bob, await makeActor(server.db, server.config), await makeActor(server.db, server.config)];
    for (const [m, member] of members.entries()) {
      for (let i = 0; i < 6; i++) {
        const user = await makeUser(server.db, { memberId: member.member.id, name: `Fan-out ${m}-${i}` });
        await makeInteraction(server.db, member, { personIds: [big.id], userIds: [user.id], createdById: member.user.id, occurredAt: daysAgo(1 + m * 6 + i) });
      }
    }
    const one = await whoKnows(gid("Person", small.id), owner.token, 50);
    const many = await whoKnows(gid("Person", big.id), owner.token, 50);
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(one.data?.whoKnows).toHaveLength(1);
    // 24 attendees plus the 4 users who logged the meetings.
    expect(many.data?.whoKnows).toHaveLength(28);
    expect(new Set(many.data?.whoKnows?.map((a) => a.member.name)).size).toBe(4);
    expect(one.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(one.statements);
  });
});
