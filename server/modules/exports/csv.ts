import { stringify } from "csv-stringify/sync";
import type { Response } from "express";

// CSV as spreadsheets open it: RFC 4180 (fields quoted when they hold a comma,
// quote or line break; quotes doubled; CRLF between records), UTF-8 with a byte
// order mark so Excel reads the encoding, and formula injection neutralised: a
// text cell starting with =, +, -, @, a tab or a carriage return (or their
// full-width forms) gets a leading apostrophe, so a spreadsheet shows it as text.

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** The CSV text (with BOM) of `rows` under `columns`. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => c.value(row) ?? null)),
    {
      bom: true,
      header: true,
      columns: columns.map((c) => c.header),
      record_delimiter: "windows",
      escape_formulas: true,
      cast: {
        date: (d) => d.toISOString(),
        boolean: (b) => (b ? "true" : "false"),
      },
    },
  );
}

/** A safe file name: letters, digits, dots, dashes and underscores only. */
export function csvFilename(base: string): string {
  return `${base.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "export"}-${new Date().toISOString().slice(0, 10)}.csv`;
}

export function sendCsv<T>(res: Response, filename: string, columns: CsvColumn<T>[], rows: T[]): void {
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="${csvFilename(filename)}"`);
  // Personal data: never kept by browsers or proxies.
  res.setHeader("cache-control", "no-store");
  res.send(toCsv(columns, rows));
}
