import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** A LIKE pattern that matches `term` literally anywhere: %, _ and \ in user input are not wildcards. */
export function likePattern(term: string): string {
  return `%${term.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accent- and case-insensitive "contains", with the user's text taken literally. */
export function nameMatches(column: SQL | PgColumn, term: string): SQL {
  return sql`unaccent(lower(${column})) like unaccent(lower(${likePattern(term)}))`;
}

// PostgreSQL text cannot hold NUL, and an unpaired UTF-16 surrogate is not Unicode text
// at all: either would fail in the database driver as an internal error, so input with
// them is refused up front as bad input.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";

/** True when `text` could not be stored or compared as PostgreSQL text. */
export function isUnstorableText(text: string): boolean {
  return text.includes("\u0000") || UNPAIRED_SURROGATE.test(text);
}

/**
 * The dotted path of the first string inside `value` that could not be stored, or null.
 * Iterative, with the path built only for the string found: client JSON may be nested as
 * deeply as the body limit allows.
 */
export function unstorableTextPath(value: unknown, path: string): string | null {
  interface Step {
    value: unknown;
    key: string;
    parent: Step | null;
  }
  const stack: Step[] = [{ value, key: path, parent: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === "string") {
      if (!isUnstorableText(v)) continue;
      const keys: string[] = [];
      for (let s: Step | null = step; s; s = s.parent) keys.unshift(s.key);
      return keys.join(".");
    }
    if (v === null || typeof v !== "object") continue;
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    // Reversed onto the stack, so the first offending string in document order is reported.
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: step });
  }
  return null;
}
