import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withStatementCounter } from "../../db/statements.js";
import { auditEvents, members } from "../../db/tables/index.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import { type ImportRow, type Problem, type RowStatus, SPECS, changedLinks, type Desired, type ExistingRecord } from "./imports.entities.js";
import { FieldError, type ImportEntity, fieldsOf } from "./imports.fields.js";
import * as repo from "./imports.repository.js";
import type { ImportJobRow } from "./imports.rows.js";
import { type ByteCounter, type SourceRow, openRows } from "./imports.source.js";

// Runs an import job: streams the stored file row by row, and for each batch
// of rows parses, resolves, compares and (unless it is a dry run) writes.
// Each applied batch is ONE transaction — its records, their audit events, its
// report lines and the job's counters commit together or not at all — so a
// failure part-way leaves whole batches only, and a report saying where it
// stopped. Re-running continues safely: rows already imported are unchanged.

export const DEFAULT_BATCH_SIZE = 500;

export interface RunOptions {
  dryRun: boolean;
  batchSize: number;
  onDuplicate: "SKIP" | "CREATE";
}

interface InFileState {
  externalIds: Map<string, number>;
  keys: Map<string, number>;
  /** Organisations: external id → the id its record gets if created (so later rows can name it as parent). */
  plannedIds: Map<string, string>;
  /** Planned ids whose rows were not created (rejected or duplicates). */
  notCreated: Set<string>;
}

const running = new Set<Promise<void>>();
let stopping = false;

class Stopping extends Error {}

/**
 * At shutdown: running imports stop after their current batch (whole batches only
 * are written; the job says where it stopped and can be run again), and this
 * resolves when they have.
 */
export async function stopImports(): Promise<void> {
  stopping = true;
  try {
    while (running.size) await Promise.allSettled([...running]);
  } finally {
    stopping = false;
  }
}

/** Starts the job in the background; progress and the outcome are written to the job. */
export function startJob(db: Db, viewer: Viewer, job: ImportJobRow, mapping: { column: string; field: string }[], options: RunOptions): void {
  // A fresh statement counter: the job outlives the request that started it.
  const { result } = withStatementCounter(() => runJob(db, viewer, job, mapping, options));
  const done = result.catch(() => undefined).finally(() => running.delete(done));
  running.add(done);
}

function addMonths(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A database error as a message without any of the data: its SQLSTATE and constraint. */
function describe(err: unknown): string {
  if (err instanceof FieldError) return err.message;
  if (err instanceof Stopping) return "the server was stopped";
  // Drizzle wraps the driver's error.
  if (typeof err === "object" && err !== null && "cause" in err && typeof err.cause === "object" && err.cause !== null && "code" in err.cause) {
    return describe(err.cause);
  }
  if (typeof err === "object" && err !== null) {
    const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return `the database refused the batch (SQLSTATE ${e.code}${typeof e.constraint === "string" ? `, constraint ${e.constraint}` : ""})`;
    }
    if (typeof e.code === "string" && e.code.startsWith("CSV_")) return `the file is not valid CSV (${e.code})`;
  }
  return "an unexpected error occurred";
}

export async function runJob(
  db: Db,
  viewer: Viewer,
  job: ImportJobRow,
  mapping: { column: string; field: string }[],
  options: RunOptions,
): Promise<void> {
  const counter: ByteCounter = { bytes: 0 };
  let committedRows = 0;
  let batchRange: [number, number] | null = null;
  try {
    const [member] = await db.select({ months: members.retentionMonths }).from(members).where(eq(members.id, viewer.memberId));
    const source = await openRows(db, job.id, job.format, counter);
    if (!source) throw new FieldError("the file has no header row");
    const state: InFileState = { externalIds: new Map(), keys: new Map(), plannedIds: new Map(), notCreated: new Set() };
    const ctx: BatchContext = {
      viewer,
      job,
      entity: job.entity,
      options,
      state,
      columnOf: new Map(mapping.map((m) => [m.field, m.column])),
      indexOf: new Map(mapping.map((m) => [m.field, source.columns.indexOf(m.column)])),
      columnCount: source.columns.length,
      retentionReviewOn: addMonths(member?.months ?? 24),
    };
    try {
      let batch: SourceRow[] = [];
      const flush = async () => {
        if (!batch.length) return;
        batchRange = [batch[0]!.rowNumber, batch.at(-1)!.rowNumber];
        const rows = batch;
        batch = [];
        const counts = options.dryRun
          ? await processBatch(db, ctx, rows, counter)
          : await db.transaction((tx) => processBatch(tx as unknown as Db, ctx, rows, counter));
        committedRows += counts.rows;
        batchRange = null;
      };
      for await (const row of source.rows) {
        batch.push(row);
        if (batch.length >= options.batchSize) {
          await flush();
          if (stopping) throw new Stopping();
        }
      }
      await flush();
    } finally {
      source.close();
    }
    await repo.finishJob(db, job.id, { status: options.dryRun ? "DRY_RUN_COMPLETE" : "COMPLETE", bytes: counter.bytes });
  } catch (err) {
    const range = batchRange as [number, number] | null;
    const where = range ? `Rows ${range[0]}–${range[1]} could not be processed: ${describe(err)}.` : `The import stopped: ${describe(err)}.`;
    const after = options.dryRun
      ? " The dry run wrote nothing."
      : range
        ? ` Nothing of those rows was written; the ${committedRows} rows before them were imported in whole batches. Correct the problem and run the import again: rows already imported will be reported as unchanged.`
        : ` ${committedRows} rows were imported before it stopped, in whole batches.`;
    await repo.finishJob(db, job.id, { status: "FAILED", error: `${where}${after}` }).catch(() => undefined);
  }
}

interface BatchContext {
  viewer: Viewer;
  job: ImportJobRow;
  entity: ImportEntity;
  options: RunOptions;
  state: InFileState;
  columnOf: Map<string, string>;
  indexOf: Map<string, number>;
  columnCount: number;
  retentionReviewOn: string;
}

const isRejected = (row: ImportRow) => row.problems.some((p) => p.severity === "ERROR");

function parseRow(ctx: BatchContext, source: SourceRow): ImportRow {
  const row: ImportRow = { rowNumber: source.rowNumber, values: new Map(), problems: [], matchedIds: [], changedFields: [] };
  for (const def of fieldsOf(ctx.entity)) {
    const index = ctx.indexOf.get(def.name);
    if (index === undefined) continue;
    const cell = source.cells[index] ?? "";
    const column = ctx.columnOf.get(def.name) ?? null;
    if (def.hasDefault && cell.trim() === "") continue;
    try {
      const value = def.parse(cell);
      if (def.required && (value === null || (Array.isArray(value) && !value.length))) {
        row.problems.push({ column, field: def.name, message: "is required", severity: "ERROR" });
      } else {
        row.values.set(def.name, value);
      }
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      row.problems.push({ column, field: def.name, message: err.message, severity: "ERROR" });
    }
  }
  if (source.cells.length > ctx.columnCount && source.cells.slice(ctx.columnCount).some((c) => c.trim() !== "")) {
    row.problems.push({
      column: null,
      field: null,
      message: `the row has ${source.cells.length} cells but the header has ${ctx.columnCount} columns; the extra cells were ignored`,
      severity: "WARNING",
    });
  }
  return row;
}

type Comparable = string | number | boolean | null;
function comparable(v: unknown): Comparable {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

/** The stored value in the form the file gives it (emails compare without case). */
function sameValue(field: string, stored: unknown, wanted: unknown): boolean {
  const a = comparable(stored);
  const b = comparable(wanted);
  if (field === "email" && typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function auditValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v === undefined ? null : v;
}

async function processBatch(db: Db, ctx: BatchContext, sources: SourceRow[], counter: ByteCounter): Promise<repo.BatchCounts> {
  const spec = SPECS[ctx.entity];
  const apply = !ctx.options.dryRun;
  const { plannedIds, notCreated } = ctx.state;
  const env = {
    db,
    viewer: ctx.viewer,
    columnOf: ctx.columnOf,
    retentionReviewOn: ctx.retentionReviewOn,
    lock: apply,
    plannedIdOf: (ext: string) => {
      const id = plannedIds.get(ext);
      return id && !notCreated.has(id) ? id : undefined;
    },
  };
  const rows = sources.map((s) => parseRow(ctx, s));
  const externalIdOf = (row: ImportRow) => (row.values.get("externalId") ?? null) as string | null;

  // The same external id twice in one file: the later row is rejected.
  for (const row of rows) {
    const ext = externalIdOf(row);
    if (ext === null || isRejected(row)) continue;
    const earlier = ctx.state.externalIds.get(ext);
    if (earlier !== undefined) {
      row.problems.push({ column: ctx.columnOf.get("externalId") ?? null, field: "externalId", message: `the same external id is already on row ${earlier}`, severity: "ERROR" });
    } else {
      ctx.state.externalIds.set(ext, row.rowNumber);
      if (ctx.entity === "ORGANISATIONS") plannedIds.set(ext, randomUUID());
    }
  }

  const live = rows.filter((r) => !isRejected(r));
  const desired = await spec.prepare(env, live);
  const externalIds = live.map(externalIdOf).filter((e): e is string => e !== null);
  const existing = externalIds.length ? await spec.findExisting(env, externalIds) : new Map<string, ExistingRecord>();

  const fresh: { row: ImportRow; desired: Desired }[] = [];
  for (const row of live) {
    const d = desired.get(row)!;
    const ext = externalIdOf(row);
    const found = ext !== null ? (existing.get(ext) ?? null) : null;
    const problem = spec.check(d, found, env);
    if (problem) {
      row.problems.push(problem);
      continue;
    }
    if (!found) {
      fresh.push({ row, desired: d });
      continue;
    }
    row.existing = found;
    row.recordId = found.row.id;
    row.version = found.row.version;
    const patch: Record<string, unknown> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(d.columns)) {
      const before = found.row[key];
      if (!sameValue(key, before, value)) {
        patch[key] = value;
        changes[key] = { from: auditValue(before), to: auditValue(value) };
      }
    }
    const links = changedLinks(d, found);
    for (const l of links) changes[l] = { from: null, to: linkAudit(d, l) };
    row.changedFields = [...Object.keys(patch), ...links];
    row.status = row.changedFields.length ? "UPDATED" : "UNCHANGED";
    if (row.status === "UPDATED") {
      row.write = patch;
      row.links = d.links;
      row.audit = changes;
    }
    registerKeys(ctx, spec.duplicateKeys({ ...d, columns: { ...found.row, ...d.columns } }).register, row.rowNumber);
  }

  // New rows: a likely duplicate of a record the member has, or of an earlier row of this file.
  const checkable = fresh.filter((f) => spec.entity !== "INTERACTIONS" || externalIdOf(f.row) === null);
  const dbMatches = checkable.length ? await spec.findDuplicates(env, checkable) : new Map<ImportRow, string[]>();
  for (const { row, desired: d } of fresh) {
    const keys = spec.duplicateKeys(d);
    const matchedIds = dbMatches.get(row) ?? [];
    const matchedRow = checkable.some((c) => c.row === row) ? keys.lookup.map((k) => ctx.state.keys.get(k)).find((n) => n !== undefined) : undefined;
    if (matchedIds.length || matchedRow !== undefined) {
      row.matchedIds = matchedIds;
      row.matchedRow = matchedIds.length ? undefined : matchedRow;
      if (ctx.options.onDuplicate === "SKIP") {
        row.status = "DUPLICATE";
        continue;
      }
      row.problems.push({ column: null, field: null, message: "possible duplicate, created as asked", severity: "WARNING" });
    }
    const values = spec.createValues(env, d);
    row.status = "CREATED";
    const ext = externalIdOf(row);
    row.recordId = (ext !== null ? plannedIds.get(ext) : undefined) ?? randomUUID();
    row.write = {
      ...values,
      id: row.recordId,
      externalId: externalIdOf(row),
      ownerMemberId: ctx.viewer.memberId,
      createdById: ctx.viewer.userId,
    };
    row.links = d.links;
    row.audit = Object.fromEntries(
      Object.entries({ ...values, externalId: externalIdOf(row), ...linkAuditAll(d) }).map(([k, v]) => [k, auditValue(v)]),
    );
    registerKeys(ctx, keys.register, row.rowNumber);
  }
  for (const row of rows) if (isRejected(row)) row.status = "REJECTED";
  if (ctx.entity === "ORGANISATIONS") dropUncreatedParents(ctx, rows);

  if (apply) await write(db, ctx, rows);

  const report = rows
    .filter((r) => r.status !== "UNCHANGED" || r.problems.length)
    .map((r) => ({
      jobId: ctx.job.id,
      rowNumber: r.rowNumber,
      status: r.status!,
      recordId: r.status === "UPDATED" || r.status === "UNCHANGED" || (apply && r.status === "CREATED") ? (r.recordId ?? null) : null,
      matchedIds: r.matchedIds,
      matchedRow: r.matchedRow ?? null,
      changedFields: r.changedFields,
      problems: r.problems.length ? r.problems : null,
    }));
  await repo.insertReportRows(db, report);
  const count = (s: RowStatus) => rows.filter((r) => r.status === s).length;
  const counts: repo.BatchCounts = {
    rows: rows.length,
    bytes: counter.bytes,
    created: count("CREATED"),
    updated: count("UPDATED"),
    unchanged: count("UNCHANGED"),
    duplicates: count("DUPLICATE"),
    rejected: count("REJECTED"),
    warnings: rows.filter((r) => r.status !== "REJECTED" && r.problems.some((p: Problem) => p.severity === "WARNING")).length,
  };
  await repo.addProgress(db, ctx.job.id, counts);
  return counts;
}

/** A parent planned from a row that was not created after all is left out, with a warning. */
function dropUncreatedParents(ctx: BatchContext, rows: ImportRow[]) {
  const { plannedIds, notCreated } = ctx.state;
  for (const row of rows) {
    const ext = (row.values.get("externalId") ?? null) as string | null;
    const planned = ext !== null ? plannedIds.get(ext) : undefined;
    if (planned && row.status !== "CREATED") notCreated.add(planned);
  }
  for (const row of rows) {
    const parentId = row.write?.parentId;
    if (typeof parentId !== "string" || !notCreated.has(parentId)) continue;
    if (row.status === "CREATED") row.write!.parentId = null;
    else {
      delete row.write!.parentId;
      row.changedFields = row.changedFields.filter((f) => f !== "parentId");
      if (row.audit) delete row.audit.parentId;
      if (!row.changedFields.length) row.status = "UNCHANGED";
    }
    if (row.audit && row.status === "CREATED") row.audit.parentId = null;
    row.problems.push({ column: ctx.columnOf.get("parent") ?? null, field: "parent", message: "the parent's row was not imported; the parent is left as it is", severity: "WARNING" });
  }
}

function registerKeys(ctx: BatchContext, keys: string[], rowNumber: number) {
  for (const k of keys) if (!ctx.state.keys.has(k)) ctx.state.keys.set(k, rowNumber);
}

function linkAudit(d: Desired, link: string): unknown {
  if (link === "organisation") return d.links.affiliation ? { organisationId: d.links.affiliation.organisationId, role: d.links.affiliation.role } : null;
  if (link === "participants") return d.links.personIds ?? [];
  return d.links.organisationIds ?? [];
}

function linkAuditAll(d: Desired): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.links.affiliation) out.organisation = linkAudit(d, "organisation");
  if (d.links.personIds) out.participants = d.links.personIds;
  if (d.links.organisationIds) out.organisations = d.links.organisationIds;
  return out;
}

/** Inserts, updates, links and audit events of one batch, inside its transaction. */
async function write(db: Db, ctx: BatchContext, rows: ImportRow[]): Promise<void> {
  const spec = SPECS[ctx.entity];
  const table = spec.table;
  const creates = rows.filter((r) => r.status === "CREATED");
  const updates = rows.filter((r) => r.status === "UPDATED");
  if (creates.length) await db.insert(table).values(creates.map((r) => r.write as typeof table.$inferInsert));
  for (const row of updates) {
    if (row.write && Object.keys(row.write).length) {
      await db
        .update(table)
        .set({ ...row.write, version: sql`${table.version} + 1`, updatedAt: new Date() })
        .where(eq(table.id, row.recordId!));
    } else {
      // Only links changed: the record still gets a new version.
      await db.update(table).set({ version: sql`${table.version} + 1`, updatedAt: new Date() }).where(eq(table.id, row.recordId!));
    }
  }
  await spec.writeLinks(db, [...creates, ...updates]);
  const audited = [...creates, ...updates];
  if (audited.length) {
    await db.insert(auditEvents).values(
      audited.map((r) => ({
        userId: ctx.viewer.userId,
        memberId: ctx.viewer.memberId,
        action: r.status === "CREATED" ? "create" : "update",
        recordType: spec.recordType,
        recordId: r.recordId!,
        changes: r.audit ?? null,
        requestId: `import:${ctx.job.id}`,
      })),
    );
  }
}
