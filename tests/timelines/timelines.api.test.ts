import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type Actor,
  gid,
  makeAffiliation,
  makeActor,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let viewerA: Actor; // VIEWER at member A
let bob: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dateDaysAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

const ENTRY = `kind at interaction { subject } followUp { title } visit { title } change { action fields by { name } member { name } }`;
type Entry = {
  kind: string;
  at: string;
  interaction: { subject: string } | null;
  followUp: { title: string } | null;
  visit: { title: string } | null;
  change: { action: string; fields: string[]; by: { name: string } | null; member: { name: string } | null } | null;
};
type Timeline = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Entry[] };
const label = (e: Entry) => `${e.kind} ${e.interaction?.subject ?? e.followUp?.title ?? e.visit?.title ?? e.change?.action}`;

const HEALTH = `lastInteractionAt dormant relationshipHealth { lastInteractionAt dormant interactionsLast12Months
  myMemberLastInteractionAt dormantForMyMember byMember { member { name } lastInteractionAt interactionsLast12Months interactions dormant } }`;

async function personTimeline(personId: string, token: string, first = 50, after?: string | null) {
  const res = await server.gql<{ person: { timeline: Timeline } | null }>(
    `query($id: ID!, $first: Int, $after: String) { person(id: $id) {
      timeline(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ENTRY} } } } }`,
    { id: gid("Person", personId), first, after },
    token,
  );
  expect(res.errors).toBeUndefined();
  return { timeline: res.data?.person?.timeline, statements: res.statements };
}

describe("timeline", () => {
  it("requires authentication", async () => {
    const p = await makePerson(server.db, alice);
    const res = await server.gql(`query($id: ID!) { person(id: $id) { timeline { totalCount } dormant } }`, { id: gid("Person", p.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.person ?? null).toBeNull();
    const place = await makePlace(server.db);
    const byPlace = await server.gql(`query($id: ID!) { place(id: $id) { timeline { totalCount } } }`, { id: gid("Place", place.id) });
    expect(byPlace.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private records: not in timelines, counts or health figures", async () => {
    const contact = await makePerson(server.db, alice, { fullName: "Shared Timeline Contact" });
    const org = await makeOrganisation(server.db, alice, { name: "Shared Timeline Org" });
    const place = await makePlace(server.db, { name: "Private Timeline City" });
    const secretVisit = await makeVisit(server.db, bob, { title: "Bob's secret visit", visibility: "PRIVATE", destinationIds: [place.id] });
    const secret = await makeInteraction(server.db, bob, {
      subject: "Bob's secret meeting",
      visibility: "PRIVATE",
      occurredAt: daysAgo(1),
      personIds: [contact.id],
      organisationIds: [org.id],
      placeId: place.id,
      visitId: secretVisit.id,
    });
    await makeFollowUp(server.db, bob, { title: "Bob's secret follow-up", personId: contact.id, visibility: "PRIVATE" });
    await makeFollowUp(server.db, bob, { title: "Shared follow-up on a secret meeting", interactionId: secret.id });
    const secretPerson = await makePerson(server.db, bob, { visibility: "PRIVATE" });

    for (const [field, type, id] of [
      ["person", "Person", contact.id],
      ["organisation", "Organisation", org.id],
      ["place", "Place", place.id],
    ] as const) {
      const res = await server.gql<Record<string, { timeline: Timeline; lastInteractionAt: string | null; dormant: boolean; relationshipHealth: { byMember: unknown[]; interactionsLast12Months: number } }>>(
        `query($id: ID!) { ${field}(id: $id) { timeline { totalCount nodes { ${ENTRY} } } ${HEALTH} } }`,
        { id: gid(type, id) },
        alice.token,
      );
      expect(res.errors).toBeUndefined();
      const seen = res.data![field]!;
      expect([field, seen.timeline.nodes.filter((n) => n.kind !== "CHANGE")]).toEqual([field, []]);
      expect([field, seen.timeline.totalCount]).toEqual([field, seen.timeline.nodes.length]);
      expect([field, seen.lastInteractionAt, seen.dormant, seen.relationshipHealth.byMember, seen.relationshipHealth.interactionsLast12Months]).toEqual([
        field,
        null,
        true,
        [],
        0,
      ]);
    }
    // The owner member sees all of it.
    const own = await personTimeline(contact.id, bob.token);
    expect(own.timeline?.nodes.map(label).sort()).toEqual(
      ["FOLLOW_UP Bob's secret follow-up", "FOLLOW_UP Shared follow-up on a secret meeting", "INTERACTION Bob's secret meeting", "VISIT Bob's secret visit"].sort(),
    );
    // A private person has no timeline to reach at all.
    const hidden = await server.gql(`query($id: ID!) { person(id: $id) { timeline { totalCount } } }`, { id: gid("Person", secretPerson.id) }, alice.token);
    expect(hidden.data).toEqual({ person: null });
  });

  it("lists a person's interactions, follow-ups, visits and changes newest first, in pages, with a fixed statement count", async () => {
    const owner = await makeActor(server.db, server.config);
    const person = await makePerson(server.db, owner, { fullName: "Timeline Person" });
    const visit = await makeVisit(server.db, owner, { title: "Spring mission", startsOn: dateDaysAgo(41), endsOn: dateDaysAgo(38) });
    const first = await makeInteraction(server.db, owner, { subject: "First meeting", occurredAt: daysAgo(40), personIds: [person.id], visitId: visit.id });
    await makeInteraction(server.db, owner, { subject: "Second meeting", occurredAt: daysAgo(10), personIds: [person.id] });
    await makeInteraction(server.db, bob, { subject: "Bob's shared meeting", occurredAt: daysAgo(20), personIds: [person.id] });
    await makeFollowUp(server.db, owner, { title: "Send the brochure", personId: person.id, dueOn: dateDaysAgo(5) });
    await makeFollowUp(server.db, owner, { title: "Thank-you letter", interactionId: first.id, status: "DONE", completedAt: daysAgo(30) });
    await makeFollowUp(server.db, owner, { title: "Archived follow-up", personId: person.id, dueOn: dateDaysAgo(6), archivedAt: new Date() });
    const updated = await server.gql(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "Director", email: "tp@example.org" }) { id } }`,
      { id: gid("Person", person.id) },
      owner.token,
    );
    expect(updated.errors).toBeUndefined();

    const all = await personTimeline(person.id, owner.token);
    expect(all.timeline?.nodes.map(label)).toEqual([
      "CHANGE update",
      "FOLLOW_UP Send the brochure",
      "INTERACTION Second meeting",
      "INTERACTION Bob's shared meeting",
      "FOLLOW_UP Thank-you letter",
      "INTERACTION First meeting",
      "VISIT Spring mission",
    ]);
    expect(all.timeline?.totalCount).toBe(7);
    expect(all.timeline?.nodes[0]?.change).toEqual({ action: "update", fields: ["email", "jobTitle"], by: { name: owner.user.name }, member: { name: owner.member.name } });
    const ats = all.timeline!.nodes.map((n) => n.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    // Pages of 2 walk the same entries, none skipped or repeated.
    const walked: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = await personTimeline(person.id, owner.token, 2, after);
      walked.push(...page.timeline!.nodes.map(label));
      if (!page.timeline!.pageInfo.hasNextPage) break;
      after = page.timeline!.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.timeline?.nodes.map(label));
    // The statement count does not grow with the length of the timeline (the entries' rows come with it).
    const firstTwo = await personTimeline(person.id, owner.token, 2);
    expect(firstTwo.timeline?.nodes.map((n) => n.kind)).toEqual(["CHANGE", "FOLLOW_UP"]);
    expect(firstTwo.statements).toBe(all.statements);

    const bad = await server.gql(`query($id: ID!) { person(id: $id) { timeline(after: "nonsense") { totalCount } } }`, { id: gid("Person", person.id) }, owner.token);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    const tooMany = await personTimeline(person.id, owner.token, 500);
    expect(tooMany.timeline?.nodes).toHaveLength(7);
  });

  it("batches the timelines of many records: the same statements for 2 people as for 10", async () => {
    const owner = await makeActor(server.db, server.config);
    for (let p = 0; p < 10; p++) {
      const person = await makePerson(server.db, owner, { fullName: `Batched Timeline ${String(p).padStart(2, "0")}` });
      for (let i = 0; i < 3; i++) {
        await makeInteraction(server.db, owner, { subject: `B${p}-${i}`, occurredAt: daysAgo(10 + i), personIds: [person.id] });
      }
      await makeFollowUp(server.db, owner, { title: `F${p}`, personId: person.id, dueOn: dateDaysAgo(1) });
    }
    const q = `query($first: Int) { people(filter: { ownedByMe: true }, first: $first) { nodes { fullName lastInteractionAt dormant
      timeline(first: 3) { totalCount nodes { kind interaction { subject } followUp { title } } } } } }`;
    type Page = { people: { nodes: { fullName: string; dormant: boolean; timeline: { totalCount: number; nodes: { kind: string }[] } }[] } };
    const two = await server.gql<Page>(q, { first: 2 }, owner.token);
    const ten = await server.gql<Page>(q, { first: 10 }, owner.token);
    expect(ten.errors).toBeUndefined();
    expect(ten.data?.people.nodes).toHaveLength(10);
    expect(ten.data?.people.nodes[9]).toMatchObject({ fullName: "Batched Timeline 09", dormant: false, timeline: { totalCount: 4 } });
    expect(ten.data?.people.nodes[9]?.timeline.nodes.map((n) => n.kind)).toEqual(["FOLLOW_UP", "INTERACTION", "INTERACTION"]);
    expect(ten.statements).toBe(two.statements);
  });

  // The benchmark's W4 request (bench/workloads/person.ts): the profile with its place, owner,
  // affiliations and a 50-entry timeline with its total.
  const PROFILE = `query($id: ID!) { person(id: $id) {
    id fullName place { id name countryCode } ownerMember { id name shortName }
    affiliations { id current organisation { id name kind } }
    timeline(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ENTRY} } } } }`;
  type Profile = { person: { affiliations: { organisation: { name: string } }[]; timeline: Timeline } };

  it("shows a person's profile in 6 statements (with the session), whatever its affiliations and timeline", async () => {
    const owner = await makeActor(server.db, server.config);
    const place = await makePlace(server.db, { name: "Profile City" });
    const small = await makePerson(server.db, owner, { fullName: "Small Profile", placeId: place.id });
    const large = await makePerson(server.db, owner, { fullName: "Large Profile", placeId: place.id });
    await makeAffiliation(server.db, small, await makeOrganisation(server.db, owner, { name: "Small Org" }));
    await makeInteraction(server.db, owner, { subject: "Only meeting", occurredAt: daysAgo(3), personIds: [small.id] });
    for (let i = 0; i < 6; i++) await makeAffiliation(server.db, large, await makeOrganisation(server.db, owner, { name: `Large Org ${i}` }));
    for (let i = 0; i < 55; i++) await makeInteraction(server.db, owner, { subject: `Meeting ${i}`, occurredAt: daysAgo(1 + i), personIds: [large.id] });
    await makeFollowUp(server.db, owner, { title: "Write back", personId: large.id, dueOn: dateDaysAgo(2) });

    const one = await server.gql<Profile>(PROFILE, { id: gid("Person", small.id) }, owner.token);
    const many = await server.gql<Profile>(PROFILE, { id: gid("Person", large.id) }, owner.token);
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(one.data?.person.timeline).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
    expect(many.data?.person.affiliations).toHaveLength(6);
    expect(many.data?.person.timeline.nodes).toHaveLength(50);
    expect(many.data?.person.timeline).toMatchObject({ totalCount: 56, pageInfo: { hasNextPage: true } });
    // Session, person, place, owner member, affiliations (with their organisations), timeline page with its total.
    expect(one.statements).toBe(6);
    expect(many.statements).toBe(6);
  });

  it("gives the timeline's total with every page, including one past the last entry", async () => {
    const owner = await makeActor(server.db, server.config);
    const person = await makePerson(server.db, owner);
    for (let i = 0; i < 3; i++) await makeInteraction(server.db, owner, { subject: `Paged ${i}`, occurredAt: daysAgo(1 + i), personIds: [person.id] });
    const empty = await makePerson(server.db, owner);
    const firstPage = await personTimeline(person.id, owner.token, 3);
    expect(firstPage.timeline).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    const past = await personTimeline(person.id, owner.token, 3, firstPage.timeline?.pageInfo.endCursor);
    expect(past.timeline).toEqual({ totalCount: 3, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    const none = await personTimeline(empty.id, owner.token);
    expect(none.timeline).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    expect(past.statements).toBe(firstPage.statements);
  });

  it("covers organisations, partnerships and places", async () => {
    const owner = await makeActor(server.db, server.config);
    const country = await makePlace(server.db, { kind: "COUNTRY", name: "Timelandia", countryCode: "TL" });
    const city = await makePlace(server.db, { name: "Timeton", countryCode: "TL", parentId: country.id });
    const elsewhere = await makePlace(server.db, { name: "Elsewhere", countryCode: "TL" });
    const org = await makeOrganisation(server.db, owner, { name: "Timeton City Council" });
    const ukOrg = await makeOrganisation(server.db, owner, { name: "UK Side Council" });
    const partnership = await makePartnership(server.db, owner, { name: "Timeton Twinning" });
    await makeParty(server.db, partnership, { organisationId: ukOrg.id, side: "UK" });
    await makeParty(server.db, partnership, { organisationId: org.id, side: "INTERNATIONAL" });
    await makeParty(server.db, partnership, { placeId: city.id, side: "INTERNATIONAL" });
    const visit = await makeVisit(server.db, owner, { title: "Timeton trade mission", startsOn: dateDaysAgo(60), endsOn: dateDaysAgo(58), destinationIds: [city.id] });
    await makeInteraction(server.db, owner, { subject: "Council meeting", occurredAt: daysAgo(59), organisationIds: [org.id] });
    const fair = daysAgo(50);
    await makeInteraction(server.db, owner, { subject: "Street fair in Timeton", occurredAt: fair, placeId: city.id });
    await makeInteraction(server.db, owner, { subject: "UK side only", occurredAt: daysAgo(45), organisationIds: [ukOrg.id] });
    await makeInteraction(server.db, owner, { subject: "Elsewhere meeting", occurredAt: daysAgo(44), placeId: elsewhere.id });
    await makeFollowUp(server.db, owner, { title: "Renew the twinning", partnershipId: partnership.id, dueOn: dateDaysAgo(3) });
    await makeFollowUp(server.db, owner, { title: "Mission report", visitId: visit.id, dueOn: dateDaysAgo(20) });
    const res = await server.gql<{
      organisation: { timeline: Timeline };
      partnership: { timeline: Timeline; relationshipHealth: { lastInteractionAt: string } };
      country: { timeline: Timeline };
      city: { timeline: Timeline };
    }>(
      `query($o: ID!, $p: ID!, $c: ID!, $city: ID!) {
        organisation(id: $o) { timeline { nodes { ${ENTRY} } } }
        partnership(id: $p) { timeline { nodes { ${ENTRY} } } relationshipHealth { lastInteractionAt } }
        country: place(id: $c) { timeline { nodes { ${ENTRY} } } }
        city: place(id: $city) { timeline { nodes { ${ENTRY} } } } }`,
      { o: gid("Organisation", org.id), p: gid("Partnership", partnership.id), c: gid("Place", country.id), city: gid("Place", city.id) },
      owner.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.organisation.timeline.nodes.map(label)).toEqual(["INTERACTION Council meeting"]);
    expect(res.data?.partnership.timeline.nodes.map(label)).toEqual([
      "FOLLOW_UP Renew the twinning",
      "FOLLOW_UP Mission report",
      "INTERACTION Street fair in Timeton",
      "INTERACTION Council meeting",
      "VISIT Timeton trade mission",
    ]);
    expect(res.data?.partnership.relationshipHealth.lastInteractionAt).toBe(fair.toISOString());
    const placeEntries = ["FOLLOW_UP Mission report", "INTERACTION Street fair in Timeton", "VISIT Timeton trade mission"];
    expect(res.data?.city.timeline.nodes.map(label)).toEqual(placeEntries);
    // A country's timeline includes what happened in its cities.
    expect(res.data?.country.timeline.nodes.map(label)).toEqual(placeEntries);
  });
});

describe("relationship health", () => {
  it("requires authentication", async () => {
    const org = await makeOrganisation(server.db, alice);
    const res = await server.gql(`query($id: ID!) { organisation(id: $id) { relationshipHealth { dormant } } }`, { id: gid("Organisation", org.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.organisation ?? null).toBeNull();
  });

  it("cannot see another member's private record", async () => {
    const partnership = await makePartnership(server.db, bob, { visibility: "PRIVATE" });
    const res = await server.gql(`query($id: ID!) { partnership(id: $id) { relationshipHealth { dormant } timeline { totalCount } } }`, {
      id: gid("Partnership", partnership.id),
    }, alice.token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ partnership: null });
  });

  it("is dormant after 12 months without a visible interaction, network-wide and per member", async () => {
    const owner = await makeActor(server.db, server.config);
    const ownerViewer = await makeColleague(server.db, server.config, owner, "VIEWER");
    const person = await makePerson(server.db, owner, { fullName: "Health Person" });
    const old = daysAgo(400);
    await makeInteraction(server.db, owner, { occurredAt: old, personIds: [person.id] });
    await makeInteraction(server.db, owner, { occurredAt: daysAgo(500), personIds: [person.id] });
    // Another member's private interaction yesterday must not warm the relationship for anyone else.
    const recentPrivate = daysAgo(1);
    await makeInteraction(server.db, bob, { occurredAt: recentPrivate, personIds: [person.id], visibility: "PRIVATE" });
    const q = `query($id: ID!) { person(id: $id) { ${HEALTH} } }`;
    const forOwner = await server.gql<{ person: Record<string, unknown> }>(q, { id: gid("Person", person.id) }, ownerViewer.token);
    expect(forOwner.errors).toBeUndefined();
    expect(forOwner.data?.person).toEqual({
      lastInteractionAt: old.toISOString(),
      dormant: true,
      relationshipHealth: {
        lastInteractionAt: old.toISOString(),
        dormant: true,
        interactionsLast12Months: 0,
        myMemberLastInteractionAt: old.toISOString(),
        dormantForMyMember: true,
        byMember: [{ member: { name: owner.member.name }, lastInteractionAt: old.toISOString(), interactionsLast12Months: 0, interactions: 2, dormant: true }],
      },
    });
    // Bob sees his own private interaction: warm for him, and for the network from where he stands.
    const forBob = await server.gql<{ person: { dormant: boolean; relationshipHealth: Record<string, unknown> } }>(q, { id: gid("Person", person.id) }, bob.token);
    expect(forBob.data?.person).toMatchObject({
      lastInteractionAt: recentPrivate.toISOString(),
      dormant: false,
      relationshipHealth: {
        myMemberLastInteractionAt: recentPrivate.toISOString(),
        dormantForMyMember: false,
        interactionsLast12Months: 1,
        byMember: [
          { member: { name: bob.member.name }, interactionsLast12Months: 1, interactions: 1, dormant: false },
          { member: { name: owner.member.name }, interactions: 2, dormant: true },
        ],
      },
    });
    // A third member sees neither member's private history, only the NETWORK interactions.
    const forAlice = await server.gql<{ person: { relationshipHealth: { byMember: { member: { name: string } }[] } } }>(
      q,
      { id: gid("Person", person.id) },
      alice.token,
    );
    expect(forAlice.data?.person.relationshipHealth.byMember.map((m) => m.member.name)).toEqual([owner.member.name]);
    // Never met: dormant, with nothing to show.
    const stranger = await makePerson(server.db, owner);
    const none = await server.gql(`query($id: ID!) { person(id: $id) { lastInteractionAt dormant } }`, { id: gid("Person", stranger.id) }, viewerA.token);
    expect(none.data).toEqual({ person: { lastInteractionAt: null, dormant: true } });
  });
});
