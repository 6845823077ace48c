import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eq } from "drizzle-orm";
import { type GraphQLInputObjectType, type GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType } from "graphql";
import { users } from "../../server/db/tables/index.js";
import { buildSchema } from "../../server/graphql/schema.js";
import { type Actor, gid, makeActor, makeColleague } from "../support/factories.js";
import { uploadOk } from "../imports/helpers.js";
import { type TestServer, startTestServer } from "../support/server.js";

// Mass assignment: a client must not set who owns a record, its id or version, or
// anyone's role by adding fields to an input. The schema is the allow-list (unknown
// input fields are refused before any resolver runs); the few inputs that do name
// members, users or roles are listed below with the rule that guards them.

let server: TestServer;
let alice: Actor; // EDITOR of A
let aliceAdmin: Actor;
let bob: Actor; // EDITOR of B
const schema = buildSchema();

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  aliceAdmin = await makeColleague(server.db, server.config, alice, "ADMIN");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const INJECTED = ["ownerMember", "ownerMemberId", "owner_member_id", "memberId", "member", "role", "version", "id", "createdById", "createdAt", "updatedAt", "archivedAt", "userId", "canEdit", "passwordHash", "__proto__"];
const SENSITIVE = /owner|member|^id$|^version$|createdBy|archivedAt|createdAt|updatedAt|role|user|loggedBy|assignee|attendee|disabled|password/i;

// Inputs that legitimately name members, users or roles, and what guards each.
const ALLOWED: Record<string, string> = {
  "CreateVisitInput.leadMemberId": "names the lead; the visit is owned by the caller's member",
  "CreateVisitInput.participatingMemberIds": "names participants; ownership is the caller's member",
  "UpdateVisitInput.leadMemberId": "as above, and only the owner member's editors update",
  "UpdateVisitInput.participatingMemberIds": "as above",
  "CreatePartnershipInput.leadMemberId": "names the lead; the record is owned by the caller's member",
  "UpdatePartnershipInput.leadMemberId": "as above",
  "CreateFollowUpInput.assigneeId": "a user of the caller's member only (cross-member-writes)",
  "UpdateFollowUpInput.assigneeId": "as above",
  "LogFollowUpInput.assigneeId": "as above",
  "CreateInteractionInput.internalAttendeeIds": "users of the caller's member only (cross-member-writes)",
  "UpdateInteractionInput.internalAttendeeIds": "as above",
  "LogInteractionInput.internalAttendeeIds": "as above",
  "AffiliationInput.role": "a job title at an organisation, not an access role",
  "NewContactInput.role": "a job title at an organisation, not an access role",
  "CreateUserInput.role": "admins only, into their own member (below)",
  "CreateUserInput.password": "the new user's initial password (policy-checked)",
  "UpdateUserInput.role": "admins only, own member, never their own (below)",
  "UpdateUserInput.disabled": "admins only, own member, never themselves (below)",
};

/** Every input type a mutation can receive, nested ones included. */
function mutationInputTypes(): GraphQLInputObjectType[] {
  const seen = new Map<string, GraphQLInputObjectType>();
  const walk = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    seen.set(named.name, named);
    for (const field of Object.values(named.getFields())) walk(field.type);
  };
  for (const field of Object.values(schema.getMutationType()!.getFields())) for (const arg of field.args) walk(arg.type);
  return [...seen.values()];
}

/** A placeholder of the right GraphQL type for a required argument (never reached: coercion fails first). */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  if (isInputObjectType(type)) return {};
  if (isEnumType(type)) return type.getValues()[0]!.value;
  return { ID: gid("Person", "00000000-0000-4000-8000-000000000000"), Int: 1, Float: 1, Boolean: true, String: "x", Date: "2026-01-01", DateTime: "2026-01-01T00:00:00Z" }[type.name];
}

describe("the schema as the allow-list", () => {
  it("lets no mutation input name an owner, id, version or role except the guarded ones listed here", () => {
    const found = mutationInputTypes().flatMap((t) => Object.keys(t.getFields()).filter((f) => SENSITIVE.test(f)).map((f) => `${t.name}.${f}`));
    expect(found.filter((f) => !(f in ALLOWED)).sort()).toEqual([]);
    // And the list has no stale entries.
    expect(Object.keys(ALLOWED).filter((f) => !found.includes(f))).toEqual([]);
  });

  it("refuses injected ownership, id, version and role fields in every mutation input, before any resolver runs", async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.args.some((a) => isInputObjectType(getNamedType(a.type))));
    expect(mutations.length).toBeGreaterThan(20);
    for (const field of mutations) {
      const arg = field.args.find((a) => isInputObjectType(getNamedType(a.type)))!;
      const input = getNamedType(arg.type) as GraphQLInputObjectType;
      const declared = Object.keys(input.getFields());
      const decl = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
      const query = `mutation(${decl}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(", ")}) { __typename } }`;
      // All at once: coercion reports every unknown field, each by name.
      const names = INJECTED.filter((n) => !declared.includes(n));
      const smuggled = Object.fromEntries(names.map((n) => [n, alice.member.id]));
      const vars = Object.fromEntries(field.args.map((a) => [a.name, placeholder(a.type)]));
      vars[arg.name] = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? [smuggled] : smuggled;
      const res = await server.gql(query, vars, bob.token);
      const where = `${field.name}(${arg.name})`;
      expect({ where, status: res.status, code: res.errors?.[0]?.extensions?.code }).toEqual({ where, status: 400, code: "BAD_USER_INPUT" });
      const unnamed = names.filter((n) => !res.errors!.some((e) => e.message.includes(`Field "${n}" is not defined by type "${input.name}"`)));
      expect({ where, unnamed }).toEqual({ where, unnamed: [] });
      expect({ where, statements: res.statements }).toEqual({ where, statements: 1 }); // the session lookup only
    }
  });

  it("refuses injected fields written inline in the query too", async () => {
    const res = await server.gql(`mutation { createPerson(input: { fullName: "Inline", ownerMemberId: "${alice.member.id}" }) { id } }`, {}, bob.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/ownerMemberId/);
    const listed = await server.gql(`{ people(filter: { query: "Inline" }) { totalCount } }`, {}, bob.token);
    expect(listed.data).toEqual({ people: { totalCount: 0 } });
  });
});

describe("what a create assigns", () => {
  it("owns every created record by the caller's member, whatever the input says about others", async () => {
    const leadIsAlice = { leadMemberId: gid("Member", alice.member.id) };
    const cases: [string, string, Record<string, unknown>][] = [
      ["createPerson", "CreatePersonInput", { fullName: "Owned by B", visibility: "PRIVATE" }],
      ["createOrganisation", "CreateOrganisationInput", { name: "Owned by B", kind: "COMPANY" }],
      ["createVisit", "CreateVisitInput", { title: "Owned by B", direction: "OUTBOUND", startsOn: "2026-05-01", endsOn: "2026-05-02", ...leadIsAlice }],
      ["createPartnership", "CreatePartnershipInput", { name: "Owned by B", kind: "MOU", ...leadIsAlice }],
      ["createOpportunity", "CreateOpportunityInput", { title: "Owned by B" }],
      ["createPriority", "CreatePriorityInput", { name: "Owned by B", scope: "MEMBER", countryCode: "FR" }],
      ["createInteraction", "CreateInteractionInput", { occurredAt: "2026-01-01T00:00:00Z", kind: "CALL", subject: "Owned by B" }],
      ["createFollowUp", "CreateFollowUpInput", { title: "Owned by B" }],
    ];
    for (const [field, type, input] of cases) {
      const res = await server.gql<Record<string, { id: string; ownerMember: { id: string }; canEdit: boolean; version: number }>>(
        `mutation($i: ${type}!) { ${field}(input: $i) { id ownerMember { id } canEdit version } }`,
        { i: input },
        bob.token,
      );
      expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
      const { id, ...rest } = res.data![field]!;
      expect({ field, ...rest }).toEqual({ field, ownerMember: { id: gid("Member", bob.member.id) }, canEdit: true, version: 1 });
      // Naming A as the lead gives A no say over B's record.
      const asAlice = await server.gql<{ node: { canEdit: boolean } | null }>(`query($id: ID!) { node(id: $id) { ... on Owned { canEdit } } }`, { id }, alice.token);
      if (asAlice.data?.node) expect({ field, canEdit: asAlice.data.node.canEdit }).toEqual({ field, canEdit: false });
    }
  });

  it("files an upload under the uploader's member whatever form fields are added", async () => {
    const form = new FormData();
    for (const [k, v] of [["memberId", alice.member.id], ["ownerMemberId", alice.member.id], ["userId", aliceAdmin.user.id], ["entity", "PEOPLE"]]) form.append(k!, v!);
    form.append("file", new Blob(["Name\nSmuggled\n"]), "people.csv");
    const res = await fetch(`${server.url}/imports`, { method: "POST", headers: { authorization: `Bearer ${bob.token}` }, body: form });
    expect(res.status).toBe(201);
    const mine = await server.gql<{ importJobs: { nodes: { uploadedBy: { id: string } }[] } }>(`{ importJobs { nodes { uploadedBy { id } } } }`, {}, bob.token);
    expect(mine.data?.importJobs.nodes).toEqual([{ uploadedBy: { id: gid("User", bob.user.id) } }]);
    const theirs = await server.gql<{ importJobs: { totalCount: number } }>(`{ importJobs { totalCount } }`, {}, alice.token);
    expect(theirs.data?.importJobs.totalCount).toBe(0);
  });

  it("refuses an import mapping onto ownership or id columns", async () => {
    const jobId = await uploadOk(server, bob.token, "PEOPLE", "people.csv", "Name,Owner,Id,Version\nMapped Person,x,y,3\n");
    for (const field of ["ownerMemberId", "owner_member_id", "memberId", "id", "version", "createdById"]) {
      const res = await server.gql(
        `mutation($id: ID!, $m: [ImportColumnMappingInput!]!) { runImport(jobId: $id, mapping: $m, dryRun: true) { id } }`,
        { id: jobId, m: [{ column: "Name", field: "fullName" }, { column: "Owner", field }] },
        bob.token,
      );
      expect({ field, code: res.errors?.[0]?.extensions?.code }).toEqual({ field, code: "BAD_USER_INPUT" });
    }
  });
});

describe("roles", () => {
  const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id role member { id } } }`;
  const UPDATE_USER = `mutation($id: ID!, $v: Int!, $i: UpdateUserInput!) { updateUser(id: $id, version: $v, input: $i) { id role } }`;
  const newUser = (role: string) => ({ email: `made-${role.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@test.example`, name: "Made", role, password: "a long enough password 1" });

  it("lets only admins create users, only in their own member, with a real role", async () => {
    for (const actor of [alice, await makeColleague(server.db, server.config, alice, "VIEWER")]) {
      for (const role of ["ADMIN", "EDITOR"]) {
        const res = await server.gql(CREATE_USER, { i: newUser(role) }, actor.token);
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    }
    const made = await server.gql<{ createUser: { role: string; member: { id: string } } }>(CREATE_USER, { i: newUser("ADMIN") }, aliceAdmin.token);
    expect(made.data?.createUser).toMatchObject({ role: "ADMIN", member: { id: gid("Member", alice.member.id) } });
    const bogus = await server.gql(CREATE_USER, { i: newUser("SUPERUSER") }, aliceAdmin.token);
    expect(bogus.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("does not let a user change their own role", async () => {
    for (const role of ["EDITOR", "VIEWER"] as const) {
      const self = await makeColleague(server.db, server.config, alice, role);
      const res = await server.gql(UPDATE_USER, { id: gid("User", self.user.id), v: 1, i: { role: "ADMIN" } }, self.token);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const [row] = await server.db.select({ role: users.role, version: users.version }).from(users).where(eq(users.id, self.user.id));
      expect(row).toEqual({ role, version: 1 });
    }
    const admin = await makeColleague(server.db, server.config, alice, "ADMIN");
    const demote = await server.gql(UPDATE_USER, { id: gid("User", admin.user.id), v: 1, i: { role: "VIEWER" } }, admin.token);
    expect(demote.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.role" });
    const disable = await server.gql(UPDATE_USER, { id: gid("User", admin.user.id), v: 1, i: { disabled: true } }, admin.token);
    expect(disable.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.disabled" });
    const [row] = await server.db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, admin.user.id));
    expect(row).toEqual({ role: "ADMIN", disabledAt: null });
  });

  it("lets an admin change a colleague's role, and not another member's user", async () => {
    const colleague = await makeColleague(server.db, server.config, alice, "VIEWER");
    const promoted = await server.gql(UPDATE_USER, { id: gid("User", colleague.user.id), v: 1, i: { role: "EDITOR" } }, aliceAdmin.token);
    expect(promoted.data).toEqual({ updateUser: { id: gid("User", colleague.user.id), role: "EDITOR" } });
    const other = await server.gql(UPDATE_USER, { id: gid("User", bob.user.id), v: 1, i: { role: "VIEWER" } }, aliceAdmin.token);
    expect(other.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const [row] = await server.db.select({ role: users.role }).from(users).where(eq(users.id, bob.user.id));
    expect(row?.role).toBe("EDITOR");
  });
});
