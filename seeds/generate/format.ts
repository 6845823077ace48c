import { createHash } from "node:crypto";
import type { Cell, Row, TableData } from "./tables.js";

// Encodings of generated rows: PostgreSQL COPY text format (the bulk load and
// the determinism digest) and plain CSV cells.

const COPY_SPECIAL = /[\\\n\r\t]/;

function copyEscape(text: string): string {
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

/** A PostgreSQL array literal: {"a","b"}. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

export function copyCell(value: Cell): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return copyEscape(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  return copyEscape(arrayLiteral(value));
}

/** One COPY text line (with its newline), place columns passed through `remap`. */
export function copyLine(row: Row, columns: readonly string[], remap?: (column: string, value: Cell) => Cell): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const raw = row[column] ?? null;
    line += (i === 0 ? "" : "\t") + copyCell(remap ? remap(column, raw) : raw);
  }
  return `${line}\n`;
}

/** CSV cell text: arrays joined with ";", booleans as true/false, null as empty. */
export function csvCell(value: Cell): string | number | boolean | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.join(";");
  return value as string | number | boolean;
}

/**
 * SHA-256 of every table's rows in COPY text form, in load order: two runs with
 * the same options give the same digest exactly when their data is byte-identical.
 */
export function digestTables(tables: readonly TableData[]): { sha256: string; rows: Record<string, number> } {
  const hash = createHash("sha256");
  const rows: Record<string, number> = {};
  for (const t of tables) {
    hash.update(`${t.table}\t${t.columns.join(",")}\n`);
    let n = 0;
    let buffer = "";
    for (const row of t.rows()) {
      buffer += copyLine(row, t.columns);
      n++;
      if (buffer.length > 1 << 16) {
        hash.update(buffer);
        buffer = "";
      }
    }
    hash.update(buffer);
    rows[t.table] = n;
  }
  return { sha256: hash.digest("hex"), rows };
}
