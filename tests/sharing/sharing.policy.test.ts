import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { queryRows } from "../../server/db/client.js";
import { members, organisations } from "../../server/db/tables/index.js";
import { AppError } from "../../server/errors.js";
import {
  type OwnedRecord,
  type Role,
  type Viewer,
  type Visibility,
  assertCanCreate,
  canEdit,
  canEditReferenceData,
  canManageUsers,
  canSee,
  canSeeNotes,
  canSeeOwnerOnlyFields,
  hasRole,
  visibleSql,
  visibleWhere,
} from "../../server/policy/sharing.policy.js";
import { type TestDatabase, openTestDatabase } from "../support/databases.js";

// The sharing policy is the heart of "one network": these tests pin its rules
// case by case, then check the invariants over random viewers and records.

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const C = "cccccccc-0000-4000-8000-000000000003";
const ROLES: Role[] = ["VIEWER", "EDITOR", "ADMIN"];
const VISIBILITIES: Visibility[] = ["PRIVATE", "NETWORK"];

const viewer = (memberId: string, role: Role): Viewer => ({
  userId: randomUUID(),
  memberId,
  role,
  email: "someone@test.example",
  sessionId: randomUUID(),
});
const record = (ownerMemberId: string, visibility: Visibility): OwnedRecord => ({ ownerMemberId, visibility });

// Arbitraries: members from a small pool so that viewer and owner often coincide.
const memberIdArb = fc.constantFrom(A, B, C);
const roleArb = fc.constantFrom(...ROLES);
const viewerArb = fc.record({
  userId: fc.uuid(),
  memberId: memberIdArb,
  role: roleArb,
  email: fc.emailAddress(),
  sessionId: fc.uuid(),
});
const recordArb = fc.record({ ownerMemberId: memberIdArb, visibility: fc.constantFrom(...VISIBILITIES) });
const noteArb = fc.record({ ownerMemberId: memberIdArb, visibility: fc.constantFrom(...VISIBILITIES), notesSensitive: fc.boolean() });

describe("hasRole", () => {
  it.each([
    ["VIEWER", "VIEWER", true],
    ["VIEWER", "EDITOR", false],
    ["VIEWER", "ADMIN", false],
    ["EDITOR", "VIEWER", true],
    ["EDITOR", "EDITOR", true],
    ["EDITOR", "ADMIN", false],
    ["ADMIN", "VIEWER", true],
    ["ADMIN", "EDITOR", true],
    ["ADMIN", "ADMIN", true],
  ] as [Role, Role, boolean][])("%s has the %s role: %s", (role, required, expected) => {
    expect(hasRole(viewer(A, role), required)).toBe(expected);
  });
});

describe("canSee", () => {
  it.each(ROLES)("%s: sees their own member's records, private or not, and any NETWORK record", (role) => {
    expect(canSee(viewer(A, role), record(A, "PRIVATE"))).toBe(true);
    expect(canSee(viewer(A, role), record(A, "NETWORK"))).toBe(true);
    expect(canSee(viewer(A, role), record(B, "NETWORK"))).toBe(true);
  });

  it.each(ROLES)("%s: never sees another member's PRIVATE record", (role) => {
    expect(canSee(viewer(A, role), record(B, "PRIVATE"))).toBe(false);
  });
});

describe("canEdit", () => {
  it("lets only the owner member's editors and admins change a record", () => {
    for (const visibility of VISIBILITIES) {
      expect(canEdit(viewer(A, "EDITOR"), record(A, visibility))).toBe(true);
      expect(canEdit(viewer(A, "ADMIN"), record(A, visibility))).toBe(true);
      expect(canEdit(viewer(A, "VIEWER"), record(A, visibility))).toBe(false);
      for (const role of ROLES) expect(canEdit(viewer(B, role), record(A, visibility))).toBe(false);
    }
  });
});

describe("canSeeOwnerOnlyFields and canSeeNotes", () => {
  it("shows owner-only fields to the owner member only, even on a NETWORK record", () => {
    for (const role of ROLES) {
      expect(canSeeOwnerOnlyFields(viewer(A, role), record(A, "NETWORK"))).toBe(true);
      expect(canSeeOwnerOnlyFields(viewer(A, role), record(A, "PRIVATE"))).toBe(true);
      expect(canSeeOwnerOnlyFields(viewer(B, role), record(A, "NETWORK"))).toBe(false);
    }
  });

  it("shows sensitive notes to the owner member only, other notes to whoever sees the record", () => {
    expect(canSeeNotes(viewer(B, "ADMIN"), { ...record(A, "NETWORK"), notesSensitive: true })).toBe(false);
    expect(canSeeNotes(viewer(A, "VIEWER"), { ...record(A, "NETWORK"), notesSensitive: true })).toBe(true);
    expect(canSeeNotes(viewer(B, "VIEWER"), { ...record(A, "NETWORK"), notesSensitive: false })).toBe(true);
  });
});

describe("canManageUsers, assertCanCreate, canEditReferenceData", () => {
  it("lets admins manage their own member's users only", () => {
    expect(canManageUsers(viewer(A, "ADMIN"), A)).toBe(true);
    expect(canManageUsers(viewer(A, "ADMIN"), B)).toBe(false);
    expect(canManageUsers(viewer(A, "EDITOR"), A)).toBe(false);
    expect(canManageUsers(viewer(A, "VIEWER"), A)).toBe(false);
  });

  it("lets editors and admins create records and maintain reference data, never viewers", () => {
    expect(() => assertCanCreate(viewer(A, "EDITOR"))).not.toThrow();
    expect(() => assertCanCreate(viewer(A, "ADMIN"))).not.toThrow();
    let error: unknown;
    try {
      assertCanCreate(viewer(A, "VIEWER"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect(canEditReferenceData(viewer(A, "VIEWER"))).toBe(false);
    expect(canEditReferenceData(viewer(A, "EDITOR"))).toBe(true);
    expect(canEditReferenceData(viewer(A, "ADMIN"))).toBe(true);
  });
});

describe("invariants over random viewers and records", () => {
  it("canEdit implies canSee", () => {
    fc.assert(fc.property(viewerArb, recordArb, (v, r) => !canEdit(v, r) || canSee(v, r)));
  });

  it("seeing owner-only fields implies seeing the record", () => {
    fc.assert(fc.property(viewerArb, recordArb, (v, r) => !canSeeOwnerOnlyFields(v, r) || canSee(v, r)));
  });

  it("sensitive notes of a record are seen only where its owner-only fields are", () => {
    fc.assert(
      fc.property(viewerArb, noteArb, (v, r) => !r.notesSensitive || canSeeNotes(v, r) === canSeeOwnerOnlyFields(v, r)),
    );
  });

  it("canSee, canEdit and canManageUsers follow the model: NETWORK or own member; own member and EDITOR+; own member and ADMIN", () => {
    fc.assert(
      fc.property(viewerArb, recordArb, (v, r) => {
        const own = v.memberId === r.ownerMemberId;
        expect(canSee(v, r)).toBe(own || r.visibility === "NETWORK");
        expect(canEdit(v, r)).toBe(own && v.role !== "VIEWER");
        expect(canManageUsers(v, r.ownerMemberId)).toBe(own && v.role === "ADMIN");
      }),
    );
  });

  it("a higher role never has fewer rights than a lower one", () => {
    fc.assert(
      fc.property(viewerArb, recordArb, fc.constantFrom(...ROLES), (v, r, required) => {
        const higher = { ...v, role: "ADMIN" as Role };
        if (hasRole(v, required)) expect(hasRole(higher, required)).toBe(true);
        if (canEdit(v, r)) expect(canEdit(higher, r)).toBe(true);
        expect(canSee(higher, r)).toBe(canSee(v, r));
      }),
    );
  });
});

describe("the SQL forms of canSee", () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase();
    await test.database.db.insert(members).values([A, B, C].map((id, i) => ({ id, name: `Policy member ${i}`, kind: "COUNCIL" as const })));
  });
  afterAll(() => test.drop());

  it("visibleWhere and visibleSql select exactly the records canSee allows", async () => {
    const db = test.database.db;
    await fc.assert(
      fc.asyncProperty(viewerArb, fc.array(recordArb, { minLength: 1, maxLength: 8 }), async (v, records) => {
        const rows = await db
          .insert(organisations)
          .values(records.map((r, i) => ({ ...r, name: `Policy record ${i}`, kind: "OTHER" as const })))
          .returning();
        const ids = rows.map((r) => r.id);
        const expected = rows.filter((r) => canSee(v, r)).map((r) => r.id).sort();
        try {
          const byWhere = await db
            .select({ id: organisations.id })
            .from(organisations)
            .where(sql`${inArray(organisations.id, ids)} and ${visibleWhere(v, organisations)}`);
          expect(byWhere.map((r) => r.id).sort()).toEqual(expected);
          const bySql = await queryRows<{ id: string }>(
            db,
            sql`select o.id from ${organisations} o where ${inArray(sql`o.id`, ids)} and ${visibleSql(v, "o")}`,
          );
          expect(bySql.map((r) => r.id).sort()).toEqual(expected);
        } finally {
          await db.delete(organisations).where(inArray(organisations.id, ids));
        }
      }),
      { numRuns: 25 },
    );
  });
});
