import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { and, eq } from "drizzle-orm";
import type { PlaceRow } from "../../server/db/rows.js";
import { auditEvents, followUps } from "../../server/db/tables/index.js";
import {
  type Actor,
  gid,
  makeActor,
  makeAffiliation,
  makeAlumniTie,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeOpportunity,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
  makePriority,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let wmca: Actor; // EDITOR at the viewer's member
let wmcaAdmin: Actor;
let wmcaViewer: Actor;
let emca: Actor; // EDITOR at another member with private records
let emcaAdmin: Actor;
let uni: Actor; // EDITOR at a third member
let mumbai: PlaceRow;
let india: PlaceRow;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const MISSING = "00000000-0000-4000-8000-000000000000";

const ALERT = `key kind severity message date members { id name } place { id name } organisation { id name } person { id name }
  partnership { id name } followUp { id name } visit { id name } otherVisit { id name }`;
interface Alert {
  key: string;
  kind: string;
  severity: string;
  message: string;
  date: string | null;
  members: { id: string; name: string }[];
  place: { name: string } | null;
  organisation: { name: string } | null;
  person: { name: string } | null;
  partnership: { name: string } | null;
  followUp: { name: string } | null;
  visit: { name: string } | null;
  otherVisit: { name: string } | null;
}
const alertsOf = (token?: string, first?: number) =>
  server.gql<{ coordinationAlerts: Alert[] }>(`query($first: Int) { coordinationAlerts(first: $first) { ${ALERT} } }`, { first }, token);

const NODE = "type id name nameLatin";
const PATH = `hops strength lastContactAt introducer { id name }
  steps { from { ${NODE} } to { ${NODE} } kind description strength lastContactAt opaque }`;
interface Path {
  hops: number;
  strength: number;
  introducer: { id: string; name: string } | null;
  steps: { from: { name: string; type: string }; to: { name: string; type: string }; kind: string; description: string; strength: number; lastContactAt: string | null; opaque: boolean }[];
}
const pathsTo = (personId: string, token?: string, maxHops?: number) =>
  server.gql<{ introductionPaths: Path[] | null }>(
    `query($p: ID!, $h: Int) { introductionPaths(personId: $p, maxHops: $h) { ${PATH} } }`,
    { p: personId, h: maxHops },
    token,
  );
const route = (p: Path) => p.steps.map((s) => s.to.name);

beforeAll(async () => {
  server = await startTestServer();
  wmca = await makeActor(server.db, server.config, "EDITOR", { name: "West Midlands Combined Authority" });
  wmcaAdmin = await makeColleague(server.db, server.config, wmca, "ADMIN");
  wmcaViewer = await makeColleague(server.db, server.config, wmca, "VIEWER");
  emca = await makeActor(server.db, server.config, "EDITOR", { name: "East Midlands Combined County Authority" });
  emcaAdmin = await makeColleague(server.db, server.config, emca, "ADMIN");
  uni = await makeActor(server.db, server.config, "EDITOR", { name: "University of Birmingham", kind: "UNIVERSITY" });
  india = await makePlace(server.db, { kind: "COUNTRY", name: "India", countryCode: "IN" });
  mumbai = await makePlace(server.db, { name: "Mumbai", countryCode: "IN", parentId: india.id });
});
afterAll(() => server.stop());

describe("coordinationAlerts", () => {
  it("requires authentication", async () => {
    const res = await alertsOf();
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.coordinationAlerts ?? null).toBeNull();
  });

  it("cannot see another member's private record: a private trip warns with the member and the city only", async () => {
    const ours = await makeVisit(server.db, wmca, { title: "Mumbai trade mission", startsOn: day(20), endsOn: day(24), destinationIds: [mumbai.id] });
    await makeVisit(server.db, emca, {
      title: "Covert Okapi visit",
      objectives: "Secret objectives",
      startsOn: day(30),
      endsOn: day(31),
      visibility: "PRIVATE",
      destinationIds: [mumbai.id],
      memberIds: [uni.member.id],
    });
    // A private organisation contacted by both members raises nothing; a visible one does, without the private details.
    const hidden = await makeOrganisation(server.db, emca, { name: "Hidden Okapi Holdings", visibility: "PRIVATE" });
    const port = await makeOrganisation(server.db, uni, { name: "Port of Mumbai Authority", placeId: mumbai.id });
    await makeInteraction(server.db, wmca, { subject: "Port call", occurredAt: at(-5), organisationIds: [port.id] });
    await makeInteraction(server.db, emca, {
      subject: "Okapi secret port talks",
      notes: "Secret figures",
      occurredAt: at(-9),
      visibility: "PRIVATE",
      organisationIds: [port.id, hidden.id],
    });
    await makeInteraction(server.db, wmca, { subject: "Hidden call", occurredAt: at(-3), organisationIds: [] });
    await makeFollowUp(server.db, emca, { title: "Okapi overdue secret", dueOn: day(-10) });
    const secretLink = await makePartnership(server.db, emca, { name: "Okapi secret partnership", signedOn: "2000-01-01", visibility: "PRIVATE", leadMemberId: wmca.member.id });
    await makeParty(server.db, secretLink, { placeId: mumbai.id });

    const res = await alertsOf(wmcaViewer.token, 100);
    expect(res.errors).toBeUndefined();
    const text = JSON.stringify(res.data);
    for (const secret of ["Okapi", "Secret", "Hidden", uni.member.name]) expect(text).not.toContain(secret);
    const travel = res.data!.coordinationAlerts.filter((a) => a.kind === "OVERLAPPING_TRAVEL");
    expect(travel).toEqual([
      expect.objectContaining({
        severity: "HIGH",
        members: [{ id: gid("Member", wmca.member.id), name: wmca.member.name }, { id: gid("Member", emca.member.id), name: emca.member.name }],
        place: { id: gid("Place", mumbai.id), name: "Mumbai" },
        visit: { id: gid("Visit", ours.id), name: "Mumbai trade mission" },
        otherVisit: null,
      }),
    ]);
    expect(travel[0]!.message).toContain(`${emca.member.name} is also travelling to Mumbai`);
    const contacts = res.data!.coordinationAlerts.filter((a) => a.kind === "SHARED_CONTACT");
    expect(contacts).toEqual([
      expect.objectContaining({
        organisation: { id: gid("Organisation", port.id), name: "Port of Mumbai Authority" },
        members: [{ id: gid("Member", emca.member.id), name: emca.member.name }, { id: gid("Member", wmca.member.id), name: wmca.member.name }],
      }),
    ]);
    expect(contacts[0]!.message).toContain("both contacted Port of Mumbai Authority within 30 days");

    // The other member sees its own side, with our visit (NETWORK) named and dated.
    const theirs = await alertsOf(emca.token, 100);
    const seen = theirs.data!.coordinationAlerts.find((a) => a.kind === "OVERLAPPING_TRAVEL")!;
    expect(seen.otherVisit).toEqual({ id: gid("Visit", ours.id), name: "Mumbai trade mission" });
    expect(seen.message).toContain("Mumbai trade mission");
    expect(theirs.data!.coordinationAlerts.map((a) => a.kind)).toContain("OVERDUE_FOLLOW_UP");
  });

  it("warns of dormant partnerships, anniversaries and renewals in the next 90 days, and overdue follow-ups, most urgent first", async () => {
    const member = await makeActor(server.db, server.config, "EDITOR");
    const city = await makePlace(server.db, { name: "Lyon", countryCode: "FR" });
    const cityOrg = await makeOrganisation(server.db, member, { name: "Métropole de Lyon", placeId: city.id });
    const signed = new Date(Date.now() + 20 * 86_400_000);
    signed.setUTCFullYear(signed.getUTCFullYear() - 25);
    const dormant = await makePartnership(server.db, member, { name: "Dormant link", signedOn: "1990-06-01" });
    await makeParty(server.db, dormant, { placeId: city.id });
    const lively = await makePartnership(server.db, member, { name: "Lively link", signedOn: signed.toISOString().slice(0, 10), renewalDueOn: day(45) });
    await makeParty(server.db, lively, { organisationId: cityOrg.id });
    await makeInteraction(server.db, member, { subject: "Lyon catch-up", occurredAt: at(-30), organisationIds: [cityOrg.id] });
    await makePartnership(server.db, member, { name: "Ended link", status: "ENDED", signedOn: "1990-06-01" });
    await makeFollowUp(server.db, member, { title: "Overdue task", dueOn: day(-2), assigneeId: member.user.id });
    await makeFollowUp(server.db, member, { title: "Future task", dueOn: day(5) });
    await makeFollowUp(server.db, member, { title: "Done task", dueOn: day(-5), status: "DONE" });

    const res = await alertsOf(member.token);
    expect(res.errors).toBeUndefined();
    const alerts = res.data!.coordinationAlerts;
    expect(alerts.map((a) => [a.kind, a.partnership?.name ?? a.followUp?.name])).toEqual([
      ["OVERDUE_FOLLOW_UP", "Overdue task"],
      ["RENEWAL_DUE", "Lively link"],
      ["ANNIVERSARY", "Lively link"],
      ["DORMANT_PARTNERSHIP", "Dormant link"],
    ]);
    expect(alerts[2]!.message).toBe(`Lively link: 25th anniversary on ${alerts[2]!.date!.slice(8, 10).replace(/^0/, "")} ${new Date(`${alerts[2]!.date}T00:00:00Z`).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${alerts[2]!.date!.slice(0, 4)}.`);
    expect(alerts[2]!.date).toBe(day(20));
    expect(alerts[1]!.date).toBe(day(45));

    const limited = await alertsOf(member.token, 2);
    expect(limited.data!.coordinationAlerts.map((a) => a.kind)).toEqual(["OVERDUE_FOLLOW_UP", "RENEWAL_DUE"]);
    const bad = await alertsOf(member.token, 0);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("runs a constant number of statements however many alerts there are", async () => {
    const member = await makeActor(server.db, server.config, "EDITOR");
    const few = await alertsOf(member.token);
    for (let n = 0; n < 8; n++) {
      const place = await makePlace(server.db, { name: `Alert city ${n}`, countryCode: "DE" });
      const org = await makeOrganisation(server.db, uni, { name: `Alert org ${n}`, placeId: place.id });
      await makeVisit(server.db, member, { startsOn: day(10 + n), endsOn: day(12 + n), destinationIds: [place.id] });
      await makeVisit(server.db, uni, { startsOn: day(11 + n), endsOn: day(13 + n), destinationIds: [place.id] });
      await makeInteraction(server.db, member, { occurredAt: at(-n - 1), organisationIds: [org.id] });
      await makeInteraction(server.db, uni, { occurredAt: at(-n - 2), organisationIds: [org.id] });
      const link = await makePartnership(server.db, member, { name: `Alert link ${n}`, signedOn: "1990-01-01", renewalDueOn: day(30 + n) });
      await makeParty(server.db, link, { placeId: place.id });
      await makeFollowUp(server.db, member, { dueOn: day(-n - 1) });
    }
    const many = await alertsOf(member.token, 100);
    expect(many.errors).toBeUndefined();
    expect(many.data!.coordinationAlerts.length).toBeGreaterThan(30);
    expect(many.statements).toBe(few.statements);
  });
});

describe("introductionPaths", () => {
  let target: Awaited<ReturnType<typeof makePerson>>;
  let company: Awaited<ReturnType<typeof makeOrganisation>>;

  beforeAll(async () => {
    company = await makeOrganisation(server.db, uni, { name: "Tata Example Motors", placeId: mumbai.id });
    target = await makePerson(server.db, uni, { fullName: "Ravi Target", placeId: mumbai.id, email: "ravi@private.example" });
    await makeAffiliation(server.db, target, company, { role: "Chief Executive" });
    // A colleague of the target whom WMCA met: WMCA → colleague → company → target (3 hops).
    const colleague = await makePerson(server.db, uni, { fullName: "Meera Colleague" });
    await makeAffiliation(server.db, colleague, company, { role: "Director" });
    await makeInteraction(server.db, wmca, { occurredAt: at(-40), personIds: [colleague.id] });
    // The university met the target twice (visible): WMCA → university → target (2 hops).
    await makeInteraction(server.db, uni, { occurredAt: at(-10), personIds: [target.id] });
    await makeInteraction(server.db, uni, { occurredAt: at(-100), personIds: [target.id] });
    // EMCCA met the target privately: only "has a relationship".
    await makeInteraction(server.db, emca, {
      subject: "Okapi private dinner",
      occurredAt: at(-2),
      visibility: "PRIVATE",
      personIds: [target.id],
    });
    // A private organisation of EMCCA where the target sits: never a node.
    const hidden = await makeOrganisation(server.db, emca, { name: "Hidden Okapi Board", visibility: "PRIVATE" });
    await makeAffiliation(server.db, target, hidden, { role: "Board member" });
  });

  it("requires authentication", async () => {
    const res = await pathsTo(gid("Person", target.id));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record: a private person is null like a missing one, a private link is only 'has a relationship'", async () => {
    const secret = await makePerson(server.db, emca, { fullName: "Secret Okapi Person", visibility: "PRIVATE" });
    await makeInteraction(server.db, emca, { occurredAt: at(-1), personIds: [secret.id] });
    const hiddenRes = await pathsTo(gid("Person", secret.id), wmca.token);
    expect(hiddenRes.errors).toBeUndefined();
    expect(hiddenRes.data).toEqual({ introductionPaths: null });
    const missing = await pathsTo(gid("Person", MISSING), wmca.token);
    expect(missing.data).toEqual({ introductionPaths: null });

    const res = await pathsTo(gid("Person", target.id), wmcaViewer.token);
    expect(res.errors).toBeUndefined();
    const text = JSON.stringify(res.data);
    for (const secretText of ["Okapi", "Hidden", "ravi@private.example", "Board member"]) expect(text).not.toContain(secretText);
    const viaEmca = res.data!.introductionPaths!.find((p) => p.introducer?.name === emca.member.name)!;
    expect(viaEmca.hops).toBe(2);
    expect(viaEmca.steps[1]).toEqual({
      from: { type: "MEMBER", id: gid("Member", emca.member.id), name: emca.member.name, nameLatin: null },
      to: { type: "PERSON", id: gid("Person", target.id), name: "Ravi Target", nameLatin: null },
      kind: "RELATIONSHIP",
      description: `${emca.member.name} has a relationship with Ravi Target.`,
      strength: 1,
      lastContactAt: null,
      opaque: true,
    });
  });

  it("ranks the shortest paths first, then the strongest and most recent", async () => {
    const res = await pathsTo(gid("Person", target.id), wmca.token);
    const paths = res.data!.introductionPaths!;
    expect(paths.map((p) => [p.hops, p.introducer?.name ?? null, route(p).join(" > ")])).toEqual([
      [2, uni.member.name, `${uni.member.name} > Ravi Target`],
      [2, emca.member.name, `${emca.member.name} > Ravi Target`],
      [3, null, "Meera Colleague > Tata Example Motors > Ravi Target"],
    ]);
    expect(paths[0]!.steps[1]).toMatchObject({ kind: "INTERACTION", strength: 2, opaque: false });
    expect(paths[0]!.steps[1]!.description).toMatch(new RegExp(`^${uni.member.name} met Ravi Target 2 times, last on `));
    expect(paths[2]!.steps.map((s) => s.kind)).toEqual(["INTERACTION", "AFFILIATION", "AFFILIATION"]);
    expect(paths[2]!.steps[2]!.description).toBe("Ravi Target: Chief Executive at Tata Example Motors.");
    // A direct relationship is one hop and comes first; maxHops bounds the search.
    await makeInteraction(server.db, wmca, { occurredAt: at(-1), personIds: [target.id] });
    const direct = await pathsTo(gid("Person", target.id), wmca.token, 1);
    expect(direct.data!.introductionPaths!.map((p) => [p.hops, route(p)])).toEqual([[1, ["Ravi Target"]]]);
    const bad = await pathsTo(gid("Person", target.id), wmca.token, 4);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "maxHops" });
  });

  it("goes through alumni ties and partnerships", async () => {
    const university = await makeOrganisation(server.db, uni, { name: "Example University", kind: "UNIVERSITY" });
    const alumnus = await makePerson(server.db, uni, { fullName: "Anil Alumnus" });
    await makeAlumniTie(server.db, alumnus, university, { degree: "MSc", graduationYear: 2001 });
    const council = await makeOrganisation(server.db, wmca, { name: "Example City Council" });
    const link = await makePartnership(server.db, wmca, { name: "Council–University research MoU", kind: "MOU" });
    await makeParty(server.db, link, { side: "UK", organisationId: council.id });
    await makeParty(server.db, link, { organisationId: university.id });
    const res = await pathsTo(gid("Person", alumnus.id), wmca.token);
    const paths = res.data!.introductionPaths!;
    expect(paths[0]).toMatchObject({ hops: 2, introducer: null });
    expect(paths[0]!.steps.map((s) => [s.kind, s.to.name])).toEqual([
      ["PARTNERSHIP", "Example University"],
      ["ALUMNI", "Anil Alumnus"],
    ]);
    expect(paths[0]!.steps[1]!.description).toBe("Anil Alumnus studied at Example University (MSc, 2001).");
  });

  it("runs a constant number of statements however big the neighbourhood", async () => {
    const hub = await makeOrganisation(server.db, uni, { name: "Hub Org" });
    const person = await makePerson(server.db, uni, { fullName: "Hub Person" });
    await makeAffiliation(server.db, person, hub);
    const few = await pathsTo(gid("Person", person.id), wmca.token);
    for (let n = 0; n < 15; n++) {
      const p = await makePerson(server.db, uni, { fullName: `Hub colleague ${n}` });
      await makeAffiliation(server.db, p, hub);
      await makeInteraction(server.db, n % 2 ? wmca : emca, { occurredAt: at(-n), personIds: [p.id], organisationIds: [hub.id] });
    }
    const many = await pathsTo(gid("Person", person.id), wmca.token);
    expect(many.data!.introductionPaths!.length).toBeGreaterThan(few.data!.introductionPaths!.length);
    expect(many.statements).toBe(few.statements);
  });
});

describe("requestIntroduction", () => {
  const REQUEST = `mutation($p: ID!, $m: String!, $member: ID) {
    requestIntroduction(personId: $p, message: $m, memberId: $member) { introducer { id name } person { id name } message requestedAt } }`;

  it("requires authentication, and an editor", async () => {
    const person = await makePerson(server.db, uni, { fullName: "Auth Person" });
    const anon = await server.gql(REQUEST, { p: gid("Person", person.id), m: "Hello" });
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const viewer = await server.gql(REQUEST, { p: gid("Person", person.id), m: "Hello" }, wmcaViewer.token);
    expect(viewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("cannot see another member's private record: refuses a private person like a missing one", async () => {
    const secret = await makePerson(server.db, emca, { fullName: "Secret Request Person", visibility: "PRIVATE" });
    const res = await server.gql(REQUEST, { p: gid("Person", secret.id), m: "Hello" }, wmca.token);
    const missing = await server.gql(REQUEST, { p: gid("Person", MISSING), m: "Hello" }, wmca.token);
    expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "personId" });
    expect(res.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
  });

  it("creates a private follow-up for the introducer's admin, with the message, audited", async () => {
    const person = await makePerson(server.db, uni, { fullName: "Priya Introduced" });
    await makeInteraction(server.db, emca, { occurredAt: at(-3), personIds: [person.id], visibility: "PRIVATE" });
    const res = await server.gql<{ requestIntroduction: { introducer: { name: string }; person: { name: string }; message: string } }>(
      REQUEST,
      { p: gid("Person", person.id), m: "  We are in Mumbai next month: could you introduce us?  " },
      wmca.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.requestIntroduction).toMatchObject({
      introducer: { name: emca.member.name },
      person: { name: "Priya Introduced" },
      message: "We are in Mumbai next month: could you introduce us?",
    });
    const [row] = await server.db
      .select()
      .from(followUps)
      .where(and(eq(followUps.ownerMemberId, emca.member.id), eq(followUps.personId, person.id)));
    expect(row).toMatchObject({
      visibility: "PRIVATE",
      assigneeId: emcaAdmin.user.id,
      status: "OPEN",
      title: `Introduction request from ${wmca.member.name}: Priya Introduced`,
    });
    expect(row!.notes).toContain("We are in Mumbai next month: could you introduce us?");
    // The introducer's admin sees it; the requester cannot.
    const query = `query($id: ID!) { followUp(id: $id) { title notes assignee { name } person { fullName } } }`;
    const theirs = await server.gql(query, { id: gid("FollowUp", row!.id) }, emcaAdmin.token);
    expect(theirs.data).toEqual({
      followUp: { title: row!.title, notes: row!.notes, assignee: { name: emcaAdmin.user.name }, person: { fullName: "Priya Introduced" } },
    });
    const ours = await server.gql(query, { id: gid("FollowUp", row!.id) }, wmca.token);
    expect(ours.data).toEqual({ followUp: null });
    const audit = await server.db.select().from(auditEvents).where(eq(auditEvents.recordId, row!.id));
    expect(audit).toEqual([expect.objectContaining({ action: "create", recordType: "FollowUp", memberId: wmca.member.id, userId: wmca.user.id })]);
    const request = await server.db.select().from(auditEvents).where(and(eq(auditEvents.recordId, person.id), eq(auditEvents.action, "request_introduction")));
    expect(request).toHaveLength(1);
  });

  it("names the person only when the introducer can see them", async () => {
    const ours = await makePerson(server.db, wmca, { fullName: "Our Private Contact", visibility: "PRIVATE" });
    const org = await makeOrganisation(server.db, uni, { name: "Shared Example Org" });
    await makeAffiliation(server.db, ours, org, { role: "Adviser" });
    await makeInteraction(server.db, uni, { occurredAt: at(-4), organisationIds: [org.id] });
    await makeColleague(server.db, server.config, uni, "ADMIN");
    const res = await server.gql(REQUEST, { p: gid("Person", ours.id), m: "Please", member: gid("Member", uni.member.id) }, wmca.token);
    expect(res.errors).toBeUndefined();
    const [row] = await server.db.select().from(followUps).where(eq(followUps.ownerMemberId, uni.member.id));
    expect(row!.title).toBe(`Introduction request from ${wmca.member.name}: a contact`);
    expect(row!.personId).toBeNull();
  });

  it("validates the message and the member", async () => {
    const person = await makePerson(server.db, uni, { fullName: "Lonely Person" });
    const noPath = await server.gql(REQUEST, { p: gid("Person", person.id), m: "Hi" }, wmca.token);
    expect(noPath.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "personId" });
    const empty = await server.gql(REQUEST, { p: gid("Person", person.id), m: "   " }, wmca.token);
    expect(empty.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "message" });
    const self = await server.gql(REQUEST, { p: gid("Person", person.id), m: "Hi", member: gid("Member", wmca.member.id) }, wmca.token);
    expect(self.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "memberId" });
    const offPath = await server.gql(REQUEST, { p: gid("Person", person.id), m: "Hi", member: gid("Member", emca.member.id) }, wmca.token);
    expect(offPath.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "memberId" });
  });
});

describe("engagementByPriority", () => {
  const REPORT = `query($from: Date!, $to: Date!) { engagementByPriority(from: $from, to: $to) {
    from to
    priorities { priority { name } scope countryCode sector weight total { interactions visits opportunities opportunityValueGbp opportunityJobs }
      byMember { member { name } counts { interactions visits opportunities opportunityValueGbp } } }
    markets { countryCode country nationalPriorityWeight total { interactions visits opportunities } byMember { member { name } counts { interactions visits } } }
    sectors { sector nationalPriorityWeight total { interactions opportunities } }
  } }`;
  interface Counts {
    interactions: number;
    visits: number;
    opportunities: number;
    opportunityValueGbp?: number;
    opportunityJobs?: number;
  }
  interface Report {
    priorities: { priority: { name: string }; total: Counts; byMember: { member: { name: string }; counts: Counts }[] }[];
    markets: { countryCode: string; country: string | null; nationalPriorityWeight: number | null; total: Counts; byMember: { member: { name: string }; counts: Counts }[] }[];
    sectors: { sector: string; nationalPriorityWeight: number | null; total: Counts }[];
  }
  const report = (from: string, to: string, token?: string) => server.gql<{ engagementByPriority: Report }>(REPORT, { from, to }, token);

  it("requires authentication", async () => {
    const res = await report(day(-10), day(0));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts per priority, market and sector, per member and network-wide, from the records you can see only", async () => {
    const nation = await makeActor(server.db, server.config, "EDITOR", { name: "Engagement Unit", kind: "NETWORK_UNIT" });
    const kenya = await makePlace(server.db, { kind: "COUNTRY", name: "Kenya", countryCode: "KE" });
    const nairobi = await makePlace(server.db, { name: "Nairobi", countryCode: "KE", parentId: kenya.id });
    await makePriority(server.db, nation, { name: "Kenya market", scope: "NATIONAL", countryCode: "KE", weight: 9 });
    await makePriority(server.db, nation, { name: "Agri-tech", scope: "NATIONAL", countryCode: null, sector: "agri-tech", weight: 6 });
    await makePriority(server.db, emca, { name: "Okapi private priority", scope: "MEMBER", countryCode: "KE", visibility: "PRIVATE" });
    const farm = await makeOrganisation(server.db, nation, { name: "Nairobi Example Farms", placeId: nairobi.id, sectors: ["agri-tech"] });
    await makeInteraction(server.db, wmca, { occurredAt: at(-200), placeId: nairobi.id, organisationIds: [farm.id] });
    await makeInteraction(server.db, uni, { occurredAt: at(-199), placeId: nairobi.id, themes: ["Agri-tech"] });
    await makeInteraction(server.db, emca, { occurredAt: at(-198), placeId: nairobi.id, visibility: "PRIVATE", themes: ["agri-tech"] });
    await makeInteraction(server.db, wmca, { occurredAt: at(-900), placeId: nairobi.id });
    await makeVisit(server.db, wmca, { startsOn: day(-210), endsOn: day(-205), destinationIds: [nairobi.id], memberIds: [uni.member.id] });
    await makeVisit(server.db, emca, { startsOn: day(-210), endsOn: day(-205), destinationIds: [nairobi.id], visibility: "PRIVATE" });
    await makeOpportunity(server.db, uni, { organisationId: farm.id, sector: "agri-tech", capitalValueGbp: 2_000_000, jobs: 12, landOn: day(-100) });
    await makeOpportunity(server.db, emca, { organisationId: farm.id, capitalValueGbp: 9_000_000, visibility: "PRIVATE", landOn: day(-100) });

    const res = await report(day(-365), day(0), wmca.token);
    expect(res.errors).toBeUndefined();
    const r = res.data!.engagementByPriority;
    expect(JSON.stringify(r)).not.toContain("Okapi");
    const kenyaP = r.priorities.find((p) => p.priority.name === "Kenya market")!;
    expect(kenyaP.total).toEqual({ interactions: 2, visits: 1, opportunities: 1, opportunityValueGbp: 2_000_000, opportunityJobs: 12 });
    const byMember = Object.fromEntries(kenyaP.byMember.map((m) => [m.member.name, m.counts]));
    expect(byMember[wmca.member.name]).toEqual({ interactions: 1, visits: 1, opportunities: 0, opportunityValueGbp: 0 });
    expect(byMember[uni.member.name]).toEqual({ interactions: 1, visits: 1, opportunities: 1, opportunityValueGbp: 2_000_000 });
    expect(byMember[emca.member.name]).toBeUndefined();
    const agri = r.priorities.find((p) => p.priority.name === "Agri-tech")!;
    expect(agri.total).toMatchObject({ interactions: 2, opportunities: 1 });
    const market = r.markets.find((m) => m.countryCode === "KE")!;
    expect(market).toMatchObject({ country: "Kenya", nationalPriorityWeight: 9, total: { interactions: 2, visits: 1, opportunities: 1 } });
    expect(r.sectors.find((s) => s.sector === "agri-tech")).toMatchObject({ nationalPriorityWeight: 6, total: { interactions: 2, opportunities: 1 } });

    // The owner member counts its private records too.
    const own = await report(day(-365), day(0), emca.token);
    const ownKenya = own.data!.engagementByPriority.markets.find((m) => m.countryCode === "KE")!;
    expect(ownKenya.total).toMatchObject({ interactions: 3, visits: 2, opportunities: 2 });
  });

  it("validates the period, and runs a constant number of statements", async () => {
    const reversed = await report(day(0), day(-10), wmca.token);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const long = await report(day(-2000), day(0), wmca.token);
    expect(long.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const few = await report(day(-30), day(0), wmca.token);
    for (let n = 0; n < 10; n++) {
      const place = await makePlace(server.db, { name: `Engagement city ${n}`, countryCode: ["BR", "MX", "AR"][n % 3]! });
      await makeInteraction(server.db, wmca, { occurredAt: at(-n - 1), placeId: place.id, themes: ["agri-tech"] });
      await makeVisit(server.db, uni, { startsOn: day(-n - 2), endsOn: day(-n - 1), destinationIds: [place.id] });
      await makePriority(server.db, wmca, { name: `Market ${n}`, countryCode: ["BR", "MX", "AR"][n % 3]! });
    }
    const many = await report(day(-30), day(0), wmca.token);
    expect(many.data!.engagementByPriority.markets.length).toBeGreaterThan(few.data!.engagementByPriority.markets.length);
    expect(many.statements).toBe(few.statements);
  });
});
