import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import { auditEvents } from "../../server/db/tables/index.js";
import { buildSchema } from "../../server/graphql/schema.js";
import { type Scenario, day, expectNoLeak, makeScenario, victimState } from "../support/adversary.js";
import { gid, makeAffiliation, makeAlumniTie, makeFollowUp, makeInteraction, makeInvestorProfile, makeOpportunity, makeOrganisation, makeParty, makePartnership, makePerson, signIn } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// A user of member B, with a valid account, tries every Mutation on member A's records:
// changing them directly, or pointing B's own writes at them. Table-driven: every
// Mutation field has an entry, or this file fails. After each attempt nothing of A's
// has changed (victimState), and an attempt on a private record is answered exactly
// as one on a record that does not exist.

let server: TestServer;
let s: Scenario;

beforeAll(async () => {
  server = await startTestServer();
  s = await makeScenario(server);
});
afterAll(() => server.stop());

const MISSING = "00000000-0000-4000-8000-000000000000";
type Outcome = "hidden" | "FORBIDDEN" | "BAD_USER_INPUT" | "ok";
interface Attempt {
  query: string;
  /** Variables aimed at the target (a global id); "hidden" attempts are repeated against a missing id of the same type. */
  vars: (target: string) => Record<string, unknown>;
  target: [type: string, id: string];
  expect: Outcome;
  as?: "attacker" | "attackerAdmin";
}

const V = 1; // every scenario record is at version 1
const at = "2026-01-15T10:00:00Z";

/** updateX(id, version, input) on A's private record (hidden) and on its NETWORK twin (FORBIDDEN). */
function update(field: string, type: string, key: keyof Scenario["secret"], input: Record<string, unknown>): (s: Scenario) => Attempt[] {
  const query = `mutation($id: ID!, $v: Int!, $i: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(id: $id, version: $v, input: $i) { id } }`;
  return (s) => [
    { query, vars: (id) => ({ id, v: V, i: input }), target: [type, s.secret[key].id], expect: "hidden" },
    { query, vars: (id) => ({ id, v: V, i: input }), target: [type, s.shared[key].id], expect: "FORBIDDEN" },
  ];
}

/** A create of B's own that refers to one of A's private records through `path`. */
function refer(field: string, inputType: string, build: (ref: string) => Record<string, unknown>, type: string, key: keyof Scenario["secret"]): (s: Scenario) => Attempt[] {
  return (s) => [{ query: `mutation($i: ${inputType}!) { ${field}(input: $i) { __typename } }`, vars: (ref) => ({ i: build(ref) }), target: [type, s.secret[key].id], expect: "hidden" }];
}

const ARCHIVE = `mutation($id: ID!, $v: Int!) { archive(id: $id, version: $v) { id } }`;
const MERGE_P = `mutation($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) { person { id } } }`;
const MERGE_O = `mutation($k: ID!, $m: ID!) { mergeOrganisations(keepId: $k, mergeId: $m) { organisation { id } } }`;

const WRITES: Record<string, (s: Scenario) => Attempt[]> = {
  archive: (s) =>
    (["person", "organisation", "interaction", "visit", "partnership", "opportunity", "followUp", "investorProfile", "priority"] as const).flatMap((key) => {
      const type = { person: "Person", organisation: "Organisation", interaction: "Interaction", visit: "Visit", partnership: "Partnership", opportunity: "Opportunity", followUp: "FollowUp", investorProfile: "InvestorProfile", priority: "Priority" }[key];
      return [
        { query: ARCHIVE, vars: (id: string) => ({ id, v: V }), target: [type, s.secret[key].id] as [string, string], expect: "hidden" as const },
        { query: ARCHIVE, vars: (id: string) => ({ id, v: V }), target: [type, s.shared[key].id] as [string, string], expect: "FORBIDDEN" as const },
      ];
    }),
  updatePerson: update("updatePerson", "Person", "person", { fullName: "Taken over" }),
  updateOrganisation: update("updateOrganisation", "Organisation", "organisation", { name: "Taken over" }),
  updateInteraction: update("updateInteraction", "Interaction", "interaction", { subject: "Taken over" }),
  updateVisit: update("updateVisit", "Visit", "visit", { title: "Taken over" }),
  updatePartnership: update("updatePartnership", "Partnership", "partnership", { name: "Taken over" }),
  updateOpportunity: update("updateOpportunity", "Opportunity", "opportunity", { title: "Taken over" }),
  updateFollowUp: update("updateFollowUp", "FollowUp", "followUp", { title: "Taken over" }),
  updateInvestorProfile: update("updateInvestorProfile", "InvestorProfile", "investorProfile", { notes: "Taken over" }),
  updatePriority: update("updatePriority", "Priority", "priority", { name: "Taken over" }),
  completeFollowUp: (s) => [
    { query: `mutation($id: ID!) { completeFollowUp(id: $id, version: 1) { id } }`, vars: (id) => ({ id }), target: ["FollowUp", s.secret.followUp.id], expect: "hidden" },
    { query: `mutation($id: ID!) { completeFollowUp(id: $id, version: 1) { id } }`, vars: (id) => ({ id }), target: ["FollowUp", s.shared.followUp.id], expect: "FORBIDDEN" },
  ],
  reassignFollowUp: (s) => [
    { query: `mutation($id: ID!, $a: ID!) { reassignFollowUp(id: $id, version: 1, assigneeId: $a) { id } }`, vars: (id) => ({ id, a: gid("User", s.attacker.user.id) }), target: ["FollowUp", s.secret.followUp.id], expect: "hidden" },
    // B's own follow-up cannot be handed to a user of A.
    { query: `mutation($id: ID!, $a: ID!) { reassignFollowUp(id: $id, version: 1, assigneeId: $a) { id } }`, vars: (a) => ({ id: gid("FollowUp", s.attackerOwn.followUp.id), a }), target: ["User", s.victim.user.id], expect: "BAD_USER_INPUT" },
  ],
  createFollowUp: (s) =>
    (["interaction", "person", "organisation", "partnership", "visit", "opportunity"] as const).map((key) => ({
      query: `mutation($i: CreateFollowUpInput!) { createFollowUp(input: $i) { id } }`,
      vars: (ref: string) => ({ i: { title: "Spy task", [`${key}Id`]: ref } }),
      target: [{ interaction: "Interaction", person: "Person", organisation: "Organisation", partnership: "Partnership", visit: "Visit", opportunity: "Opportunity" }[key], s.secret[key].id] as [string, string],
      expect: "hidden" as const,
    })),
  createInteraction: (s) => [
    ...refer("createInteraction", "CreateInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", participantIds: [r] }), "Person", "person")(s),
    ...refer("createInteraction", "CreateInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", organisationIds: [r] }), "Organisation", "organisation")(s),
    ...refer("createInteraction", "CreateInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", visitId: r }), "Visit", "visit")(s),
    { query: `mutation($i: CreateInteractionInput!) { createInteraction(input: $i) { id } }`, vars: (r) => ({ i: { occurredAt: at, kind: "MEETING", subject: "Spy", internalAttendeeIds: [r] } }), target: ["User", s.victim.user.id], expect: "BAD_USER_INPUT" },
  ],
  logInteraction: (s) => [
    ...refer("logInteraction", "LogInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", participants: [{ personId: r }] }), "Person", "person")(s),
    ...refer("logInteraction", "LogInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", organisations: [{ organisationId: r }] }), "Organisation", "organisation")(s),
    ...refer("logInteraction", "LogInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", visitId: r }), "Visit", "visit")(s),
    ...refer("logInteraction", "LogInteractionInput", (r) => ({ occurredAt: at, kind: "MEETING", subject: "Spy", participants: [{ new: { fullName: "New Spy", organisation: { organisationId: r }, createAnyway: true } }] }), "Organisation", "organisation")(s),
    { query: `mutation($i: LogInteractionInput!) { logInteraction(input: $i) { created } }`, vars: (r) => ({ i: { occurredAt: at, kind: "MEETING", subject: "Spy", followUps: [{ title: "x", assigneeId: r }] } }), target: ["User", s.victim.user.id], expect: "BAD_USER_INPUT" },
  ],
  createInvestorProfile: (s) => [
    ...refer("createInvestorProfile", "CreateInvestorProfileInput", (r) => ({ personId: r, investorType: "ANGEL" }), "Person", "person")(s),
    ...refer("createInvestorProfile", "CreateInvestorProfileInput", (r) => ({ organisationId: r, investorType: "ANGEL" }), "Organisation", "organisation")(s),
  ],
  createOpportunity: (s) => [
    ...refer("createOpportunity", "CreateOpportunityInput", (r) => ({ title: "Spy deal", organisationId: r }), "Organisation", "organisation")(s),
    ...refer("createOpportunity", "CreateOpportunityInput", (r) => ({ title: "Spy deal", personId: r }), "Person", "person")(s),
  ],
  createOrganisation: refer("createOrganisation", "CreateOrganisationInput", (r) => ({ name: "Spy Org", kind: "COMPANY", parentId: r }), "Organisation", "organisation"),
  createPartnership: refer("createPartnership", "CreatePartnershipInput", (r) => ({ name: "Spy link", kind: "MOU", parties: [{ side: "INTERNATIONAL", organisationId: r }] }), "Organisation", "organisation"),
  createPerson: (s) => [
    ...refer("createPerson", "CreatePersonInput", (r) => ({ fullName: "Spy Person", affiliations: [{ organisationId: r }] }), "Organisation", "organisation")(s),
    ...refer("createPerson", "CreatePersonInput", (r) => ({ fullName: "Spy Person", alumniTies: [{ universityId: r }] }), "Organisation", "organisation")(s),
  ],
  // B's own records that point nowhere near A: allowed, owned by B, nothing of A's changes.
  createVisit: (s) => [{ query: `mutation($i: CreateVisitInput!) { createVisit(input: $i) { id } }`, vars: (p) => ({ i: { title: "B trip", direction: "OUTBOUND", startsOn: day(5), endsOn: day(6), destinationIds: [p] } }), target: ["Place", s.place.id], expect: "ok" }],
  createPriority: () => [{ query: `mutation { createPriority(input: { name: "B priority", scope: MEMBER, countryCode: "FR" }) { id } }`, vars: () => ({}), target: ["Member", MISSING], expect: "ok" }],
  // Places are public reference data that any editor maintains.
  createPlace: () => [{ query: `mutation { createPlace(input: { kind: CITY, name: "B town", countryCode: "FR" }) { id } }`, vars: () => ({}), target: ["Place", MISSING], expect: "ok" }],
  updatePlace: (s) => [{ query: `mutation($id: ID!) { updatePlace(id: $id, version: 1, input: { latitude: 35.08 }) { id } }`, vars: (id) => ({ id }), target: ["Place", s.place.id], expect: "ok" }],
  updateMember: (s) => [{ as: "attackerAdmin", query: `mutation($id: ID!) { updateMember(id: $id, version: 1, input: { name: "Taken over" }) { id } }`, vars: (id) => ({ id }), target: ["Member", s.victim.member.id], expect: "FORBIDDEN" }],
  createUser: () => [{ as: "attackerAdmin", query: `mutation { createUser(input: { email: "b-new@test.example", name: "B new", role: EDITOR, password: "a long enough password 1" }) { id } }`, vars: () => ({}), target: ["User", MISSING], expect: "ok" }],
  updateUser: (s) =>
    [s.victim.user, s.victimAdmin.user].map((u) => ({ as: "attackerAdmin" as const, query: `mutation($id: ID!) { updateUser(id: $id, version: 1, input: { disabled: true, role: VIEWER }) { id } }`, vars: (id: string) => ({ id }), target: ["User", u.id] as [string, string], expect: "hidden" as const })),
  mergePeople: (s) => [
    { query: MERGE_P, vars: (m) => ({ k: gid("Person", s.attackerOwn.person.id), m }), target: ["Person", s.secret.person.id], expect: "hidden" },
    { query: MERGE_P, vars: (k) => ({ k, m: gid("Person", s.attackerOwn.person.id) }), target: ["Person", s.secret.person.id], expect: "hidden" },
    { query: MERGE_P, vars: (m) => ({ k: gid("Person", s.attackerOwn.person.id), m }), target: ["Person", s.shared.person.id], expect: "FORBIDDEN" },
  ],
  mergeOrganisations: (s) => [
    { query: MERGE_O, vars: (m) => ({ k: gid("Organisation", s.attackerOwn.university.id), m }), target: ["Organisation", s.secret.organisation.id], expect: "hidden" },
    { query: MERGE_O, vars: (m) => ({ k: gid("Organisation", s.attackerOwn.university.id), m }), target: ["Organisation", s.shared.organisation.id], expect: "FORBIDDEN" },
  ],
  requestIntroduction: (s) => [{ query: `mutation($id: ID!) { requestIntroduction(personId: $id, message: "Hello") { message } }`, vars: (id) => ({ id }), target: ["Person", s.secret.person.id], expect: "hidden" }],
  reviewRetention: (s) => [
    { as: "attackerAdmin", query: `mutation($id: ID!, $d: Date!) { reviewRetention(personId: $id, version: 1, decision: { extendTo: $d }) { erased } }`, vars: (id) => ({ id, d: day(300) }), target: ["Person", s.secret.person.id], expect: "hidden" },
    { as: "attackerAdmin", query: `mutation($id: ID!) { reviewRetention(personId: $id, version: 1, decision: { erase: true, reason: "No longer needed by this member" }) { erased } }`, vars: (id) => ({ id }), target: ["Person", s.shared.person.id], expect: "FORBIDDEN" },
  ],
  erasePerson: (s) => [
    { as: "attackerAdmin", query: `mutation($id: ID!) { erasePerson(personId: $id, reason: "No longer needed by this member") { erased } }`, vars: (id) => ({ id }), target: ["Person", s.secret.person.id], expect: "hidden" },
    { as: "attackerAdmin", query: `mutation($id: ID!) { erasePerson(personId: $id, reason: "No longer needed by this member") { erased } }`, vars: (id) => ({ id }), target: ["Person", s.shared.person.id], expect: "FORBIDDEN" },
  ],
  runImport: (s) => [{ query: `mutation($id: ID!) { runImport(jobId: $id, mapping: [{ column: "Name", field: "fullName" }], dryRun: true) { id } }`, vars: (id) => ({ id }), target: ["ImportJob", idIn(s.victimPrivate.importJob)], expect: "hidden" }],
  saveImportMapping: () => [{ query: `mutation { saveImportMapping(entity: PEOPLE, name: "B mapping", mapping: [{ column: "Name", field: "fullName" }]) { id } }`, vars: () => ({}), target: ["ImportMapping", MISSING], expect: "ok" }],
  deleteImportMapping: (s) => [{ query: `mutation($id: ID!) { deleteImportMapping(id: $id) }`, vars: (id) => ({ id }), target: ["ImportMapping", idIn(s.victimPrivate.importMapping)], expect: "hidden" }],
  createSavedSearch: (s) => [{ query: `mutation($i: CreateSavedSearchInput!) { createSavedSearch(input: $i) { id peopleResults { totalCount nodes { id } } } }`, vars: (o) => ({ i: { name: "B people", people: { organisationId: o } } }), target: ["Organisation", s.secret.organisation.id], expect: "ok" }],
  deleteSavedSearch: (s) => [{ query: `mutation($id: ID!) { deleteSavedSearch(id: $id) }`, vars: (id) => ({ id }), target: ["SavedSearch", idIn(s.victimPrivate.savedSearch)], expect: "hidden" }],
  // Sessions: a sign-in attempt with A's email learns nothing, and logout ends only the caller's own session.
  login: (s) => [{ query: `mutation($e: String!) { login(email: $e, password: "guess guess guess") { accessToken } }`, vars: (e) => ({ e }), target: ["Email", s.victim.user.email], expect: "hidden" }],
  refreshSession: () => [{ query: `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, vars: (t) => ({ t }), target: ["Token", "stolen-looking-token"], expect: "hidden" }],
  logout: () => [{ query: `mutation { logout }`, vars: () => ({}), target: ["Session", MISSING], expect: "ok" }],
};

/** The uuid inside a global id. */
function idIn(globalId: string): string {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1]!;
}

/** The target as the API names it: a global id, or the raw value for logins and tokens. */
function ref([type, id]: [string, string]): string {
  return type === "Email" || type === "Token" ? id : gid(type, id);
}

function missingOf([type]: [string, string]): string {
  if (type === "Email") return "nobody-at-all@test.example";
  if (type === "Token") return "another-stolen-looking-token";
  return gid(type, MISSING);
}

describe("cross-member writes", () => {
  it("has an entry for every Mutation field (add new write paths to WRITES)", () => {
    const fields = Object.keys(buildSchema().getMutationType()!.getFields()).sort();
    expect(fields.filter((f) => !(f in WRITES))).toEqual([]);
  });

  it("requires authentication on every write but signing in", async () => {
    const before = await victimState(server, s);
    for (const [field, attempts] of Object.entries(WRITES)) {
      if (field === "login" || field === "refreshSession") continue;
      const attempt = attempts(s)[0]!;
      const res = await server.gql(attempt.query, attempt.vars(ref(attempt.target)));
      expect({ field, code: res.errors?.[0]?.extensions?.code }).toEqual({ field, code: "UNAUTHENTICATED" });
    }
    expect(await victimState(server, s)).toBe(before);
  });

  it.each(Object.keys(WRITES))("%s: member B cannot change member A's records", async (field) => {
    for (const attempt of WRITES[field]!(s)) {
      const before = await victimState(server, s);
      // logout ends the session it is sent with: a session of its own, not the attacker's main one.
      const token = field === "logout" ? await signIn(server.db, server.config, s.attacker.user) : (attempt.as === "attackerAdmin" ? s.attackerAdmin : s.attacker).token;
      const res = await server.gql(attempt.query, attempt.vars(ref(attempt.target)), token);
      const where = `${field} → ${attempt.target.join(" ")}`;
      expectNoLeak(s, { data: res.data, errors: res.errors }, where);
      const code = res.errors?.[0]?.extensions?.code;
      if (attempt.expect === "ok") expect({ where, errors: res.errors }).toEqual({ where, errors: undefined });
      else if (attempt.expect === "hidden") {
        // Not found and not allowed look the same: the same answer as for an id that does not exist.
        const missing = await server.gql(attempt.query, attempt.vars(missingOf(attempt.target)), token);
        expect({ where, code, message: res.errors?.[0]?.message, field: res.errors?.[0]?.extensions?.field, data: res.data }).toEqual({
          where,
          code: missing.errors?.[0]?.extensions?.code,
          message: missing.errors?.[0]?.message,
          field: missing.errors?.[0]?.extensions?.field,
          data: missing.data,
        });
        expect({ where, code: ["NOT_FOUND", "BAD_USER_INPUT", "UNAUTHENTICATED"].includes(String(code)) }).toEqual({ where, code: true });
      } else expect({ where, code }).toEqual({ where, code: attempt.expect });
      expect({ where, unchanged: (await victimState(server, s)) === before }).toEqual({ where, unchanged: true });
    }
  });
});

describe("merging B's own duplicates that A's private records point at", () => {
  it("moves A's private links but does not name them in B's audit trail", async () => {
    const keep = await makePerson(server.db, s.attacker, { fullName: "Merge Keep" });
    const dup = await makePerson(server.db, s.attacker, { fullName: "Merge Dup" });
    const keepOrg = await makeOrganisation(server.db, s.attacker, { name: "Merge Keep Org" });
    const dupOrg = await makeOrganisation(server.db, s.attacker, { name: "Merge Dup Org", kind: "UNIVERSITY" });
    const hidden = { visibility: "PRIVATE" as const };
    const secretPerson = s.secret.person;
    const privateIds = [
      (await makeInteraction(server.db, s.victim, { ...hidden, personIds: [dup.id], organisationIds: [dupOrg.id] })).id,
      (await makeFollowUp(server.db, s.victim, { ...hidden, personId: dup.id })).id,
      (await makeFollowUp(server.db, s.victim, { ...hidden, organisationId: dupOrg.id })).id,
      (await makeOpportunity(server.db, s.victim, { ...hidden, personId: dup.id, organisationId: dupOrg.id })).id,
      (await makeInvestorProfile(server.db, s.victim, { personId: dup.id }, hidden)).id,
      (await makeInvestorProfile(server.db, s.victim, { organisationId: dupOrg.id }, hidden)).id,
      (await makeAffiliation(server.db, secretPerson, dupOrg, { role: "Hidden role" })).id,
      (await makeAlumniTie(server.db, secretPerson, dupOrg, { degree: "Hidden degree" })).id,
      (await makeParty(server.db, await makePartnership(server.db, s.victim, hidden), { organisationId: dupOrg.id })).id,
      (await makeOrganisation(server.db, s.victim, { ...hidden, parentId: dupOrg.id })).id,
      // B's own affiliation of its duplicate with A's private organisation.
      (await makeAffiliation(server.db, dup, s.secret.organisation, { role: "Hidden employer" })).id,
    ];
    const shown = (await makeInteraction(server.db, s.victim, { personIds: [dup.id] })).id; // NETWORK: may be named

    for (const [query, k, m] of [
      [MERGE_P, gid("Person", keep.id), gid("Person", dup.id)],
      [MERGE_O, gid("Organisation", keepOrg.id), gid("Organisation", dupOrg.id)],
    ] as const) {
      const res = await server.gql(query, { k, m }, s.attacker.token);
      expect(res.errors).toBeUndefined();
      const events = await server.db.select().from(auditEvents).where(eq(auditEvents.requestId, res.headers.get("x-request-id")!));
      const merge = events.find((e) => e.action === "merge");
      expect(merge).toBeDefined();
      const text = JSON.stringify(merge!.changes);
      expect(privateIds.filter((id) => text.includes(id))).toEqual([]);
      if (query === MERGE_P) expect(text).toContain(shown);
      // And the same through the API, for B's admin.
      const log = await server.gql(`{ auditEvents(first: 100) { nodes { changes } } }`, {}, s.attackerAdmin.token);
      expect(privateIds.filter((id) => JSON.stringify(log.data).includes(id))).toEqual([]);
    }
  });
});
