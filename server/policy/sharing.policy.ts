import { type SQL, and, eq, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { forbidden } from "../errors.js";

// THE sharing policy. Every read and write path in Entente asks this module;
// tests in tests/sharing pin its rules. Keep it pure: no I/O here.

export type Role = "ADMIN" | "EDITOR" | "VIEWER";
export type Visibility = "PRIVATE" | "NETWORK";

export interface Viewer {
  userId: string;
  memberId: string;
  role: Role;
  email: string;
  sessionId: string;
}

export interface OwnedRecord {
  ownerMemberId: string;
  visibility: Visibility;
}

export interface OwnedColumns {
  ownerMemberId: PgColumn;
  visibility: PgColumn;
}

const rank: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export function hasRole(viewer: Viewer, required: Role): boolean {
  return rank[viewer.role] >= rank[required];
}

/** A record is visible to its owner member, and to everyone when shared with the network. */
export function canSee(viewer: Viewer, record: OwnedRecord): boolean {
  return record.visibility === "NETWORK" || record.ownerMemberId === viewer.memberId;
}

/** The same rule as canSee, as SQL, so lists, counts, search and loaders filter in the database. */
export function visibleWhere(viewer: Viewer, table: OwnedColumns): SQL {
  return or(eq(table.ownerMemberId, viewer.memberId), eq(table.visibility, "NETWORK"))!;
}

/** The rule as raw SQL over an alias, for hand-written queries (search, briefings). */
export function visibleSql(viewer: Viewer, alias: string): SQL {
  const a = sql.identifier(alias);
  return sql`(${a}.owner_member_id = ${viewer.memberId} or ${a}.visibility = 'NETWORK')`;
}

/** Only the owner member's editors and admins change a record. */
export function canEdit(viewer: Viewer, record: OwnedRecord): boolean {
  return record.ownerMemberId === viewer.memberId && hasRole(viewer, "EDITOR");
}

/** Email, phone and sensitive notes: owner member only, even on a NETWORK record. */
export function canSeeOwnerOnlyFields(viewer: Viewer, record: OwnedRecord): boolean {
  return record.ownerMemberId === viewer.memberId;
}

export function canSeeNotes(viewer: Viewer, record: OwnedRecord & { notesSensitive: boolean }): boolean {
  return !record.notesSensitive || canSeeOwnerOnlyFields(viewer, record);
}

/** canSeeNotes as raw SQL over an interactions alias, for hand-written queries (search ranks and snippets). */
export function notesVisibleSql(viewer: Viewer, alias: string): SQL {
  const a = sql.identifier(alias);
  return sql`(not ${a}.notes_sensitive or ${a}.owner_member_id = ${viewer.memberId})`;
}

/** Creating records: editors and admins, always owned by their own member. */
export function assertCanCreate(viewer: Viewer): void {
  if (!hasRole(viewer, "EDITOR")) throw forbidden("Viewers cannot create records.");
}

/** Reference data (places) has no owner: any editor may maintain it. */
export function canEditReferenceData(viewer: Viewer): boolean {
  return hasRole(viewer, "EDITOR");
}

/** Member administration: admins manage their own member's users only. */
export function canManageUsers(viewer: Viewer, memberId: string): boolean {
  return viewer.role === "ADMIN" && viewer.memberId === memberId;
}

export function ownedAnd(viewer: Viewer, table: OwnedColumns, ...more: (SQL | undefined)[]): SQL | undefined {
  return and(visibleWhere(viewer, table), ...more);
}
