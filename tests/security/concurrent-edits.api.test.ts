import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { and, eq, inArray } from "drizzle-orm";
import { followUps, interactions, people } from "../../server/db/tables/index.js";
import { buildSchema } from "../../server/graphql/schema.js";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeInvestorProfile,
  makeOpportunity,
  makeOrganisation,
  makePartnership,
  makePerson,
  makePlace,
  makePriority,
  makeVisit,
} from "../support/factories.js";
import { type GraphQLResponse, type TestServer, startTestServer } from "../support/server.js";

// Lost updates: two clients that read the same version and write at once. Exactly one
// wins; the other gets CONFLICT with the stable message, and the record moved on by
// exactly one version. Every Mutation that takes a version has a race here, or this
// file fails.

let server: TestServer;
let alice: Actor; // EDITOR of A
let admin: Actor; // ADMIN of A
let bob: Actor; // EDITOR of B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  admin = await makeColleague(server.db, server.config, alice, "ADMIN");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const CONFLICT_MESSAGE = "This record was changed by someone else. Reload it and try again.";

interface Race {
  /** A fresh record at version 1, as a global id, and who may write it when not the default. */
  make: () => Promise<string | { id: string; token: string }>;
  /** The competing writes, each with the version 1 that both clients read. */
  writes: { query: string; vars: Record<string, unknown> }[];
  as?: "admin";
}

const update = (field: string, type: string, make: () => Promise<{ id: string }>, a: Record<string, unknown>, b: Record<string, unknown>): Race => {
  const query = `mutation($id: ID!, $i: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(id: $id, version: 1, input: $i) { id } }`;
  return { make: async () => gid(type, (await make()).id), writes: [{ query, vars: { i: a } }, { query, vars: { i: b } }] };
};
const ARCHIVE = `mutation($id: ID!) { archive(id: $id, version: 1) { id } }`;

const RACES: Record<string, Race> = {
  updatePerson: update("updatePerson", "Person", () => makePerson(server.db, alice), { fullName: "Left" }, { fullName: "Right", email: "right@x.example" }),
  updateOrganisation: update("updateOrganisation", "Organisation", () => makeOrganisation(server.db, alice), { name: "Left" }, { website: "https://right.example" }),
  updateInteraction: update("updateInteraction", "Interaction", () => makeInteraction(server.db, alice), { subject: "Left" }, { notes: "Right" }),
  updateVisit: update("updateVisit", "Visit", () => makeVisit(server.db, alice), { title: "Left" }, { status: "CONFIRMED" }),
  updatePartnership: update("updatePartnership", "Partnership", () => makePartnership(server.db, alice), { name: "Left" }, { status: "DORMANT" }),
  updateOpportunity: update("updateOpportunity", "Opportunity", () => makeOpportunity(server.db, alice), { title: "Left" }, { stage: "ACTIVE" }),
  updateFollowUp: update("updateFollowUp", "FollowUp", () => makeFollowUp(server.db, alice), { title: "Left" }, { dueOn: "2027-01-01" }),
  updateInvestorProfile: update("updateInvestorProfile", "InvestorProfile", async () => makeInvestorProfile(server.db, alice, { personId: (await makePerson(server.db, alice)).id }), { notes: "Left" }, { investorType: "CORPORATE" }),
  updatePriority: update("updatePriority", "Priority", () => makePriority(server.db, alice), { name: "Left" }, { weight: 7 }),
  updatePlace: update("updatePlace", "Place", () => makePlace(server.db), { name: "Left" }, { latitude: 10 }),
  updateMember: {
    // A member of its own each round (its admins write it), renamed to a fresh name: names are unique.
    make: async () => {
      const owner = await makeActor(server.db, server.config, "ADMIN");
      return { id: gid("Member", owner.member.id), token: owner.token };
    },
    writes: [
      {
        query: `mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, version: 1, input: $i) { id } }`,
        get vars() {
          return { i: { name: `Left ${randomUUID()}` } };
        },
      },
      { query: `mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, version: 1, input: $i) { id } }`, vars: { i: { website: "https://right.example" } } },
    ],
  },
  updateUser: { ...update("updateUser", "User", async () => (await makeColleague(server.db, server.config, admin, "VIEWER")).user, { role: "EDITOR" }, { disabled: true }), as: "admin" },
  // Different mutations on the same version race just the same.
  archive: {
    make: async () => gid("Person", (await makePerson(server.db, alice)).id),
    writes: [
      { query: ARCHIVE, vars: {} },
      { query: `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "Right" }) { id } }`, vars: {} },
    ],
  },
  completeFollowUp: {
    make: async () => gid("FollowUp", (await makeFollowUp(server.db, alice, { assigneeId: alice.user.id })).id),
    writes: [
      { query: `mutation($id: ID!) { completeFollowUp(id: $id, version: 1) { id } }`, vars: {} },
      { query: `mutation($id: ID!) { updateFollowUp(id: $id, version: 1, input: { status: CANCELLED }) { id } }`, vars: {} },
    ],
  },
  reassignFollowUp: {
    make: async () => gid("FollowUp", (await makeFollowUp(server.db, alice, { assigneeId: alice.user.id })).id),
    writes: [
      {
        query: `mutation($id: ID!, $a: ID!) { reassignFollowUp(id: $id, version: 1, assigneeId: $a) { id } }`,
        get vars() {
          return { a: gid("User", admin.user.id) }; // read when the race runs, after beforeAll
        },
      },
      { query: `mutation($id: ID!) { completeFollowUp(id: $id, version: 1) { id } }`, vars: {} },
    ],
  },
  reviewRetention: {
    as: "admin",
    make: async () => gid("Person", (await makePerson(server.db, alice, { retentionReviewOn: "2020-01-01" })).id),
    writes: [
      { query: `mutation($id: ID!) { reviewRetention(personId: $id, version: 1, decision: { extendTo: "2031-01-01", note: "Left" }) { erased } }`, vars: {} },
      { query: `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { retentionReviewOn: "2032-01-01" }) { id } }`, vars: {} },
    ],
  },
};

const VERSION = `query($id: ID!) { node(id: $id) { __typename ... on Owned { version } ... on Place { version } ... on Member { version } ... on User { version } } }`;

describe("two writes from the same version", () => {
  it("has a race for every Mutation that takes a version (add new ones to RACES)", () => {
    const versioned = Object.values(buildSchema().getMutationType()!.getFields())
      .filter((f) => f.args.some((a) => a.name === "version"))
      .map((f) => f.name);
    expect(versioned.filter((f) => !(f in RACES)).sort()).toEqual([]);
  });

  it.each(Object.keys(RACES))("%s: exactly one wins, the other gets CONFLICT", async (name) => {
    const race = RACES[name]!;
    // A few rounds: the interleaving differs from run to run; the outcome must not.
    for (let round = 0; round < 3; round++) {
      const made = await race.make();
      const { id, token } = typeof made === "string" ? { id: made, token: race.as === "admin" ? admin.token : alice.token } : made;
      const results: GraphQLResponse[] = await Promise.all(race.writes.map((w) => server.gql(w.query, { id, ...w.vars }, token)));
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect({ name, won: won.length, lost: lost.map((r) => r.errors?.[0]) }).toEqual({
        name,
        won: 1,
        lost: [{ message: CONFLICT_MESSAGE, path: expect.any(Array), extensions: { code: "CONFLICT" } }],
      });
      const after = await server.gql<{ node: { version: number } }>(VERSION, { id }, token);
      expect({ name, version: after.data?.node.version }).toEqual({ name, version: 2 });
      // The loser retries from the new version and succeeds: a conflict is recoverable, not a lock-out.
      const retried = await server.gql(race.writes[1]!.query.replace("version: 1", "version: 2"), { id, ...race.writes[1]!.vars }, token);
      if (name !== "archive" && name !== "completeFollowUp" && name !== "reassignFollowUp" && name !== "reviewRetention") expect({ name, errors: retried.errors }).toEqual({ name, errors: undefined });
    }
  });
});

describe("unique names racing", () => {
  it("renames two members to the same name at once: one wins, the other is told which field", async () => {
    const [one, two] = [await makeActor(server.db, server.config, "ADMIN"), await makeActor(server.db, server.config, "ADMIN")];
    const name = `Same Name ${randomUUID()}`;
    const q = `mutation($id: ID!, $n: String!) { updateMember(id: $id, version: 1, input: { name: $n }) { name } }`;
    const results = await Promise.all([one, two].map((a) => server.gql(q, { id: gid("Member", a.member.id), n: name }, a.token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.name" });
    // And when not racing.
    const three = await makeActor(server.db, server.config, "ADMIN");
    const sequential = await server.gql(q, { id: gid("Member", three.member.id), n: name }, three.token);
    expect(sequential.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.name" });
  });

  it("adds the same new user email from two admins at once: one wins, the other is told which field", async () => {
    const otherAdmin = await makeActor(server.db, server.config, "ADMIN");
    const email = `race-${randomUUID()}@test.example`;
    const q = `mutation($e: String!) { createUser(input: { email: $e, name: "Raced", role: VIEWER, password: "a long enough password 1" }) { id } }`;
    const results = await Promise.all([admin, otherAdmin].map((a) => server.gql(q, { e: email }, a.token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.email" });
  });
});

describe("merges racing", () => {
  const MERGE = `mutation($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) { person { id } } }`;

  it("merges a duplicate once when two merges of it run at once, in either direction, without deadlock", async () => {
    for (const crossed of [false, true]) {
      const keep = await makePerson(server.db, alice, { fullName: "Race Keep" });
      const dup = await makePerson(server.db, alice, { fullName: "Race Dup" });
      await makeInteraction(server.db, alice, { personIds: [dup.id] });
      const [k, m] = [gid("Person", keep.id), gid("Person", dup.id)];
      const results = await Promise.all([server.gql(MERGE, { k, m }, alice.token), server.gql(MERGE, crossed ? { k: m, m: k } : { k, m }, alice.token)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const loser = results.find((r) => r.errors)!;
      expect(loser.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const rows = await server.db.select({ archivedAt: people.archivedAt }).from(people).where(inArray(people.id, [keep.id, dup.id]));
      expect(rows.filter((r) => r.archivedAt !== null)).toHaveLength(1);
    }
  });
});

describe("logInteraction retried at once", () => {
  const LOG = `mutation($i: LogInteractionInput!) { logInteraction(input: $i) { created interaction { id subject } } }`;
  const input = (key: string, subject: string) => ({
    idempotencyKey: key,
    occurredAt: "2026-03-01T10:00:00Z",
    kind: "MEETING",
    subject,
    participants: [{ new: { fullName: `Contact for ${subject}`, organisation: { new: { name: `Org for ${subject}`, createAnyway: true } }, createAnyway: true } }],
    followUps: [{ title: `Task for ${subject}` }],
  });
  type Logged = { logInteraction: { created: boolean; interaction: { id: string; subject: string } } };

  it("creates one interaction, one contact and one follow-up for the same key sent six times at once", async () => {
    const key = randomUUID();
    const colleague = await makeColleague(server.db, server.config, alice, "EDITOR");
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => server.gql<Logged>(LOG, { i: input(key, "Six at once") }, i % 2 ? alice.token : colleague.token)),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.filter((r) => r.data?.logInteraction.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data?.logInteraction.interaction.id)).size).toBe(1);
    const stored = await server.db.select().from(interactions).where(and(eq(interactions.ownerMemberId, alice.member.id), eq(interactions.idempotencyKey, key)));
    expect(stored).toHaveLength(1);
    expect(await server.db.select().from(people).where(eq(people.fullName, "Contact for Six at once"))).toHaveLength(1);
    expect(await server.db.select().from(followUps).where(eq(followUps.title, "Task for Six at once"))).toHaveLength(1);
  });

  it("scopes keys to the member: another member reusing a key gets its own interaction, never the first one", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([server.gql<Logged>(LOG, { i: input(key, "Alice's meeting") }, alice.token), server.gql<Logged>(LOG, { i: input(key, "Bob's meeting") }, bob.token)]);
    expect(a.data?.logInteraction).toMatchObject({ created: true, interaction: { subject: "Alice's meeting" } });
    expect(b.data?.logInteraction).toMatchObject({ created: true, interaction: { subject: "Bob's meeting" } });
    // A retry by Bob with Alice's key still answers with Bob's own interaction.
    const retry = await server.gql<Logged>(LOG, { i: input(key, "Bob's meeting") }, bob.token);
    expect(retry.data?.logInteraction).toEqual({ created: false, interaction: b.data?.logInteraction.interaction });
  });
});
