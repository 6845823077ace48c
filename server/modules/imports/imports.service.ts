import { z } from "zod";
import { type Context, viewerOf } from "../../context.js";
import { badInput, conflict, notFound } from "../../errors.js";
import { existingIdOf } from "../../graphql/global-id.js";
import { assertCanCreate, hasRole } from "../../policy/sharing.policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { type Connection, encodeCursor, decodeCursor, pageSize } from "../shared/pagination.js";
import { parseInput } from "../shared/validation.js";
import { type ColumnMapping, type ImportEntity, fieldsOf, suggestMapping } from "./imports.fields.js";
import * as repo from "./imports.repository.js";
import type { ImportJobRow, ImportMappingRow, ImportReportRow } from "./imports.rows.js";
import { DEFAULT_BATCH_SIZE, startJob } from "./imports.runner.js";
import { openRows } from "./imports.source.js";

// Imports through GraphQL: preview a stored upload, run it (dry run or apply),
// read its progress and report. Jobs belong to a member: its editors and
// admins see them; anyone else gets "not found", as for a missing job.

export function fields(entity: ImportEntity) {
  return fieldsOf(entity).map(({ name, label, description, required }) => ({ name, label, description, required }));
}

/** The viewer's member's job, or null (another member's job looks missing). Viewers see none. */
export async function get(ctx: Context, id: string): Promise<ImportJobRow | null> {
  const viewer = viewerOf(ctx);
  if (!hasRole(viewer, "EDITOR")) return null;
  const job = await repo.findJob(ctx.db, viewer.memberId, id);
  if (job && repo.isStale(job)) {
    return { ...job, status: "FAILED", error: job.error ?? "The import was interrupted (its server stopped). Run it again: rows already imported will be unchanged." };
  }
  return job;
}

async function required(ctx: Context, globalId: string): Promise<ImportJobRow> {
  const job = await get(ctx, existingIdOf("ImportJob", globalId, "jobId"));
  if (!job) throw notFound("ImportJob");
  return job;
}

export async function list(ctx: Context, page: { first?: number | null; after?: string | null }): Promise<Connection<ImportJobRow>> {
  const viewer = viewerOf(ctx);
  const size = pageSize(page.first);
  const after = page.after ? decodeCursor(page.after).id : null;
  if (after && !/^[0-9a-f-]{36}$/i.test(after)) throw badInput("after", "after is not a valid cursor.");
  const rows = await repo.listJobs(ctx.db, viewer.memberId, size, after);
  const nodes = rows.slice(0, size);
  const edges = nodes.map((n) => ({ cursor: encodeCursor(n.createdAt.toISOString(), n.id), node: n }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => repo.countJobs(ctx.db, viewer.memberId),
  };
}

export async function preview(ctx: Context, jobGlobalId: string) {
  const viewer = viewerOf(ctx);
  const job = await required(ctx, jobGlobalId);
  const columns = job.columns ?? [];
  const sampleRows: string[][] = [];
  if (job.fileAvailable) {
    const source = await openRows(ctx.db, job.id, job.format);
    if (source) {
      try {
        for await (const row of source.rows) {
          sampleRows.push(columns.map((_, i) => row.cells[i] ?? ""));
          if (sampleRows.length >= 5) break;
        }
      } finally {
        source.close();
      }
    }
  }
  const savedMappings = await repo.listMappings(ctx.db, viewer.memberId, job.entity);
  const known = new Set(columns);
  const fitting = savedMappings.find((m) => m.mapping.length > 0 && m.mapping.every((c) => known.has(c.column)));
  return {
    job,
    columns,
    sampleRows,
    suggestedMapping: fitting ? fitting.mapping : suggestMapping(job.entity, columns),
    suggestedFrom: fitting ?? null,
    fields: fields(job.entity),
    savedMappings,
  };
}

const MappingInput = z
  .array(z.object({ column: z.string().min(1, "is required"), field: z.string().min(1, "is required") }))
  .max(100, "must have at most 100 entries");

/** A mapping must use the file's columns and the entity's fields, each field once, every required field. */
export function validateMapping(entity: ImportEntity, columns: string[] | null, input: unknown, prefix = "mapping"): ColumnMapping[] {
  const mapping = parseInput(MappingInput, input, prefix);
  const defs = fieldsOf(entity);
  const names = new Set(defs.map((f) => f.name));
  const seen = new Set<string>();
  mapping.forEach((m, i) => {
    if (columns && !columns.includes(m.column)) throw badInput(`${prefix}.${i}.column`, `${prefix}.${i}.column: the file has no column called "${m.column}".`);
    if (!names.has(m.field)) throw badInput(`${prefix}.${i}.field`, `${prefix}.${i}.field: ${entity} has no field "${m.field}".`);
    if (seen.has(m.field)) throw badInput(`${prefix}.${i}.field`, `${prefix}.${i}.field: "${m.field}" is mapped twice.`);
    seen.add(m.field);
  });
  const missing = defs.filter((f) => f.required && !seen.has(f.name));
  if (missing.length) {
    throw badInput(prefix, `${prefix}: map a column to ${missing.map((f) => f.name).join(", ")} (required).`);
  }
  return mapping;
}

const Options = z.object({
  batchSize: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").nullish(),
  onDuplicate: z.enum(["SKIP", "CREATE"]).nullish(),
});

export async function run(ctx: Context, jobGlobalId: string, mappingInput: unknown, dryRun: boolean, optionsInput: unknown): Promise<ImportJobRow> {
  const viewer = viewerOf(ctx);
  assertCanCreate(viewer);
  const job = await required(ctx, jobGlobalId);
  if (!job.fileAvailable) {
    throw badInput("jobId", "jobId: this file has already been imported (or has expired) and is no longer stored. Upload it again to re-import it.");
  }
  const mapping = validateMapping(job.entity, job.columns, mappingInput);
  const parsed = parseInput(Options, optionsInput ?? {}, "options");
  const options = { dryRun, batchSize: parsed.batchSize ?? DEFAULT_BATCH_SIZE, onDuplicate: parsed.onDuplicate ?? "SKIP" } as const;
  const claimed = await repo.claimJob(ctx.db, job.id, { mapping, options: { batchSize: options.batchSize, onDuplicate: options.onDuplicate }, dryRun });
  if (!claimed) throw conflict("This import is already running. Wait for it to finish.");
  await recordAudit(ctx.db, ctx, {
    action: dryRun ? "import.dry_run" : "import.run",
    recordType: "ImportJob",
    recordId: job.id,
    changes: { entity: job.entity, mapping, batchSize: options.batchSize, onDuplicate: options.onDuplicate },
  });
  startJob(ctx.db, viewer, claimed, mapping, options);
  return claimed;
}

export async function report(
  ctx: Context,
  job: ImportJobRow,
  status: ImportReportRow["status"] | null | undefined,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<ImportReportRow>> {
  const size = pageSize(page.first);
  let afterRow: number | null = null;
  if (page.after) {
    const { key } = decodeCursor(page.after);
    afterRow = Number(key);
    if (!Number.isInteger(afterRow)) throw badInput("after", "after is not a valid cursor.");
  }
  const rows = (await repo.reportRows(ctx.db, job.id, status, size, afterRow)).map((r) => ({ ...r, entity: job.entity }));
  const nodes = rows.slice(0, size);
  const edges = nodes.map((n) => ({ cursor: encodeCursor(String(n.rowNumber), job.id), node: n }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => repo.countReportRows(ctx.db, job.id, status),
  };
}

const RECORD_TYPES: Record<ImportEntity, "Person" | "Organisation" | "Interaction"> = {
  PEOPLE: "Person",
  ORGANISATIONS: "Organisation",
  INTERACTIONS: "Interaction",
  // A participant row names the interaction it was added to.
  INTERACTION_PARTICIPANTS: "Interaction",
};

/** A record named in a report, through the loaders (so only if the viewer can still see it). */
export async function recordNode(ctx: Context, entity: ImportEntity, id: string) {
  const type = RECORD_TYPES[entity];
  const row =
    type === "Person"
      ? await ctx.loaders.people.byId.load(id)
      : type === "Organisation"
        ? await ctx.loaders.organisations.byId.load(id)
        : await ctx.loaders.interactions.byId.load(id);
  return row ? { ...row, __typename: type } : null;
}

export async function mappings(ctx: Context, entity: ImportEntity): Promise<ImportMappingRow[]> {
  const viewer = viewerOf(ctx);
  return repo.listMappings(ctx.db, viewer.memberId, entity);
}

export async function saveMapping(ctx: Context, entity: ImportEntity, name: string, mappingInput: unknown): Promise<ImportMappingRow> {
  const viewer = viewerOf(ctx);
  const cleanName = parseInput(z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"), name, "name");
  const mapping = validateMapping(entity, null, mappingInput);
  const row = await repo.upsertMapping(ctx.db, { memberId: viewer.memberId, entity, name: cleanName, mapping, createdById: viewer.userId });
  await recordAudit(ctx.db, ctx, { action: "save", recordType: "ImportMapping", recordId: row.id, changes: { entity, name: cleanName, mapping } });
  return row;
}

export async function deleteMapping(ctx: Context, globalId: string): Promise<boolean> {
  const viewer = viewerOf(ctx);
  const id = existingIdOf("ImportMapping", globalId);
  const existing = await repo.findMapping(ctx.db, viewer.memberId, id);
  if (!existing) throw notFound("ImportMapping");
  await repo.deleteMapping(ctx.db, viewer.memberId, id);
  await recordAudit(ctx.db, ctx, { action: "delete", recordType: "ImportMapping", recordId: id });
  return true;
}

export async function getMapping(ctx: Context, id: string): Promise<ImportMappingRow | null> {
  const viewer = viewerOf(ctx);
  if (!hasRole(viewer, "EDITOR")) return null;
  return repo.findMapping(ctx.db, viewer.memberId, id);
}
