import { type SQL, sql } from "drizzle-orm";
import { toGlobalId } from "../../graphql/global-id.js";

// Helpers for the hand-written read models (briefings, coordination): bounded
// statements that return plain values, so the API can print them as they come.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid[] as one bind value, however many ids (an empty list matches nothing). */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

/** A date parameter (YYYY-MM-DD). */
export const day = (value: string): SQL => sql`${value}::date`;

/** A timestamptz as ISO 8601 text in UTC, the same from both drivers (also inside JSON). */
export const isoTime = (expr: SQL): SQL => sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** A json value that one driver returns parsed and another as text. */
export function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export interface Ref {
  id: string;
  name: string;
  nameLatin?: string | null;
}

export type RefType = "Member" | "Place" | "Organisation" | "Person" | "Partnership" | "Visit" | "FollowUp" | "Opportunity" | "Interaction" | "Priority";

export function ref(type: RefType, id: string, name: string, nameLatin: string | null = null): Ref {
  return { id: toGlobalId(type, id), name, nameLatin };
}

/** A ref from nullable columns: null unless the record was visible (its id came back). */
export function refOrNull(type: RefType, id: string | null | undefined, name: string | null | undefined, nameLatin?: string | null): Ref | null {
  return id && name ? ref(type, id, name, nameLatin ?? null) : null;
}

/** A ref from the JSON objects the queries build: { id, name, nameLatin }. */
export function refsOf(type: RefType, list: unknown): Ref[] {
  return (json<{ id: string; name: string; nameLatin?: string | null }[] | null>(list) ?? []).map((r) =>
    ref(type, r.id, r.name, r.nameLatin ?? null),
  );
}

export const displayName = (r: { name: string; nameLatin?: string | null }) =>
  r.nameLatin && r.nameLatin !== r.name ? `${r.name} (${r.nameLatin})` : r.name;

// Calendar arithmetic on YYYY-MM-DD strings, in UTC: the same days as SQL's date type.

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The first anniversary of `signedOn` on or after `onOrAfter` (29 February falls on
 * 28 February in other years, as in PostgreSQL's date + interval '1 year').
 */
export function nextAnniversary(signedOn: string, onOrAfter: string): { on: string; years: number } | null {
  const signedYear = Number(signedOn.slice(0, 4));
  const start = Number(onOrAfter.slice(0, 4));
  for (let year = Math.max(start, signedYear + 1); year <= Math.max(start, signedYear + 1) + 1; year++) {
    const on = addMonths(signedOn, (year - signedYear) * 12);
    if (on >= onOrAfter) return { on, years: year - signedYear };
  }
  return null;
}

export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "22 February 2026" (UTC) for a date or an ISO instant. */
export function longDate(value: string): string {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "22–27 February 2026", "28 January – 3 February 2026". */
export function dateRange(from: string, to: string): string {
  if (from === to) return longDate(from);
  const [fy, fm] = [from.slice(0, 4), from.slice(5, 7)];
  const [ty, tm] = [to.slice(0, 4), to.slice(5, 7)];
  const fd = Number(from.slice(8, 10));
  if (fy === ty && fm === tm) return `${fd}–${longDate(to)}`;
  if (fy === ty) return `${fd} ${MONTHS[Number(fm) - 1]} – ${longDate(to)}`;
  return `${longDate(from)} – ${longDate(to)}`;
}

export function monthYear(value: string): string {
  return `${MONTHS[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
}
