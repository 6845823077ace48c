import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { and, eq, inArray } from "drizzle-orm";
import {
  affiliations,
  alumniTies,
  auditEvents,
  followUps,
  interactionOrganisations,
  interactionPeople,
  investorProfiles,
  opportunities,
  organisations,
  partnershipParties,
  people,
} from "../../server/db/tables/index.js";
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
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
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

const MISSING = "00000000-0000-4000-8000-000000000000";
const MERGE_PEOPLE = `mutation($keep: ID!, $merge: ID!) { mergePeople(keepId: $keep, mergeId: $merge) {
  person { id fullName email nameLatin languages version archivedAt } merged { id archivedAt version } } }`;
const MERGE_ORGS = `mutation($keep: ID!, $merge: ID!) { mergeOrganisations(keepId: $keep, mergeId: $merge) {
  organisation { id name website sectors parent { name } version } merged { id archivedAt } } }`;

const mergePeople = (keep: string, merge: string, token: string) =>
  server.gql(MERGE_PEOPLE, { keep: gid("Person", keep), merge: gid("Person", merge) }, token);
const mergeOrgs = (keep: string, merge: string, token: string) =>
  server.gql(MERGE_ORGS, { keep: gid("Organisation", keep), merge: gid("Organisation", merge) }, token);

describe("mergePeople", () => {
  it("requires authentication", async () => {
    const keep = await makePerson(server.db, alice);
    const merge = await makePerson(server.db, alice);
    const res = await mergePeople(keep.id, merge.id, "");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const byViewer = await mergePeople(keep.id, merge.id, viewerA.token);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [row] = await server.db.select({ archivedAt: people.archivedAt }).from(people).where(eq(people.id, merge.id));
    expect(row?.archivedAt).toBeNull();
  });

  it("cannot see another member's private record, and refuses records the viewer cannot edit", async () => {
    const secret = await makePerson(server.db, alice, { fullName: "Secret Merge Person", visibility: "PRIVATE" });
    const shared = await makePerson(server.db, alice, { fullName: "Shared Merge Person" });
    const bobs = await makePerson(server.db, bob);
    const hidden = await mergePeople(bobs.id, secret.id, bob.token);
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await mergePeople(bobs.id, MISSING, bob.token);
    expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
    // Either side: the private record is not revealed by a FORBIDDEN for the other one.
    const hiddenKeep = await mergePeople(secret.id, shared.id, bob.token);
    expect(hiddenKeep.errors?.[0]).toMatchObject({ message: hidden.errors?.[0]?.message, extensions: { code: "NOT_FOUND" } });
    // Visible but not theirs to edit.
    const notEditable = await mergePeople(bobs.id, shared.id, bob.token);
    expect(notEditable.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const notEditableKeep = await mergePeople(shared.id, bobs.id, bob.token);
    expect(notEditableKeep.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const untouched = await server.db
      .select({ id: people.id, archivedAt: people.archivedAt, version: people.version })
      .from(people)
      .where(inArray(people.id, [secret.id, shared.id, bobs.id]));
    expect(untouched.every((p) => p.archivedAt === null && p.version === 1)).toBe(true);
  });

  it("moves affiliations, ties, interactions, follow-ups, opportunities and investor profiles to the kept person", async () => {
    const keep = await makePerson(server.db, alice, { fullName: "Amara Nwosu", languages: ["en"] });
    const merge = await makePerson(server.db, alice, {
      fullName: "NWOSU Amara",
      nameLatin: "Amara Nwosu",
      email: "amara@abuja-invest.example",
      languages: ["en", "ig"],
    });
    const orgA = await makeOrganisation(server.db, alice, { name: "Abuja Investment Office" });
    const orgB = await makeOrganisation(server.db, alice, { name: "Lagos Business School" });
    // Both already affiliated with orgA in the same role: that one stays behind, not duplicated.
    await server.db.insert(affiliations).values([
      { personId: keep.id, organisationId: orgA.id, role: "Director" },
      { personId: merge.id, organisationId: orgA.id, role: "Director" },
      { personId: merge.id, organisationId: orgB.id, role: "Visiting fellow" },
    ]);
    await server.db.insert(alumniTies).values({ personId: merge.id, universityId: orgB.id, degree: "MBA", graduationYear: 2012 });
    const ours = await makeInteraction(server.db, alice, { subject: "Our meeting with Amara", personIds: [merge.id] });
    const both = await makeInteraction(server.db, alice, { subject: "Both records attended", personIds: [keep.id, merge.id] });
    const theirsShared = await makeInteraction(server.db, bob, { subject: "Bob's shared meeting", personIds: [merge.id] });
    const theirsPrivate = await makeInteraction(server.db, bob, { subject: "Bob's private meeting", personIds: [merge.id], visibility: "PRIVATE" });
    const task = await makeFollowUp(server.db, alice, { title: "Call Amara", personId: merge.id });
    const bobsTask = await makeFollowUp(server.db, bob, { title: "Bob calls Amara", personId: merge.id, visibility: "PRIVATE" });
    const deal = await makeOpportunity(server.db, alice, { title: "Amara's fund", personId: merge.id });
    const profile = await makeInvestorProfile(server.db, alice, { personId: merge.id });

    const res = await mergePeople(keep.id, merge.id, alice.token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.mergePeople).toEqual({
      person: {
        id: gid("Person", keep.id),
        fullName: "Amara Nwosu",
        email: "amara@abuja-invest.example",
        nameLatin: "Amara Nwosu",
        languages: ["en", "ig"],
        version: 2,
        archivedAt: null,
      },
      merged: { id: gid("Person", merge.id), archivedAt: expect.any(String), version: 2 },
    });
    // Through the API: the kept person has the history, the duplicate is out of lists.
    const read = await server.gql<{
      person: { affiliations: { role: string; organisation: { name: string } }[]; alumniTies: { degree: string }[]; interactions: { nodes: { subject: string }[] } };
    }>(
      `query($id: ID!) { person(id: $id) { affiliations { role organisation { name } } alumniTies { degree } interactions { nodes { subject } } } }`,
      { id: gid("Person", keep.id) },
      alice.token,
    );
    expect(read.data?.person.affiliations.map((a) => `${a.organisation.name}: ${a.role}`).sort()).toEqual([
      "Abuja Investment Office: Director",
      "Lagos Business School: Visiting fellow",
    ]);
    expect(read.data?.person.alumniTies).toEqual([{ degree: "MBA" }]);
    expect(read.data?.person.interactions.nodes.map((n) => n.subject).sort()).toEqual(
      ["Bob's shared meeting", "Both records attended", "Our meeting with Amara"].sort(),
    );
    const listed = await server.gql(`{ people(filter: { query: "Nwosu" }) { nodes { id } } }`, {}, alice.token);
    expect(listed.data).toEqual({ people: { nodes: [{ id: gid("Person", keep.id) }] } });
    // In the database: every link moved, including other members' records the merger cannot see.
    const links = await server.db.select().from(interactionPeople).where(inArray(interactionPeople.interactionId, [ours.id, both.id, theirsShared.id, theirsPrivate.id]));
    expect(links.every((l) => l.personId === keep.id)).toBe(true);
    expect(links).toHaveLength(4);
    const tasks = await server.db.select({ personId: followUps.personId, version: followUps.version }).from(followUps).where(inArray(followUps.id, [task.id, bobsTask.id]));
    expect(tasks).toEqual([
      { personId: keep.id, version: 2 },
      { personId: keep.id, version: 2 },
    ]);
    const [opp] = await server.db.select({ personId: opportunities.personId }).from(opportunities).where(eq(opportunities.id, deal.id));
    expect(opp?.personId).toBe(keep.id);
    const [prof] = await server.db.select({ personId: investorProfiles.personId }).from(investorProfiles).where(eq(investorProfiles.id, profile.id));
    expect(prof?.personId).toBe(keep.id);
    // The audit trail says what moved, on both records.
    const audit = await server.db.select().from(auditEvents).where(eq(auditEvents.requestId, res.headers.get("x-request-id")!));
    const merged = audit.find((a) => a.action === "merge");
    expect(merged).toMatchObject({ recordType: "Person", recordId: keep.id, userId: alice.user.id, memberId: alice.member.id });
    const changes = merged?.changes as { mergedId: string; fields: Record<string, unknown>; moved: Record<string, string[]> };
    expect(changes.mergedId).toBe(merge.id);
    expect(Object.keys(changes.fields).sort()).toEqual(["email", "languages", "nameLatin"]);
    // Only what the merging member may see: Bob's private meeting and task moved but are not named.
    expect(changes.moved.interactions?.sort()).toEqual([ours.id, both.id, theirsShared.id].sort());
    expect(changes.moved.followUps).toEqual([task.id]);
    expect(changes.moved.opportunities).toEqual([deal.id]);
    expect(changes.moved.investorProfiles).toEqual([profile.id]);
    expect(changes.moved.affiliations).toHaveLength(1);
    expect(changes.moved.alumniTies).toHaveLength(1);
    expect(audit.find((a) => a.action === "archive")).toMatchObject({ recordId: merge.id, changes: { mergedInto: keep.id } });
    // Merging again is refused: the duplicate is archived.
    const again = await mergePeople(keep.id, merge.id, alice.token);
    expect(again.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "mergeId" });
  });

  it("names the failing field on bad input", async () => {
    const p = await makePerson(server.db, alice);
    const same = await mergePeople(p.id, p.id, alice.token);
    expect(same.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "mergeId" });
    const garbage = await server.gql(MERGE_PEOPLE, { keep: "nonsense", merge: gid("Person", p.id) }, alice.token);
    expect(garbage.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "keepId" });
    const wrongType = await server.gql(MERGE_PEOPLE, { keep: gid("Organisation", p.id), merge: gid("Person", MISSING) }, alice.token);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("mergeOrganisations", () => {
  it("requires authentication", async () => {
    const keep = await makeOrganisation(server.db, alice);
    const merge = await makeOrganisation(server.db, alice);
    const res = await mergeOrgs(keep.id, merge.id, "");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record, and refuses records the viewer cannot edit", async () => {
    const secret = await makeOrganisation(server.db, alice, { visibility: "PRIVATE" });
    const shared = await makeOrganisation(server.db, alice);
    const bobs = await makeOrganisation(server.db, bob);
    const hidden = await mergeOrgs(bobs.id, secret.id, bob.token);
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missing = await mergeOrgs(bobs.id, MISSING, bob.token);
    expect(missing.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
    const notEditable = await mergeOrgs(bobs.id, shared.id, bob.token);
    expect(notEditable.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("moves affiliations, ties, interactions, follow-ups, opportunities, investor profiles, parties and children", async () => {
    const place = await makePlace(server.db, { name: "Toyota City" });
    const parent = await makeOrganisation(server.db, alice, { name: "Aichi Prefecture" });
    const keep = await makeOrganisation(server.db, alice, { name: "Toyota City Government", sectors: ["automotive"] });
    const merge = await makeOrganisation(server.db, alice, {
      name: "City of Toyota",
      website: "https://www.city.toyota.aichi.jp",
      sectors: ["automotive", "hydrogen"],
      parentId: parent.id,
    });
    const child = await makeOrganisation(server.db, alice, { name: "Toyota City International Office", parentId: merge.id });
    const person = await makePerson(server.db, alice);
    const graduate = await makePerson(server.db, bob);
    await server.db.insert(affiliations).values({ personId: person.id, organisationId: merge.id, role: "Mayor" });
    await server.db.insert(alumniTies).values({ personId: graduate.id, universityId: merge.id, degree: "Civic leadership" });
    const meeting = await makeInteraction(server.db, bob, { organisationIds: [merge.id], visibility: "PRIVATE" });
    const task = await makeFollowUp(server.db, alice, { organisationId: merge.id });
    const deal = await makeOpportunity(server.db, bob, { organisationId: merge.id });
    const profile = await makeInvestorProfile(server.db, alice, { organisationId: merge.id });
    const partnership = await makePartnership(server.db, alice, { name: "Toyota City Partnership" });
    await makeParty(server.db, partnership, { placeId: place.id, side: "UK" });
    await makeParty(server.db, partnership, { organisationId: merge.id });

    const res = await mergeOrgs(keep.id, merge.id, alice.token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.mergeOrganisations).toEqual({
      organisation: {
        id: gid("Organisation", keep.id),
        name: "Toyota City Government",
        website: "https://www.city.toyota.aichi.jp",
        sectors: ["automotive", "hydrogen"],
        parent: { name: "Aichi Prefecture" },
        version: 2,
      },
      merged: { id: gid("Organisation", merge.id), archivedAt: expect.any(String) },
    });
    const read = await server.gql<{ partnership: { parties: { organisation: { name: string } | null }[] }; organisation: { affiliations: { role: string }[] } }>(
      `query($p: ID!, $o: ID!) { partnership(id: $p) { parties { organisation { name } } } organisation(id: $o) { affiliations { role } } }`,
      { p: gid("Partnership", partnership.id), o: gid("Organisation", keep.id) },
      alice.token,
    );
    expect(read.data?.partnership.parties.map((p) => p.organisation?.name ?? null)).toEqual([null, "Toyota City Government"]);
    expect(read.data?.organisation.affiliations).toEqual([{ role: "Mayor" }]);
    const [tie] = await server.db.select({ universityId: alumniTies.universityId }).from(alumniTies).where(eq(alumniTies.personId, graduate.id));
    expect(tie?.universityId).toBe(keep.id);
    const [link] = await server.db.select().from(interactionOrganisations).where(eq(interactionOrganisations.interactionId, meeting.id));
    expect(link?.organisationId).toBe(keep.id);
    const [t] = await server.db.select({ organisationId: followUps.organisationId }).from(followUps).where(eq(followUps.id, task.id));
    expect(t?.organisationId).toBe(keep.id);
    const [d] = await server.db.select({ organisationId: opportunities.organisationId }).from(opportunities).where(eq(opportunities.id, deal.id));
    expect(d?.organisationId).toBe(keep.id);
    const [prof] = await server.db
      .select({ organisationId: investorProfiles.organisationId })
      .from(investorProfiles)
      .where(eq(investorProfiles.id, profile.id));
    expect(prof?.organisationId).toBe(keep.id);
    const [c] = await server.db.select({ parentId: organisations.parentId }).from(organisations).where(eq(organisations.id, child.id));
    expect(c?.parentId).toBe(keep.id);
    const parties = await server.db.select().from(partnershipParties).where(and(eq(partnershipParties.partnershipId, partnership.id)));
    expect(parties.filter((p) => p.organisationId === merge.id)).toHaveLength(0);
    const audit = await server.db.select().from(auditEvents).where(eq(auditEvents.requestId, res.headers.get("x-request-id")!));
    const moved = (audit.find((a) => a.action === "merge")?.changes as { moved: Record<string, string[]> }).moved;
    expect(Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length]))).toEqual({
      affiliations: 1,
      alumniTies: 1,
      interactions: 0, // Bob's private meeting moved, but is not named in Alice's audit trail
      followUps: 1,
      opportunities: 1,
      investorProfiles: 1,
      partnershipParties: 1,
      childOrganisations: 1,
    });
  });

  it("never makes the kept organisation its own parent", async () => {
    const merge = await makeOrganisation(server.db, alice, { name: "Old Parent Org" });
    const keep = await makeOrganisation(server.db, alice, { name: "Child To Keep", parentId: merge.id });
    const res = await mergeOrgs(keep.id, merge.id, alice.token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.mergeOrganisations).toMatchObject({ organisation: { parent: null } });
  });
});
