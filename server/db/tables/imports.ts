import { sql } from "drizzle-orm";
import { bigint, boolean, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./common.js";
import { members, users } from "./members.js";

// Imports of people, organisations and interactions from CSV and XLSX files.
// The uploaded file is kept in the database (import_file_chunks) so any API
// instance can run the import; it is deleted once the import has been applied.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const importEntity = pgEnum("import_entity", ["PEOPLE", "ORGANISATIONS", "INTERACTIONS", "INTERACTION_PARTICIPANTS"]);
export const importFormat = pgEnum("import_format", ["CSV", "XLSX"]);
export const importStatus = pgEnum("import_status", ["UPLOADING", "UPLOADED", "RUNNING", "DRY_RUN_COMPLETE", "COMPLETE", "FAILED"]);
export const importRowStatus = pgEnum("import_row_status", ["CREATED", "UPDATED", "UNCHANGED", "DUPLICATE", "REJECTED"]);

export const importJobs = pgTable(
  "import_jobs",
  {
    id: id(),
    memberId: uuid("member_id").notNull().references(() => members.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    entity: importEntity("entity").notNull(),
    format: importFormat("format").notNull(),
    fileName: text("file_name").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull().default(0),
    status: importStatus("status").notNull().default("UPLOADING"),
    // The file's column names (its header row), read when it was uploaded.
    columns: jsonb("columns").$type<string[]>(),
    // The mapping (file column → field) and options of the latest run.
    mapping: jsonb("mapping").$type<{ column: string; field: string }[]>(),
    options: jsonb("options").$type<Record<string, unknown>>(),
    dryRun: boolean("dry_run").notNull().default(false),
    fileAvailable: boolean("file_available").notNull().default(true),
    rowsProcessed: integer("rows_processed").notNull().default(0),
    bytesProcessed: bigint("bytes_processed", { mode: "number" }).notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    warnings: integer("warnings").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // Heartbeat of a running import: a RUNNING job that stopped beating was interrupted.
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index("import_jobs_member_idx").on(t.memberId, t.createdAt)],
);

export const importFileChunks = pgTable(
  "import_file_chunks",
  {
    jobId: uuid("job_id").notNull().references(() => importJobs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

/** One line of an import's report: every row except the unchanged ones. No cell values are stored. */
export const importJobRows = pgTable(
  "import_job_rows",
  {
    jobId: uuid("job_id").notNull().references(() => importJobs.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    status: importRowStatus("status").notNull(),
    // The record created or updated (or that would be, in a dry run, when it exists).
    recordId: uuid("record_id"),
    // DUPLICATE: the existing records it matched, or the earlier row of the same file.
    matchedIds: uuid("matched_ids").array().notNull().default(sql`'{}'::uuid[]`),
    matchedRow: integer("matched_row"),
    changedFields: text("changed_fields").array().notNull().default(sql`'{}'::text[]`),
    problems: jsonb("problems").$type<{ column: string | null; field: string | null; message: string; severity: "ERROR" | "WARNING" }[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.rowNumber] }),
    index("import_job_rows_status_idx").on(t.jobId, t.status, t.rowNumber),
    index("import_job_rows_record_idx").on(t.recordId),
  ],
);

/** Column mappings a member saved for re-use. */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: id(),
    memberId: uuid("member_id").notNull().references(() => members.id),
    entity: importEntity("entity").notNull(),
    name: text("name").notNull(),
    mapping: jsonb("mapping").$type<{ column: string; field: string }[]>().notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex("import_mappings_name_key").on(t.memberId, t.entity, t.name)],
);
