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
  makeInteraction,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let wmca: Actor; // EDITOR at the viewer's member
let wmcaViewer: Actor;
let emca: Actor; // EDITOR at another member with private records
let emcaAdmin: Actor;
let uni: Actor; // EDITOR at a third member
let mumbai: PlaceRow;
let india: PlaceRow;

const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const MISSING = "00000000-0000-4000-8000-000000000000";

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
  wmcaViewer = await makeColleague(server.db, server.config, wmca, "VIEWER");
  emca = await makeActor(server.db, server.config, "EDITOR", { name: "East Midlands Combined County Authority" });
  emcaAdmin = await makeColleague(server.db, server.config, emca, "ADMIN");
  uni = await makeActor(server.db, server.config, "EDITOR", { name: "University of Birmingham", kind: "UNIVERSITY" });
  india = await makePlace(server.db, { kind: "COUNTRY", name: "India", countryCode: "IN" });
  mumbai = await makePlace(server.db, { name: "Mumbai", countryCode: "IN", parentId: india.id });
});
afterAll(() => server.stop());

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
