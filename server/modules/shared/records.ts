import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Context, viewerOf } from "../../context.js";
import type { Db } from "../../db/client.js";
import { conflict, forbidden, notFound } from "../../errors.js";
import { type OwnedRecord, type Viewer, canEdit, canSee } from "../../policy/sharing.policy.js";
import { diff, recordAudit } from "../audit/audit.repository.js";

// The write path every versioned record shares: authorise through the policy,
// check the version the client read, change, audit — in one transaction.

export type VersionedTable = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  archivedAt: PgColumn;
};

type Row = { id: string; version: number; archivedAt: Date | null };

export function transaction<T>(ctx: Context, fn: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn(tx as unknown as Db));
}

/** Owned records: invisible → NOT_FOUND (indistinguishable from missing); visible but not editable → FORBIDDEN. */
export function authorizeOwned(viewer: Viewer, row: OwnedRecord, what: string): void {
  if (!canSee(viewer, row)) throw notFound(what);
  if (!canEdit(viewer, row)) throw forbidden(`Only editors of the owning member can change this ${what.toLowerCase()}.`);
}

interface ChangeSpec<R> {
  table: VersionedTable;
  recordType: string;
  id: string;
  version: number;
  authorize: (viewer: Viewer, row: R) => void;
}

async function lockRow<R extends Row>(tx: Db, spec: ChangeSpec<R>): Promise<R> {
  const [row] = (await tx
    .select()
    .from(spec.table)
    .where(eq(spec.table.id, spec.id))
    .for("update")) as unknown as R[];
  if (!row) throw notFound(spec.recordType);
  return row;
}

export async function updateVersioned<R extends Row>(
  ctx: Context,
  tx: Db,
  spec: ChangeSpec<R>,
  patch: Record<string, unknown>,
): Promise<R> {
  const viewer = viewerOf(ctx);
  const before = await lockRow(tx, spec);
  spec.authorize(viewer, before);
  if (before.version !== spec.version) throw conflict();
  const changes = diff(before, patch);
  const [after] = (await tx
    .update(spec.table)
    .set({ ...patch, version: sql`${spec.table.version} + 1`, updatedAt: new Date() })
    .where(and(eq(spec.table.id, spec.id), eq(spec.table.version, spec.version)))
    .returning()) as unknown as R[];
  if (!after) throw conflict();
  await recordAudit(tx, ctx, { action: "update", recordType: spec.recordType, recordId: spec.id, changes });
  return after;
}

export async function archiveVersioned<R extends Row>(ctx: Context, tx: Db, spec: ChangeSpec<R>): Promise<R> {
  const viewer = viewerOf(ctx);
  const before = await lockRow(tx, spec);
  spec.authorize(viewer, before);
  if (before.version !== spec.version) throw conflict();
  const [after] = (await tx
    .update(spec.table)
    .set({ archivedAt: new Date(), version: sql`${spec.table.version} + 1`, updatedAt: new Date() })
    .where(eq(spec.table.id, spec.id))
    .returning()) as unknown as R[];
  if (!after) throw conflict();
  await recordAudit(tx, ctx, { action: "archive", recordType: spec.recordType, recordId: spec.id });
  return after;
}

export async function insertAudited<R extends { id: string }>(
  ctx: Context,
  tx: Db,
  table: PgTable,
  recordType: string,
  values: Record<string, unknown>,
): Promise<R> {
  const [row] = (await tx.insert(table).values(values).returning()) as unknown as R[];
  if (!row) throw new Error(`insert into ${recordType} returned no row`);
  await recordAudit(tx, ctx, { action: "create", recordType, recordId: row.id, changes: values });
  return row;
}
