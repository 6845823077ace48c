import type { Resolvers } from "../../graphql/generated.js";
import { idOf } from "../../graphql/global-id.js";
import * as imports from "./imports.service.js";

export const importsResolvers: Resolvers = {
  Query: {
    importJob: (_, { id }, ctx) => {
      const jobId = idOf("ImportJob", id);
      return jobId ? imports.get(ctx, jobId) : null;
    },
    importJobs: (_, { first, after }, ctx) => imports.list(ctx, { first, after }),
    importPreview: (_, { jobId }, ctx) => imports.preview(ctx, jobId),
    importFields: (_, { entity }) => imports.fields(entity),
    importMappings: (_, { entity }, ctx) => imports.mappings(ctx, entity),
  },
  Mutation: {
    runImport: (_, { jobId, mapping, dryRun, options }, ctx) => imports.run(ctx, jobId, mapping, dryRun, options),
    saveImportMapping: (_, { entity, name, mapping }, ctx) => imports.saveMapping(ctx, entity, name, mapping),
    deleteImportMapping: (_, { id }, ctx) => imports.deleteMapping(ctx, id),
  },
  ImportJob: {
    columns: (j) => j.columns ?? [],
    mapping: (j) => j.mapping ?? [],
    counts: (j) => ({
      created: j.created,
      updated: j.updated,
      unchanged: j.unchanged,
      duplicates: j.duplicates,
      rejected: j.rejected,
      warnings: j.warnings,
    }),
    progress: (j) => ({
      rowsProcessed: j.rowsProcessed,
      bytesProcessed: j.bytesProcessed,
      byteSize: j.byteSize,
      fraction: j.status === "COMPLETE" || j.status === "DRY_RUN_COMPLETE" ? 1 : j.byteSize > 0 ? Math.min(1, j.bytesProcessed / j.byteSize) : 0,
    }),
    uploadedBy: (j, _, ctx) => ctx.loaders.members.userById.load(j.userId),
    report: (j, { status, first, after }, ctx) => imports.report(ctx, j, status, { first, after }),
  },
  ImportRowReport: {
    record: async (r, _, ctx) => (r.recordId ? ((await imports.recordNode(ctx, r.entity, r.recordId)) as never) : null),
    duplicates: async (r, _, ctx) => {
      const nodes = await Promise.all(r.matchedIds.map((id) => imports.recordNode(ctx, r.entity, id)));
      return nodes.filter((n) => n !== null) as never;
    },
    duplicateOfRow: (r) => r.matchedRow,
    problems: (r) => r.problems ?? [],
  },
  ImportMapping: {
    mapping: (m) => m.mapping,
  },
};
