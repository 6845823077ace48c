import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEvents } from "../../db/tables/index.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import {
  type BatchEnv,
  type Desired,
  type ExistingRecord,
  type ImportRow,
  type RecordEntity,
  SPECS,
  changedLinks,
} from "./imports.entities.js";
import { FieldError, type ImportEntity, fieldsOf } from "./imports.fields.js";
import type { ImportJobRow } from "./imports.rows.js";
import { type SeenKeys, sourceRecordId } from "./imports.keys.js";
import type { SourceRow } from "./imports.source.js";

// One batch of record rows (people, organisations, interactions): parse, resolve
// references, find the records that already carry the row's external id (or
// were created from its id in the file), say what would change, find likely
// duplicates and, unless it is a dry run, write. The runner (imports.runner.ts)
// calls this inside the batch's transaction.

/** What an import remembers across batches: one entry per row at most, in compact tables. */
export interface InFileState {
  externalIds: SeenKeys;
  sourceIds: SeenKeys;
  /** Records matched by an earlier row (two rows must not update the same record). */
  matched: SeenKeys;
  /** Duplicate-detection keys, with the first row that registered each. */
  keys: SeenKeys;
  /** Participants: "interaction|person" → the first row that named the pair. */
  pairs: SeenKeys;
  /** Organisations: "ext:…"/"src:…" → the id its record gets if created (so later rows can name it as parent). */
  plannedIds: Map<string, string>;
  /** Planned ids whose rows were not created (rejected or duplicates). */
  notCreated: Set<string>;
}

export interface BatchContext {
  viewer: Viewer;
  job: ImportJobRow;
  entity: ImportEntity;
  options: { dryRun: boolean; onDuplicate: "SKIP" | "CREATE" };
  state: InFileState;
  columnOf: Map<string, string>;
  indexOf: Map<string, number>;
  columnCount: number;
  retentionReviewOn: string;
}

export const isRejected = (row: ImportRow) => row.problems.some((p) => p.severity === "ERROR");

/**
 * A turn of the event loop between a batch's statements. With PGlite each statement runs
 * synchronously and resolves at once, so a whole batch would otherwise hold the process: no
 * request read, no keep-alive timer refreshed (clients saw their connections reset). Other
 * requests' queries still wait for the batch's transaction; only the process stays responsive.
 */
export const breathe = () => setImmediate();

export function parseRow(ctx: BatchContext, source: SourceRow): ImportRow {
  const row: ImportRow = { rowNumber: source.rowNumber, values: new Map(), problems: [], matchedIds: [], changedFields: [] };
  for (const def of fieldsOf(ctx.entity)) {
    const index = ctx.indexOf.get(def.name);
    if (index === undefined) continue;
    const cell = source.cells[index] ?? "";
    const column = ctx.columnOf.get(def.name) ?? null;
    if (def.hasDefault && cell.trim() === "") continue;
    // PostgreSQL text cannot hold NUL: refuse the row here, naming the column, not the batch at the database.
    if (cell.includes("\u0000")) {
      row.problems.push({ column, field: def.name, message: "contains a NUL character, which cannot be stored", severity: "ERROR" });
      continue;
    }
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

export function auditValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v === undefined ? null : v;
}

const externalIdOf = (row: ImportRow) => (row.values.get("externalId") ?? null) as string | null;
const sourceIdOf = (row: ImportRow) => (row.values.get("sourceId") ?? null) as string | null;

/** Plans (and, unless a dry run, writes) one batch of record rows; every row gets a status. */
export async function processRecordBatch(db: Db, ctx: BatchContext, rows: ImportRow[]): Promise<void> {
  const entity = ctx.entity as RecordEntity;
  const spec = SPECS[entity];
  const apply = !ctx.options.dryRun;
  const { plannedIds, notCreated } = ctx.state;
  const derive = (sourceId: string) => sourceRecordId(ctx.viewer.memberId, entity, sourceId);
  const env: BatchEnv = {
    db,
    viewer: ctx.viewer,
    columnOf: ctx.columnOf,
    retentionReviewOn: ctx.retentionReviewOn,
    lock: apply,
    plannedIdOf: (key: string) => {
      const id = plannedIds.get(`ext:${key}`) ?? plannedIds.get(`src:${key}`);
      return id && !notCreated.has(id) ? id : undefined;
    },
  };

  // The same external id (or id in the file) twice in one file: the later row is rejected.
  for (const row of rows) {
    if (isRejected(row)) continue;
    const ext = externalIdOf(row);
    const src = sourceIdOf(row);
    const earlierExt = ext !== null ? ctx.state.externalIds.get(ext) : undefined;
    const earlierSrc = src !== null ? ctx.state.sourceIds.get(src) : undefined;
    if (earlierExt !== undefined) {
      row.problems.push({ column: ctx.columnOf.get("externalId") ?? null, field: "externalId", message: `the same external id is already on row ${earlierExt}`, severity: "ERROR" });
    } else if (earlierSrc !== undefined) {
      row.problems.push({ column: ctx.columnOf.get("sourceId") ?? null, field: "sourceId", message: `the same id is already on row ${earlierSrc}`, severity: "ERROR" });
    } else {
      if (ext !== null) ctx.state.externalIds.add(ext, row.rowNumber);
      if (src !== null) ctx.state.sourceIds.add(src, row.rowNumber);
      if (entity === "ORGANISATIONS") {
        const planned = src !== null ? derive(src) : randomUUID();
        if (ext !== null) plannedIds.set(`ext:${ext}`, planned);
        if (src !== null) plannedIds.set(`src:${src}`, planned);
      }
    }
  }

  const live = rows.filter((r) => !isRejected(r));
  const desired = await spec.prepare(env, live);
  await breathe();
  const keys = {
    externalIds: live.map(externalIdOf).filter((e): e is string => e !== null),
    ids: live.map(sourceIdOf).filter((s): s is string => s !== null).map(derive),
  };
  const found = keys.externalIds.length || keys.ids.length ? await spec.findExisting(env, keys) : [];
  await breathe();
  const byExternalId = new Map(found.filter((f) => f.row.externalId != null).map((f) => [f.row.externalId as string, f]));
  const byId = new Map(found.map((f) => [f.row.id, f]));

  const fresh: { row: ImportRow; desired: Desired }[] = [];
  for (const row of live) {
    const d = desired.get(row)!;
    const ext = externalIdOf(row);
    const src = sourceIdOf(row);
    // Matched by external id, or else by the id the record was created from.
    const existing: ExistingRecord | null = (ext !== null ? byExternalId.get(ext) : undefined) ?? (src !== null ? byId.get(derive(src)) : undefined) ?? null;
    const problem = spec.check(d, existing, env);
    if (problem) {
      row.problems.push(problem);
      continue;
    }
    if (!existing) {
      fresh.push({ row, desired: d });
      continue;
    }
    const earlier = ctx.state.matched.add(existing.row.id, row.rowNumber);
    if (earlier !== undefined) {
      row.problems.push({ column: null, field: null, message: `row ${earlier} already matched the same record (by its external id or id in the file)`, severity: "ERROR" });
      continue;
    }
    row.existing = existing;
    row.recordId = existing.row.id;
    row.version = existing.row.version;
    const patch: Record<string, unknown> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    // A record found by its id in the file takes the file's external id.
    const columns = ext !== null ? { ...d.columns, externalId: ext } : d.columns;
    for (const [key, value] of Object.entries(columns)) {
      const before = existing.row[key];
      if (!sameValue(key, before, value)) {
        patch[key] = value;
        changes[key] = { from: auditValue(before), to: auditValue(value) };
      }
    }
    const links = changedLinks(d, existing);
    for (const l of links) changes[l] = { from: null, to: linkAudit(d, l) };
    row.changedFields = [...Object.keys(patch), ...links];
    row.status = row.changedFields.length ? "UPDATED" : "UNCHANGED";
    if (row.status === "UPDATED") {
      row.write = patch;
      row.links = d.links;
      row.audit = changes;
    }
    registerKeys(ctx, spec.duplicateKeys({ ...d, columns: { ...existing.row, ...d.columns } }).register, row.rowNumber);
  }

  // New rows: a likely duplicate of a record the member has, or of an earlier row of this file.
  // An interaction that carries its own identifier (external id or id in the file) is not a duplicate.
  const identified = (row: ImportRow) => entity === "INTERACTIONS" && (externalIdOf(row) !== null || sourceIdOf(row) !== null);
  const checkable = fresh.filter((f) => !identified(f.row));
  const dbMatches = checkable.length ? await spec.findDuplicates(env, checkable) : new Map<ImportRow, string[]>();
  await breathe();
  for (const { row, desired: d } of fresh) {
    const dupKeys = spec.duplicateKeys(d);
    const matchedIds = dbMatches.get(row) ?? [];
    const matchedRow = identified(row) ? undefined : dupKeys.lookup.map((k) => ctx.state.keys.get(k)).find((n) => n !== undefined);
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
    const src = sourceIdOf(row);
    row.recordId = src !== null ? derive(src) : ((ext !== null ? plannedIds.get(`ext:${ext}`) : undefined) ?? randomUUID());
    row.write = { ...values, id: row.recordId, externalId: ext, ownerMemberId: ctx.viewer.memberId, createdById: ctx.viewer.userId };
    row.links = d.links;
    row.audit = Object.fromEntries(Object.entries({ ...values, externalId: ext, ...linkAuditAll(d) }).map(([k, v]) => [k, auditValue(v)]));
    registerKeys(ctx, dupKeys.register, row.rowNumber);
  }
  for (const row of rows) if (isRejected(row)) row.status = "REJECTED";
  if (entity === "ORGANISATIONS") dropUncreatedParents(ctx, rows);

  if (apply) await write(db, ctx, spec.recordType, rows);
}

/** A parent planned from a row that was not created after all is left out, with a warning. */
function dropUncreatedParents(ctx: BatchContext, rows: ImportRow[]) {
  const { plannedIds, notCreated } = ctx.state;
  for (const row of rows) {
    const ext = externalIdOf(row);
    const src = sourceIdOf(row);
    const planned = (ext !== null ? plannedIds.get(`ext:${ext}`) : undefined) ?? (src !== null ? plannedIds.get(`src:${src}`) : undefined);
    // A record found by the id it was created from carries the planned id itself: that parent exists.
    if (planned && row.status !== "CREATED" && row.recordId !== planned) notCreated.add(planned);
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
  for (const k of keys) ctx.state.keys.add(k, rowNumber);
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
async function write(db: Db, ctx: BatchContext, recordType: string, rows: ImportRow[]): Promise<void> {
  const spec = SPECS[ctx.entity as RecordEntity];
  const table = spec.table;
  const creates = rows.filter((r) => r.status === "CREATED");
  const updates = rows.filter((r) => r.status === "UPDATED");
  if (creates.length) await db.insert(table).values(creates.map((r) => r.write as typeof table.$inferInsert));
  await breathe();
  for (const row of updates) {
    // Only links changed: the record still gets a new version.
    await db
      .update(table)
      .set({ ...(row.write ?? {}), version: sql`${table.version} + 1`, updatedAt: new Date() })
      .where(eq(table.id, row.recordId!));
  }
  await spec.writeLinks(db, [...creates, ...updates]);
  await breathe();
  const audited = [...creates, ...updates];
  if (audited.length) {
    await db.insert(auditEvents).values(
      audited.map((r) => ({
        userId: ctx.viewer.userId,
        memberId: ctx.viewer.memberId,
        action: r.status === "CREATED" ? "create" : "update",
        recordType,
        recordId: r.recordId!,
        changes: r.audit ?? null,
        requestId: `import:${ctx.job.id}`,
      })),
    );
  }
}
