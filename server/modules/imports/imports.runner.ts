import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withStatementCounter } from "../../db/statements.js";
import { members } from "../../db/tables/index.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import { type BatchContext, breathe, parseRow, processRecordBatch } from "./imports.batch.js";
import type { ImportRow, RowStatus } from "./imports.entities.js";
import { FieldError } from "./imports.fields.js";
import { SeenKeys } from "./imports.keys.js";
import { processParticipantBatch } from "./imports.links.js";
import * as repo from "./imports.repository.js";
import type { ImportJobRow } from "./imports.rows.js";
import { type ByteCounter, type SourceRow, openRows } from "./imports.source.js";

// Runs an import job: streams the stored file row by row, and for each batch
// of rows parses, resolves, compares and (unless it is a dry run) writes.
// Each applied batch is ONE transaction — its records, their audit events, its
// report lines and the job's counters commit together or not at all — so a
// failure part-way leaves whole batches only, and a report saying where it
// stopped. Re-running continues safely: rows already imported are unchanged.
// Memory stays flat whatever the file's size: one batch of rows at a time, and
// per row only what the in-file checks need (imports.keys.ts).

export const DEFAULT_BATCH_SIZE = 500;
/** An import that wrote this many rows refreshes the planner's statistics of its tables (see analyzeTables). */
const ANALYZE_AFTER_ROWS = 1000;

export interface RunOptions {
  dryRun: boolean;
  batchSize: number;
  onDuplicate: "SKIP" | "CREATE";
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
  let written = 0;
  let lastRow = 1;
  let batchRange: [number, number] | null = null;
  try {
    const [member] = await db.select({ months: members.retentionMonths }).from(members).where(eq(members.id, viewer.memberId));
    const source = await openRows(db, job.id, job.format, counter);
    if (!source) throw new FieldError("the file has no header row");
    const ctx: BatchContext = {
      viewer,
      job,
      entity: job.entity,
      options,
      state: {
        externalIds: new SeenKeys(),
        sourceIds: new SeenKeys(),
        matched: new SeenKeys(),
        keys: new SeenKeys(),
        pairs: new SeenKeys(),
        plannedIds: new Map(),
        notCreated: new Set(),
      },
      columnOf: new Map(mapping.map((m) => [m.field, m.column])),
      indexOf: new Map(mapping.map((m) => [m.field, source.columns.indexOf(m.column)])),
      columnCount: source.columns.length,
      retentionReviewOn: addMonths(member?.months ?? 24),
    };
    try {
      let batch: SourceRow[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const range: [number, number] = [batch[0]!.rowNumber, batch.at(-1)!.rowNumber];
        batchRange = range;
        const rows = batch;
        batch = [];
        const counts = options.dryRun
          ? await processBatch(db, ctx, rows, counter)
          : await db.transaction((tx) => processBatch(tx as unknown as Db, ctx, rows, counter));
        committedRows += counts.rows;
        written += counts.created + counts.updated;
        lastRow = range[1];
        batchRange = null;
      };
      for await (const row of source.rows) {
        batch.push(row);
        if (batch.length >= options.batchSize) {
          await flush();
          // Between batches the other requests' queries get the database (PGlite runs one at a
          // time) and a shutdown signal is seen.
          await breathe();
          // Between batches only: the batch in hand is always finished (committed) first.
          if (stopping) throw new Stopping();
        }
      }
      await flush();
    } finally {
      source.close();
    }
    // Before the job says COMPLETE: whoever polls for it then queries fresh statistics
    // (on PostgreSQL the poll runs on another connection and would otherwise race the analyse).
    if (written >= ANALYZE_AFTER_ROWS) await repo.analyzeTables(db, job.entity);
    await repo.finishJob(db, job.id, { status: options.dryRun ? "DRY_RUN_COMPLETE" : "COMPLETE", bytes: counter.bytes });
  } catch (err) {
    await repo.finishJob(db, job.id, { status: "FAILED", error: failureMessage(err, options.dryRun, batchRange, committedRows, lastRow) }).catch(() => undefined);
  }
}

/** The job's error: what stopped it, the rows it had reached, what was written and how to carry on. */
function failureMessage(err: unknown, dryRun: boolean, range: [number, number] | null, committedRows: number, lastRow: number): string {
  const rows = (n: number) => `${n.toLocaleString("en-GB")} row${n === 1 ? "" : "s"}`;
  if (err instanceof Stopping) {
    return dryRun
      ? `The dry run was interrupted: the server was stopped after row ${lastRow} (${rows(committedRows)} checked). The dry run wrote nothing; run it again.`
      : `The import was interrupted: the server was stopped after row ${lastRow}. The ${rows(committedRows)} up to it were imported in whole batches; nothing after it was written. Run the import again to finish: rows already imported will be reported as unchanged.`;
  }
  const where = range ? `Rows ${range[0]}–${range[1]} could not be processed: ${describe(err)}.` : `The import stopped: ${describe(err)}.`;
  const after = dryRun
    ? " The dry run wrote nothing."
    : range
      ? ` Nothing of those rows was written; the ${committedRows} rows before them were imported in whole batches. Correct the problem and run the import again: rows already imported will be reported as unchanged.`
      : ` ${committedRows} rows were imported before it stopped, in whole batches.`;
  return `${where}${after}`;
}

async function processBatch(db: Db, ctx: BatchContext, sources: SourceRow[], counter: ByteCounter): Promise<repo.BatchCounts> {
  const rows = sources.map((s) => parseRow(ctx, s));
  if (ctx.entity === "INTERACTION_PARTICIPANTS") await processParticipantBatch(db, ctx, rows);
  else await processRecordBatch(db, ctx, rows);
  await breathe();

  const apply = !ctx.options.dryRun;
  // Report lines for every row but the unchanged ones without problems (which are only counted).
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
    warnings: rows.filter((r: ImportRow) => r.status !== "REJECTED" && r.problems.some((p) => p.severity === "WARNING")).length,
  };
  await repo.addProgress(db, ctx.job.id, counts);
  return counts;
}
