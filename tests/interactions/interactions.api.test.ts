import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import { people, users } from "../../server/db/tables/index.js";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeInteraction,
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

const INTERACTION = `id occurredAt kind channel subject notes notesSensitive outcome themes visibility version canEdit
  place { name } visit { title } participants { fullName } organisations { name } internalAttendees { name }
  loggedBy { name } ownerMember { name }`;
const MISSING = "00000000-0000-4000-8000-000000000000";

type InteractionResult = Record<string, unknown> & { id: string; version: number };

describe("interaction(id)", () => {
  it("requires authentication", async () => {
    const i = await makeInteraction(server.db, alice);
    const res = await server.gql(`query($id: ID!) { interaction(id: $id) { id } }`, { id: gid("Interaction", i.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.interaction ?? null).toBeNull();
    const list = await server.gql(`{ interactions { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const write = await server.gql(
      `mutation { createInteraction(input: { occurredAt: "2026-01-01T10:00:00Z", kind: CALL, subject: "x" }) { id } }`,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private interaction through any path", async () => {
    const person = await makePerson(server.db, alice, { fullName: "Shared Contact" });
    const org = await makeOrganisation(server.db, alice, { name: "Shared Org" });
    const place = await makePlace(server.db, { countryCode: "VN" });
    const visit = await makeVisit(server.db, alice);
    const secret = await makeInteraction(server.db, alice, {
      subject: "Secret Pangolin Meeting",
      visibility: "PRIVATE",
      placeId: place.id,
      visitId: visit.id,
      personIds: [person.id],
      organisationIds: [org.id],
    });
    const id = gid("Interaction", secret.id);
    const byId = await server.gql(`query($id: ID!) { interaction(id: $id) { id } }`, { id }, bob.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ interaction: null });
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, bob.token);
    expect(node.data).toEqual({ node: null });
    // Lists and counts, whichever filter points at it.
    for (const filter of [
      `{ personId: "${gid("Person", person.id)}" }`,
      `{ organisationId: "${gid("Organisation", org.id)}" }`,
      `{ placeId: "${gid("Place", place.id)}" }`,
      `{ countryCode: "VN" }`,
      `{ visitId: "${gid("Visit", visit.id)}" }`,
    ]) {
      const list = await server.gql(`{ interactions(filter: ${filter}) { totalCount nodes { id } } }`, {}, bob.token);
      expect(list.data).toEqual({ interactions: { totalCount: 0, nodes: [] } });
    }
    // Nested: the NETWORK person's and organisation's histories leave it out.
    const nested = await server.gql(
      `query($p: ID!, $o: ID!) {
        person(id: $p) { fullName interactions { totalCount nodes { id } } }
        organisation(id: $o) { name interactions { totalCount nodes { id } } } }`,
      { p: gid("Person", person.id), o: gid("Organisation", org.id) },
      bob.token,
    );
    expect(nested.data).toEqual({
      person: { fullName: "Shared Contact", interactions: { totalCount: 0, nodes: [] } },
      organisation: { name: "Shared Org", interactions: { totalCount: 0, nodes: [] } },
    });
    // Writes: indistinguishable from a missing record.
    const update = `mutation($id: ID!) { updateInteraction(id: $id, version: 1, input: { subject: "x" }) { id } }`;
    const write = await server.gql(update, { id }, bob.token);
    expect(write.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await server.gql(update, { id: gid("Interaction", MISSING) }, bob.token);
    expect(missing.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(archive.errors?.[0]?.message).toBe(write.errors?.[0]?.message);
    // The owner member sees it everywhere.
    const own = await server.gql(
      `query($p: ID!) { person(id: $p) { interactions { totalCount nodes { subject } } } }`,
      { p: gid("Person", person.id) },
      viewerA.token,
    );
    expect(own.data).toEqual({ person: { interactions: { totalCount: 1, nodes: [{ subject: "Secret Pangolin Meeting" }] } } });
  });

  it("shows a NETWORK interaction without the private people and organisations it involves", async () => {
    const open = await makePerson(server.db, alice, { fullName: "Open Person" });
    const hidden = await makePerson(server.db, alice, { fullName: "Hidden Person", visibility: "PRIVATE" });
    const openOrg = await makeOrganisation(server.db, alice, { name: "Open Org" });
    const hiddenOrg = await makeOrganisation(server.db, alice, { name: "Hidden Org", visibility: "PRIVATE" });
    const i = await makeInteraction(server.db, alice, {
      personIds: [open.id, hidden.id],
      organisationIds: [openOrg.id, hiddenOrg.id],
    });
    const q = `query($id: ID!) { interaction(id: $id) { participants { fullName } organisations { name } } }`;
    const theirs = await server.gql(q, { id: gid("Interaction", i.id) }, bob.token);
    expect(theirs.data).toEqual({ interaction: { participants: [{ fullName: "Open Person" }], organisations: [{ name: "Open Org" }] } });
    const ours = await server.gql(q, { id: gid("Interaction", i.id) }, viewerA.token);
    expect(ours.data).toEqual({
      interaction: {
        participants: [{ fullName: "Hidden Person" }, { fullName: "Open Person" }],
        organisations: [{ name: "Hidden Org" }, { name: "Open Org" }],
      },
    });
    // Filtering by the hidden person finds nothing for another member, even on this NETWORK interaction.
    const probe = await server.gql(
      `query($p: ID!) { interactions(filter: { personId: $p }) { totalCount } }`,
      { p: gid("Person", hidden.id) },
      bob.token,
    );
    expect(probe.data).toEqual({ interactions: { totalCount: 0 } });
  });

  it("hides sensitive notes from other members on a NETWORK interaction", async () => {
    const sensitive = await makeInteraction(server.db, alice, { notes: "Minister may resign", notesSensitive: true });
    const plain = await makeInteraction(server.db, alice, { notes: "Discussed rail links" });
    const q = `query($id: ID!) { interaction(id: $id) { notes notesSensitive } }`;
    const theirs = await server.gql(q, { id: gid("Interaction", sensitive.id) }, bob.token);
    expect(theirs.data).toEqual({ interaction: { notes: null, notesSensitive: true } });
    const ours = await server.gql(q, { id: gid("Interaction", sensitive.id) }, viewerA.token);
    expect(ours.data).toEqual({ interaction: { notes: "Minister may resign", notesSensitive: true } });
    const shared = await server.gql(q, { id: gid("Interaction", plain.id) }, bob.token);
    expect(shared.data).toEqual({ interaction: { notes: "Discussed rail links", notesSensitive: false } });
    // Nested paths apply the same rule.
    const person = await makePerson(server.db, alice);
    await makeInteraction(server.db, alice, { notes: "Sensitive via person", notesSensitive: true, personIds: [person.id] });
    const nested = await server.gql(
      `query($p: ID!) { person(id: $p) { interactions { nodes { notes } } } }`,
      { p: gid("Person", person.id) },
      bob.token,
    );
    expect(nested.data).toEqual({ person: { interactions: { nodes: [{ notes: null }] } } });
  });
});

describe("createInteraction / updateInteraction / archive", () => {
  it("creates, reads, updates with the version read, and archives", async () => {
    const place = await makePlace(server.db, { name: "Toyota City" });
    const visit = await makeVisit(server.db, alice, { title: "Aichi mission" });
    const tanaka = await makePerson(server.db, alice, { fullName: "Tanaka Hiroshi" });
    const sato = await makePerson(server.db, bob, { fullName: "Sato Yuki" });
    const city = await makeOrganisation(server.db, alice, { name: "Toyota City Government" });
    const created = await server.gql<{ createInteraction: InteractionResult }>(
      `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { ${INTERACTION} } }`,
      {
        input: {
          occurredAt: "2026-02-22T18:30:00+09:00",
          kind: "MISSION_MEETING",
          subject: "  Partnership renewal  ",
          notes: "Keen to renew in 2027.",
          outcome: "Draft MoU to follow",
          themes: ["automotive", "education", "automotive"],
          placeId: gid("Place", place.id),
          visitId: gid("Visit", visit.id),
          participantIds: [gid("Person", tanaka.id), gid("Person", sato.id), gid("Person", tanaka.id)],
          organisationIds: [gid("Organisation", city.id)],
          internalAttendeeIds: [gid("User", alice.user.id), gid("User", aliceColleague.user.id)],
        },
      },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const interaction = created.data!.createInteraction;
    expect(interaction).toMatchObject({
      occurredAt: "2026-02-22T09:30:00.000Z",
      kind: "MISSION_MEETING",
      channel: "IN_PERSON",
      subject: "Partnership renewal",
      notes: "Keen to renew in 2027.",
      notesSensitive: false,
      outcome: "Draft MoU to follow",
      themes: ["automotive", "education"],
      visibility: "NETWORK",
      version: 1,
      canEdit: true,
      place: { name: "Toyota City" },
      visit: { title: "Aichi mission" },
      participants: [{ fullName: "Sato Yuki" }, { fullName: "Tanaka Hiroshi" }],
      organisations: [{ name: "Toyota City Government" }],
      loggedBy: { name: alice.user.name },
      ownerMember: { name: alice.member.name },
    });
    expect((interaction.internalAttendees as { name: string }[]).map((u) => u.name).sort()).toEqual(
      [alice.user.name, aliceColleague.user.name].sort(),
    );

    const read = await server.gql(`query($id: ID!) { interaction(id: $id) { subject canEdit } }`, { id: interaction.id }, bob.token);
    expect(read.data).toEqual({ interaction: { subject: "Partnership renewal", canEdit: false } });

    const updated = await server.gql<{ updateInteraction: InteractionResult }>(
      `mutation($id: ID!, $v: Int!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, version: $v, input: $input) { ${INTERACTION} } }`,
      {
        id: interaction.id,
        v: 1,
        input: {
          channel: "VIDEO",
          notesSensitive: true,
          visitId: null,
          participantIds: [gid("Person", tanaka.id)],
          internalAttendeeIds: [],
        },
      },
      alice.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateInteraction).toMatchObject({
      channel: "VIDEO",
      notesSensitive: true,
      notes: "Keen to renew in 2027.",
      visit: null,
      version: 2,
      participants: [{ fullName: "Tanaka Hiroshi" }],
      internalAttendees: [],
      // Not given: unchanged.
      organisations: [{ name: "Toyota City Government" }],
      subject: "Partnership renewal",
      place: { name: "Toyota City" },
    });
    // Sato's history no longer has it; Tanaka's does.
    const histories = await server.gql(
      `query($s: ID!, $t: ID!) { s: person(id: $s) { interactions { totalCount } } t: person(id: $t) { interactions { nodes { subject } } } }`,
      { s: gid("Person", sato.id), t: gid("Person", tanaka.id) },
      alice.token,
    );
    expect(histories.data).toEqual({ s: { interactions: { totalCount: 0 } }, t: { interactions: { nodes: [{ subject: "Partnership renewal" }] } } });

    const archived = await server.gql(
      `mutation($id: ID!) { archive(id: $id, version: 2) { ... on Interaction { archivedAt version } } }`,
      { id: interaction.id },
      alice.token,
    );
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archive).toMatchObject({ version: 3 });
    const listed = await server.gql(
      `query($t: ID!) { interactions(filter: { personId: $t }) { totalCount } person(id: $t) { interactions { totalCount } } }`,
      { t: gid("Person", tanaka.id) },
      alice.token,
    );
    expect(listed.data).toEqual({ interactions: { totalCount: 0 }, person: { interactions: { totalCount: 0 } } });
    const withArchived = await server.gql(
      `query($t: ID!) { interactions(filter: { personId: $t, includeArchived: true }) { nodes { id } } }`,
      { t: gid("Person", tanaka.id) },
      alice.token,
    );
    expect(withArchived.data).toEqual({ interactions: { nodes: [{ id: interaction.id }] } });
  });

  it("keeps links to records the editor can no longer see when replacing the lists", async () => {
    const theirs = await makePerson(server.db, bob, { fullName: "Bob's Contact" });
    const ours = await makePerson(server.db, alice, { fullName: "Alice's Contact" });
    const created = await server.gql<{ createInteraction: InteractionResult }>(
      `mutation($p: [ID!]) { createInteraction(input: { occurredAt: "2026-03-03T10:00:00Z", kind: CALL, subject: "Joint call", participantIds: $p }) { id version } }`,
      { p: [gid("Person", theirs.id), gid("Person", ours.id)] },
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    await server.db.update(people).set({ visibility: "PRIVATE" }).where(eq(people.id, theirs.id));
    const updated = await server.gql(
      `mutation($id: ID!) { updateInteraction(id: $id, version: 1, input: { participantIds: [] }) { participants { fullName } } }`,
      { id: created.data!.createInteraction.id },
      alice.token,
    );
    expect(updated.data).toEqual({ updateInteraction: { participants: [] } });
    const bobsView = await server.gql(
      `query($id: ID!) { interaction(id: $id) { participants { fullName } } }`,
      { id: created.data!.createInteraction.id },
      bob.token,
    );
    expect(bobsView.data).toEqual({ interaction: { participants: [{ fullName: "Bob's Contact" }] } });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const i = await makeInteraction(server.db, alice, { subject: "Original" });
    const m = `mutation($id: ID!, $v: Int!, $s: String) { updateInteraction(id: $id, version: $v, input: { subject: $s }) { version } }`;
    const first = await server.gql(m, { id: gid("Interaction", i.id), v: 1, s: "First" }, alice.token);
    expect(first.errors).toBeUndefined();
    const stale = await server.gql(m, { id: gid("Interaction", i.id), v: 1, s: "Second" }, alice.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const now = await server.gql(`query($id: ID!) { interaction(id: $id) { subject version } }`, { id: gid("Interaction", i.id) }, alice.token);
    expect(now.data).toEqual({ interaction: { subject: "First", version: 2 } });
  });

  it("names the failing field on bad input and stores nothing", async () => {
    const base = { occurredAt: "2026-04-01T09:00:00Z", kind: "MEETING", subject: "Bad Input Interaction" };
    const privateOfBob = await makePerson(server.db, bob, { visibility: "PRIVATE" });
    const privateVisitOfBob = await makeVisit(server.db, bob, { visibility: "PRIVATE" });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, subject: "" }, "input.subject"],
      [{ ...base, occurredAt: "2026-04-01T09:00:00" }, "input.occurredAt"],
      [{ ...base, kind: "DINNER" }, "input.kind"],
      [{ ...base, notes: "x".repeat(20001) }, "input.notes"],
      [{ ...base, themes: [""] }, "input.themes.0"],
      [{ ...base, placeId: gid("Organisation", MISSING) }, "input.placeId"],
      [{ ...base, visitId: gid("Visit", privateVisitOfBob.id) }, "input.visitId"],
      [{ ...base, participantIds: [gid("Person", privateOfBob.id)] }, "input.participantIds.0"],
      [{ ...base, organisationIds: [gid("Organisation", MISSING)] }, "input.organisationIds.0"],
      [{ ...base, internalAttendeeIds: [gid("User", alice.user.id), gid("User", bob.user.id)] }, "input.internalAttendeeIds.1"],
      [{ ...base, internalAttendeeIds: [gid("User", MISSING)] }, "input.internalAttendeeIds.0"],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(`mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`, { input }, alice.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const count = await server.gql<{ interactions: { totalCount: number } }>(`{ interactions(filter: { ownedByMe: true, from: "2026-04-01T09:00:00Z", to: "2026-04-01T09:00:00Z" }) { totalCount } }`, {}, alice.token);
    expect(count.data?.interactions.totalCount).toBe(0);
    const i = await makeInteraction(server.db, alice);
    const nulls = await server.gql(
      `mutation($id: ID!) { updateInteraction(id: $id, version: 1, input: { subject: null }) { id } }`,
      { id: gid("Interaction", i.id) },
      alice.token,
    );
    expect(nulls.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.subject" });
  });

  it("refuses viewers and other members' editors", async () => {
    const i = await makeInteraction(server.db, alice);
    const byViewer = await server.gql(
      `mutation { createInteraction(input: { occurredAt: "2026-01-01T10:00:00Z", kind: CALL, subject: "V" }) { id } }`,
      {},
      viewerA.token,
    );
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const m = `mutation($id: ID!) { updateInteraction(id: $id, version: 1, input: { subject: "x" }) { id } }`;
    const byOther = await server.gql(m, { id: gid("Interaction", i.id) }, bob.token);
    expect(byOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archive = await server.gql(`mutation($id: ID!) { archive(id: $id, version: 1) { id } }`, { id: gid("Interaction", i.id) }, bob.token);
    expect(archive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("shows disabled attendees only to their own member's admins", async () => {
    const admin = await makeColleague(server.db, server.config, alice, "ADMIN");
    const leaver = await makeColleague(server.db, server.config, alice, "EDITOR");
    const i = await makeInteraction(server.db, alice, { userIds: [leaver.user.id], createdById: leaver.user.id });
    await server.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaver.user.id));
    const q = `query($id: ID!) { interaction(id: $id) { internalAttendees { name } loggedBy { name } } }`;
    const forAdmin = await server.gql(q, { id: gid("Interaction", i.id) }, admin.token);
    expect(forAdmin.data).toEqual({ interaction: { internalAttendees: [{ name: leaver.user.name }], loggedBy: { name: leaver.user.name } } });
    const forOther = await server.gql(q, { id: gid("Interaction", i.id) }, bob.token);
    expect(forOther.data).toEqual({ interaction: { internalAttendees: [], loggedBy: null } });
  });
});

describe("interactions(filter)", () => {
  it("filters by person, organisation, place, country, visit, dates and kind", async () => {
    const owner = await makeActor(server.db, server.config);
    const person = await makePerson(server.db, owner);
    const org = await makeOrganisation(server.db, owner);
    const hanoi = await makePlace(server.db, { countryCode: "VN" });
    const paris = await makePlace(server.db, { countryCode: "FR" });
    const visit = await makeVisit(server.db, owner);
    await makeInteraction(server.db, owner, { subject: "Jan call", kind: "CALL", occurredAt: new Date("2026-01-10T10:00:00Z"), personIds: [person.id] });
    await makeInteraction(server.db, owner, {
      subject: "Feb Hanoi",
      occurredAt: new Date("2026-02-10T10:00:00Z"),
      placeId: hanoi.id,
      visitId: visit.id,
      organisationIds: [org.id],
      personIds: [person.id],
    });
    await makeInteraction(server.db, owner, { subject: "Mar Paris", occurredAt: new Date("2026-03-10T10:00:00Z"), placeId: paris.id, organisationIds: [org.id] });
    const subjects = async (filter: string) => {
      const res = await server.gql<{ interactions: { totalCount: number; nodes: { subject: string }[] } }>(
        `{ interactions(filter: { ownedByMe: true, ${filter} }) { totalCount nodes { subject } } }`,
        {},
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.interactions.totalCount).toBe(res.data?.interactions.nodes.length);
      return res.data?.interactions.nodes.map((n) => n.subject);
    };
    expect(await subjects("")).toEqual(["Mar Paris", "Feb Hanoi", "Jan call"]);
    expect(await subjects(`personId: "${gid("Person", person.id)}"`)).toEqual(["Feb Hanoi", "Jan call"]);
    expect(await subjects(`organisationId: "${gid("Organisation", org.id)}"`)).toEqual(["Mar Paris", "Feb Hanoi"]);
    expect(await subjects(`placeId: "${gid("Place", paris.id)}"`)).toEqual(["Mar Paris"]);
    expect(await subjects(`countryCode: "vn"`)).toEqual(["Feb Hanoi"]);
    expect(await subjects(`visitId: "${gid("Visit", visit.id)}"`)).toEqual(["Feb Hanoi"]);
    expect(await subjects(`from: "2026-02-10T10:00:00Z", to: "2026-03-10T09:59:59Z"`)).toEqual(["Feb Hanoi"]);
    expect(await subjects(`kind: CALL`)).toEqual(["Jan call"]);
    const bad = await server.gql(`{ interactions(filter: { personId: "${gid("Place", hanoi.id)}" }) { totalCount } }`, {}, owner.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "filter.personId" });
  });

  it("pages with cursors and runs a constant number of statements whatever the page size", async () => {
    const owner = await makeActor(server.db, server.config);
    const colleague = await makeColleague(server.db, server.config, owner);
    const person = await makePerson(server.db, owner);
    const other = await makePerson(server.db, owner);
    const org = await makeOrganisation(server.db, owner);
    const place = await makePlace(server.db);
    const visit = await makeVisit(server.db, owner, { destinationIds: [place.id] });
    for (let i = 0; i < 12; i++) {
      await makeInteraction(server.db, owner, {
        subject: `Pager ${String(i).padStart(2, "0")}`,
        // Two share an instant: the id breaks the tie, and no row is skipped or repeated.
        occurredAt: new Date(Date.UTC(2026, 0, 28 - Math.min(i, 10), 9, 0, 0)),
        placeId: place.id,
        visitId: visit.id,
        personIds: [person.id, other.id],
        organisationIds: [org.id],
        userIds: [colleague.user.id],
        createdById: owner.user.id,
      });
    }
    const q = `query($first: Int, $after: String) { interactions(filter: { ownedByMe: true }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { subject notes place { name } visit { title destinations { name } } ownerMember { name }
        participants { fullName affiliations { role } } organisations { name } internalAttendees { name } loggedBy { name } } } }`;
    type Page = {
      interactions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { subject: string }[] };
    };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.interactions.nodes.map((n) => n.subject)).toEqual(["Pager 00", "Pager 01"]);
    expect(large.data?.interactions.nodes).toHaveLength(10);
    expect(large.statements).toBe(small.statements);
    const rest = await server.gql<Page>(q, { first: 10, after: large.data?.interactions.pageInfo.endCursor }, owner.token);
    const all = [...(large.data?.interactions.nodes ?? []), ...(rest.data?.interactions.nodes ?? [])].map((n) => n.subject).sort();
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => `Pager ${String(i).padStart(2, "0")}`));
    expect(rest.data?.interactions).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it("pages each person's and organisation's history in one statement per batch", async () => {
    const owner = await makeActor(server.db, server.config);
    const org = await makeOrganisation(server.db, owner);
    const contacts = [];
    for (let p = 0; p < 12; p++) {
      const person = await makePerson(server.db, owner, { fullName: `History ${String(p).padStart(2, "0")}` });
      contacts.push(person);
      for (let i = 0; i < 3; i++) {
        await makeInteraction(server.db, owner, {
          subject: `H${p}-${i}`,
          occurredAt: new Date(Date.UTC(2026, 1, 1 + i, 9)),
          personIds: [person.id],
          organisationIds: [org.id],
        });
      }
    }
    const q = `query($first: Int) { people(filter: { ownedByMe: true }, first: $first) { nodes { fullName
      interactions(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { subject place { name } } } } } }`;
    type Page = {
      people: {
        nodes: { fullName: string; interactions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { subject: string }[] } }[];
      };
    };
    const small = await server.gql<Page>(q, { first: 2 }, owner.token);
    const large = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.people.nodes[0]).toMatchObject({
      fullName: "History 00",
      interactions: { totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ subject: "H0-2" }, { subject: "H0-1" }] },
    });
    expect(large.errors).toBeUndefined();
    expect(large.data?.people.nodes).toHaveLength(10);
    expect(large.data?.people.nodes[9]?.interactions.nodes.map((n) => n.subject)).toEqual(["H9-2", "H9-1"]);
    expect(large.statements).toBe(small.statements);
    // The next page of one person's history.
    const next = await server.gql<{ person: { interactions: { nodes: { subject: string }[]; pageInfo: { hasNextPage: boolean } } } }>(
      `query($id: ID!, $after: String) { person(id: $id) { interactions(first: 2, after: $after) { nodes { subject } pageInfo { hasNextPage } } } }`,
      { id: gid("Person", contacts[0]!.id), after: small.data?.people.nodes[0]?.interactions.pageInfo.endCursor },
      owner.token,
    );
    expect(next.data?.person.interactions).toEqual({ nodes: [{ subject: "H0-0" }], pageInfo: { hasNextPage: false } });
    const orgHistory = await server.gql<{ organisation: { interactions: { totalCount: number; nodes: unknown[] } } }>(
      `query($id: ID!) { organisation(id: $id) { interactions(first: 5) { totalCount nodes { subject } } } }`,
      { id: gid("Organisation", org.id) },
      owner.token,
    );
    expect(orgHistory.data?.organisation.interactions.totalCount).toBe(36);
    expect(orgHistory.data?.organisation.interactions.nodes).toHaveLength(5);
    const bad = await server.gql(
      `query($id: ID!) { person(id: $id) { interactions(after: "nonsense") { totalCount } } }`,
      { id: gid("Person", contacts[0]!.id) },
      owner.token,
    );
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });
});
