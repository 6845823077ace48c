import { once } from "node:events";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import { csvCell } from "./format.js";
import type { Row, TableData } from "./tables.js";

// The generated data as CSV, one file per table (people.csv, organisations.csv,
// interactions.csv, …), for the importer. Columns are the table's columns with
// their database names; every entity file has an `external_id` column (the
// record's own external id where the table has one, otherwise a stable
// generated key such as I0000042) so a re-import can upsert. Arrays are
// joined with ";". Place ids refer to places.csv. Password hashes are left
// out: they are salted per run and no importer should read them.

const OMITTED = new Set(["password_hash"]);

export class CsvTableWriter {
  private readonly out: WriteStream;
  private readonly columns: string[];
  private index = 0;

  private constructor(
    private readonly table: TableData,
    path: string,
  ) {
    this.out = createWriteStream(path, { encoding: "utf8" });
    this.columns = table.columns.filter((c) => !OMITTED.has(c));
  }

  static async open(dir: string, table: TableData): Promise<CsvTableWriter> {
    mkdirSync(dir, { recursive: true });
    const writer = new CsvTableWriter(table, join(dir, `${table.csv.file}.csv`));
    const header = table.csv.externalId ? ["external_id", ...writer.columns] : writer.columns;
    await writer.write(stringify([header]));
    return writer;
  }

  async rows(rows: readonly Row[]): Promise<void> {
    const externalId = this.table.csv.externalId;
    const records = rows.map((row) => {
      const cells = this.columns.map((c) => {
        const v = csvCell(row[c] ?? null);
        return typeof v === "boolean" ? String(v) : v;
      });
      if (externalId) cells.unshift(externalId(row, this.index));
      this.index++;
      return cells;
    });
    await this.write(stringify(records));
  }

  async close(): Promise<void> {
    this.out.end();
    await finished(this.out);
  }

  private async write(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, "drain");
  }
}
