import { Readable } from "node:stream";
import { promisify } from "node:util";
import { constants, gunzip, gzip } from "node:zlib";
import { parse as parseCsv } from "csv-parse";
import type ExcelJS from "exceljs";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { importFileChunks } from "../../db/tables/index.js";

// The uploaded file, stored in the database in chunks, read back as a stream
// of rows. Nothing here holds the whole file in memory: chunks are fetched one
// at a time, the CSV parser and the XLSX reader stream.

export const CHUNK_BYTES = 1 << 20;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A chunk as stored: gzipped (fastest level). CSV shrinks several times, so a 200 MB upload
 * writes (and an import reads) a fraction of that; the work runs on libuv's thread pool.
 */
export function packChunk(data: Buffer): Promise<Buffer> {
  return gzipAsync(data, { level: constants.Z_BEST_SPEED });
}

/** A stored chunk's bytes (a chunk stored before chunks were gzipped is returned as it is). */
function unpackChunk(stored: Buffer): Promise<Buffer> | Buffer {
  return stored[0] === 0x1f && stored[1] === 0x8b && stored[2] === 0x08 ? gunzipAsync(stored) : stored;
}

export type FileFormat = "CSV" | "XLSX";

/** The file's format from its first bytes: an XLSX workbook is a ZIP archive. */
export function sniffFormat(head: Buffer): FileFormat {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? "XLSX" : "CSV";
}

export interface ByteCounter {
  bytes: number;
}

/** The stored chunks of a job's file, in order, one query per chunk. */
export async function* fileChunks(db: Db, jobId: string, counter?: ByteCounter): AsyncGenerator<Buffer> {
  let seq = -1;
  for (;;) {
    // As hex text: PGlite's own bytea result decoding is ~7× slower.
    const [chunk] = await db
      .select({ seq: importFileChunks.seq, hex: sql<string>`encode(${importFileChunks.data}, 'hex')` })
      .from(importFileChunks)
      .where(and(eq(importFileChunks.jobId, jobId), gt(importFileChunks.seq, seq)))
      .orderBy(asc(importFileChunks.seq))
      .limit(1);
    if (!chunk) return;
    seq = chunk.seq;
    const data = await unpackChunk(Buffer.from(chunk.hex, "hex"));
    if (counter) counter.bytes += data.length;
    yield data;
  }
}

export interface SourceRow {
  /** The spreadsheet row number: the header is row 1, the first data row is row 2. */
  rowNumber: number;
  cells: string[];
}

export interface RowSource {
  /** Column names from the first row, made unique ("Name", "Name (2)"). */
  columns: string[];
  rows: AsyncGenerator<SourceRow>;
  /** Stops reading (closes the underlying streams). */
  close(): void;
}

export function uniqueColumns(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** The delimiter used by the first line: comma, semicolon or tab (outside quotes). */
export function sniffDelimiter(head: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

async function* withFirst(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}

/** Opens a stored file as rows. Returns null when the file has no header row. */
export async function openRows(db: Db, jobId: string, format: FileFormat, counter?: ByteCounter): Promise<RowSource | null> {
  const chunks = fileChunks(db, jobId, counter);
  return format === "XLSX" ? openXlsx(chunks) : openCsv(chunks);
}

async function openCsv(chunks: AsyncGenerator<Buffer>): Promise<RowSource | null> {
  const first = await chunks.next();
  if (first.done) return null;
  const head = first.value.subarray(0, 64 * 1024).toString("utf8").replace(/^\uFEFF/, "");
  const input = Readable.from(withFirst(first.value, chunks), { objectMode: false });
  const parser = input.pipe(
    parseCsv({
      bom: true,
      delimiter: sniffDelimiter(head),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }),
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let line = 0;
  // The header: the first non-empty record.
  let header: string[] | null = null;
  while (!header) {
    const r = await records.next();
    if (r.done) return null;
    line++;
    if (r.value.some((c) => c.trim() !== "")) header = r.value;
  }
  const columns = uniqueColumns(header);
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const r = await records.next();
      if (r.done) return;
      line++;
      if (r.value.every((c) => c.trim() === "")) continue;
      yield { rowNumber: line, cells: r.value };
    }
  }
  return {
    columns,
    rows: rows(),
    close: () => {
      input.destroy();
      parser.destroy();
    },
  };
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a user sees: dates as ISO dates (or instants), rich text flattened, formulas by result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as CellValue);
    if ("error" in value) return "";
  }
  return "";
}

async function openXlsx(chunks: AsyncGenerator<Buffer>): Promise<RowSource | null> {
  // Loaded on first use: ExcelJS adds about 25 MB to the resident memory of every server that
  // loads it, and most never read a workbook.
  const { default: excel } = await import("exceljs");
  const input = Readable.from(chunks, { objectMode: false });
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell dates apart from numbers.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets = reader[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  if (sheet.done) return null;
  const rowIterator = sheet.value[Symbol.asyncIterator]();
  const toCells = (row: ExcelJS.Row): string[] => {
    const values = row.values as CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
    return cells;
  };
  let header: { number: number; cells: string[] } | null = null;
  while (!header) {
    const r = await rowIterator.next();
    if (r.done) return null;
    const cells = toCells(r.value);
    if (cells.some((c) => c.trim() !== "")) header = { number: r.value.number, cells };
  }
  const columns = uniqueColumns(header.cells);
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const r = await rowIterator.next();
      if (r.done) break;
      const cells = toCells(r.value);
      if (cells.every((c) => c.trim() === "")) continue;
      yield { rowNumber: r.value.number, cells };
    }
    // Only the first worksheet is imported; drain the rest of the archive.
    for (;;) {
      const next = await sheets.next();
      if (next.done) return;
    }
  }
  return {
    columns,
    rows: rows(),
    close: () => {
      input.destroy();
    },
  };
}
