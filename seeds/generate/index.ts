import { digestTables } from "./format.js";
import { type GenerateOptions, World } from "./model.js";
import { type TableData, buildTables } from "./tables.js";

export { DEFAULT_ANCHOR, DEFAULT_SEED, GENERATED_PASSWORD, type GenerateOptions, World, datasetIdentity } from "./model.js";
export { type Counts, type Scale, SCALES, countsFor } from "./scale.js";
export { type LoadOptions, type LoadResult, isLoaded, loadDataset, writeCsv } from "./load.js";
export { type Progress, consoleProgress, silentProgress } from "./progress.js";
export type { Cell, Row, TableData } from "./tables.js";

export interface Dataset {
  world: World;
  /** In load (foreign key) order; rows stream on each iteration. */
  tables: TableData[];
}

/**
 * The deterministic scale dataset: the same options give byte-identical rows
 * (ids included) on every run and machine.
 */
export function generateDataset(options: GenerateOptions): Dataset {
  const world = new World(options);
  return { world, tables: buildTables(world) };
}

/** SHA-256 over all rows (COPY text form) and the row count of each table. */
export function datasetDigest(dataset: Dataset): { sha256: string; rows: Record<string, number> } {
  return digestTables(dataset.tables);
}
