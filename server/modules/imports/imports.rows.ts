import type { importJobRows, importJobs, importMappings } from "../../db/tables/index.js";

// Row types of the import tables, used as GraphQL codegen mappers.
export type ImportJobRow = typeof importJobs.$inferSelect;
/** A report line, with its job's entity (so its records resolve without another query). */
export type ImportReportRow = typeof importJobRows.$inferSelect & { entity: (typeof importJobs.$inferSelect)["entity"] };
export type ImportMappingRow = typeof importMappings.$inferSelect;
