import { and, asc, desc, eq, gt, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { importFileChunks, importJobRows, importJobs, importMappings } from "../../db/tables/index.js";
import type { ImportJobRow, ImportMappingRow, ImportReportRow } from "./imports.rows.js";

// Import jobs, their stored files and reports, and saved mappings.

/** A running job that has not reported progress for this long was interrupted (e.g. its server stopped). */
export const STALE_AFTER_MS = 5 * 60_000;
/** Uploaded files are kept this long for a dry run and an apply, then deleted. */
export const FILE_RETENTION_MS = 7 * 86_400_000;

export async function findJob(db: Db, memberId: string, id: string): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.memberId, memberId)));
  return row ?? null;
}

export function isStale(job: ImportJobRow, now = Date.now()): boolean {
  return job.status === "RUNNING" && (job.heartbeatAt?.getTime() ?? 0) < now - STALE_AFTER_MS;
}

export async function listJobs(db: Db, memberId: string, size: number, after: string | null): Promise<ImportJobRow[]> {
  return db
    .select()
    .from(importJobs)
    .where(
      and(
        eq(importJobs.memberId, memberId),
        sql`${importJobs.status} <> 'UPLOADING'`,
        after ? sql`(${importJobs.createdAt}, ${importJobs.id}) < (select created_at, id from import_jobs where id = ${after})` : undefined,
      ),
    )
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(size + 1);
}

export async function countJobs(db: Db, memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importJobs)
    .where(and(eq(importJobs.memberId, memberId), sql`${importJobs.status} <> 'UPLOADING'`));
  return row?.n ?? 0;
}

/**
 * Marks a job RUNNING unless it already runs (a stale run may be taken over).
 * Clears the previous run's counts and report. Null when it is running.
 */
export async function claimJob(
  db: Db,
  id: string,
  values: { mapping: { column: string; field: string }[]; options: Record<string, unknown>; dryRun: boolean },
): Promise<ImportJobRow | null> {
  return db.transaction(async (tx) => {
    const staleBefore = new Date(Date.now() - STALE_AFTER_MS);
    const [row] = await tx
      .update(importJobs)
      .set({
        status: "RUNNING",
        mapping: values.mapping,
        options: values.options,
        dryRun: values.dryRun,
        rowsProcessed: 0,
        bytesProcessed: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        duplicates: 0,
        rejected: 0,
        warnings: 0,
        error: null,
        startedAt: new Date(),
        finishedAt: null,
        heartbeatAt: new Date(),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(importJobs.id, id),
          eq(importJobs.fileAvailable, true),
          or(sql`${importJobs.status} not in ('RUNNING', 'UPLOADING')`, and(eq(importJobs.status, "RUNNING"), lt(importJobs.heartbeatAt, staleBefore))),
        ),
      )
      .returning();
    if (!row) return null;
    await tx.delete(importJobRows).where(eq(importJobRows.jobId, id));
    return row;
  });
}

export interface BatchCounts {
  rows: number;
  bytes: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  rejected: number;
  warnings: number;
}

export async function addProgress(db: Db, id: string, c: BatchCounts): Promise<void> {
  await db
    .update(importJobs)
    .set({
      rowsProcessed: sql`${importJobs.rowsProcessed} + ${c.rows}`,
      bytesProcessed: c.bytes,
      created: sql`${importJobs.created} + ${c.created}`,
      updated: sql`${importJobs.updated} + ${c.updated}`,
      unchanged: sql`${importJobs.unchanged} + ${c.unchanged}`,
      duplicates: sql`${importJobs.duplicates} + ${c.duplicates}`,
      rejected: sql`${importJobs.rejected} + ${c.rejected}`,
      warnings: sql`${importJobs.warnings} + ${c.warnings}`,
      heartbeatAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(importJobs.id, id));
}

export async function finishJob(
  db: Db,
  id: string,
  outcome: { status: "DRY_RUN_COMPLETE" | "COMPLETE" | "FAILED"; error?: string | null; bytes?: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(importJobs)
      .set({
        status: outcome.status,
        error: outcome.error ?? null,
        finishedAt: new Date(),
        updatedAt: new Date(),
        ...(outcome.bytes !== undefined ? { bytesProcessed: outcome.bytes } : {}),
        // Applied: the uploaded file has served its purpose and is deleted.
        ...(outcome.status === "COMPLETE" ? { fileAvailable: false } : {}),
      })
      .where(eq(importJobs.id, id));
    if (outcome.status === "COMPLETE") await tx.delete(importFileChunks).where(eq(importFileChunks.jobId, id));
  });
}

export async function insertReportRows(db: Db, rows: (typeof importJobRows.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(importJobRows).values(rows.slice(i, i + 500));
}

export async function reportRows(
  db: Db,
  jobId: string,
  status: ImportReportRow["status"] | null | undefined,
  size: number,
  afterRow: number | null,
): Promise<(typeof importJobRows.$inferSelect)[]> {
  return db
    .select()
    .from(importJobRows)
    .where(
      and(
        eq(importJobRows.jobId, jobId),
        status ? eq(importJobRows.status, status) : undefined,
        afterRow !== null ? gt(importJobRows.rowNumber, afterRow) : undefined,
      ),
    )
    .orderBy(asc(importJobRows.rowNumber))
    .limit(size + 1);
}

export async function countReportRows(db: Db, jobId: string, status: ImportReportRow["status"] | null | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importJobRows)
    .where(and(eq(importJobRows.jobId, jobId), status ? eq(importJobRows.status, status) : undefined));
  return row?.n ?? 0;
}

/** Deletes stored files past their retention and uploads that never finished. */
export async function purgeOldFiles(db: Db, now = Date.now()): Promise<void> {
  const before = new Date(now - FILE_RETENTION_MS);
  const expired = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(eq(importJobs.fileAvailable, true), lte(importJobs.createdAt, before), sql`${importJobs.status} <> 'RUNNING'`));
  if (expired.length) {
    const ids = expired.map((e) => e.id);
    await db.delete(importFileChunks).where(inArray(importFileChunks.jobId, ids));
    await db.update(importJobs).set({ fileAvailable: false, updatedAt: new Date() }).where(inArray(importJobs.id, ids));
  }
  await db
    .delete(importJobs)
    .where(and(eq(importJobs.status, "UPLOADING"), lte(importJobs.createdAt, new Date(now - 86_400_000))));
}

const WRITTEN_TABLES: Record<ImportJobRow["entity"], string[]> = {
  PEOPLE: ["people", "affiliations"],
  ORGANISATIONS: ["organisations"],
  INTERACTIONS: ["interactions", "interaction_people", "interaction_organisations"],
  INTERACTION_PARTICIPANTS: ["interaction_people", "interactions"],
};

/**
 * Refreshes the planner's statistics of the tables a large import wrote. Until autovacuum gets to
 * them, PostgreSQL plans with the row counts from before the import: after 100,000 interactions
 * arrived it still estimated one per member, and the member export's keyset queries took 12 s a
 * page instead of 0.15 s. Statistics only: a failure is not the import's.
 */
export async function analyzeTables(db: Db, entity: ImportJobRow["entity"]): Promise<void> {
  for (const table of WRITTEN_TABLES[entity]) await db.execute(sql`analyze ${sql.identifier(table)}`).catch(() => undefined);
}

// --- saved mappings ------------------------------------------------------------

export function listMappings(db: Db, memberId: string, entity: ImportMappingRow["entity"]): Promise<ImportMappingRow[]> {
  return db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.memberId, memberId), eq(importMappings.entity, entity)))
    .orderBy(desc(importMappings.updatedAt), asc(importMappings.name));
}

export async function upsertMapping(
  db: Db,
  values: { memberId: string; entity: ImportMappingRow["entity"]; name: string; mapping: { column: string; field: string }[]; createdById: string },
): Promise<ImportMappingRow> {
  const [row] = await db
    .insert(importMappings)
    .values(values)
    .onConflictDoUpdate({
      target: [importMappings.memberId, importMappings.entity, importMappings.name],
      set: { mapping: values.mapping, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteMapping(db: Db, memberId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(importMappings)
    .where(and(eq(importMappings.id, id), eq(importMappings.memberId, memberId)))
    .returning({ id: importMappings.id });
  return rows.length > 0;
}

export async function findMapping(db: Db, memberId: string, id: string): Promise<ImportMappingRow | null> {
  const [row] = await db.select().from(importMappings).where(and(eq(importMappings.id, id), eq(importMappings.memberId, memberId)));
  return row ?? null;
}
