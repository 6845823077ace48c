import { CombinedGraphQLErrors } from "@apollo/client";

// The logic behind the record edit forms (people, organisations), kept free of
// React and of the DOM so that tests/client/ can run it under Node: what the
// user changed, how to carry those changes onto a newer version after a
// conflict, and which form field a server error belongs to.

/** A problem for the error summary: the id of the field it links to, or null. (Same shape as ErrorSummary's.) */
export interface Problem {
  field: string | null;
  message: string;
}

/** A form field a server error can point at: its element id and its label. */
export interface FieldRef {
  id: string;
  label: string;
}

/** Structural equality for form values (strings, numbers, booleans, null, arrays and plain objects). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** The fields whose draft value differs from the value the form started from. */
export function changedKeys<T extends object>(original: T, draft: T): (keyof T)[] {
  return (Object.keys(draft) as (keyof T)[]).filter((k) => !same(original[k], draft[k]));
}

/**
 * After a conflict: the user's changes carried onto the latest saved version.
 * Fields the user did not touch take the latest values; fields they changed
 * keep their value. A clash is a field both sides changed to different values:
 * the form shows the user's value and names the field, so they can check it
 * before saving again.
 */
export function rebase<T extends object>(original: T, draft: T, latest: T): { values: T; clashes: (keyof T)[] } {
  const mine = new Set(changedKeys(original, draft));
  const values = { ...latest };
  const clashes: (keyof T)[] = [];
  for (const key of mine) {
    values[key] = draft[key];
    if (!same(original[key], latest[key]) && !same(latest[key], draft[key])) clashes.push(key);
  }
  return { values, clashes };
}

/** The stable code of the first GraphQL error, if any. */
export function codeOf(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === "string" ? code : null;
}

/** True when the save lost a race: someone saved the record since the form loaded it. */
export const isConflict = (error: unknown): boolean => codeOf(error) === "CONFLICT";

/**
 * The form field for a server field name: the exact name, or the nearest
 * enclosing one ("input.sectors.3" belongs to "input.sectors").
 */
export function fieldFor(name: string, fields: Record<string, FieldRef>): FieldRef | null {
  for (let n = name; n; n = n.includes(".") ? n.slice(0, n.lastIndexOf(".")) : "") {
    const found = fields[n];
    if (found) return found;
  }
  return null;
}

const VERB = /^(must|is|are|cannot|should|has|have|was|were|needs?)\b/;

/**
 * Server errors as summary entries. BAD_USER_INPUT names the failing field
 * ("input.email") and says what is wrong ("input.email: must be an email
 * address"); that becomes "Email address must be an email address." linked to
 * the form's own field. Anything else is a problem with no single field.
 */
export function serverProblems(error: unknown, fields: Record<string, FieldRef>, describe: (error: unknown) => string): Problem[] {
  if (!CombinedGraphQLErrors.is(error)) return [{ field: null, message: describe(error) }];
  return error.errors.map((e) => {
    const name = typeof e.extensions?.field === "string" ? e.extensions.field : null;
    const target = name ? fieldFor(name, fields) : null;
    if (!name || !target) return { field: null, message: e.message };
    const detail = e.message.startsWith(`${name}: `) ? e.message.slice(name.length + 2) : e.message;
    // "must be an email address" continues the label; other lower-case details ("no such organisation") follow a colon.
    const sentence = !/^[a-z]/.test(detail) ? detail : VERB.test(detail) ? `${target.label} ${detail}` : `${target.label}: ${detail}`;
    return { field: target.id, message: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
  });
}

/** "automotive, life sciences" → ["automotive", "life sciences"]: trimmed, no empties, no repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];
}

export const joinList = (values: readonly string[]): string => values.join(", ");

/** "" → null, so a cleared text field clears the value on the server. */
export const textOrNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** A real calendar date written YYYY-MM-DD (what a date input gives). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Today's date, YYYY-MM-DD, in UTC (as the server compares dates). */
export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10);

/** A date some whole months after `from` (the retention review default). */
export function addMonthsIso(from: Date, months: number): string {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
