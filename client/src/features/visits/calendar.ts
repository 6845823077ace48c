// The visit calendar's date logic, kept free of React and the DOM so it can be
// tested on its own (tests/client/calendar.test.ts). Dates are calendar days as
// "YYYY-MM-DD", computed in UTC so that daylight-saving changes never shift a day.

export type IsoDate = string;

/** A calendar month; `month` runs 1 (January) to 12 (December). */
export interface MonthRef {
  year: number;
  month: number;
}

export interface DatedVisit {
  id: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function toUtc(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN);
}

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True for a real calendar day written as YYYY-MM-DD (so 2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = toUtc(value);
  return !Number.isNaN(ms) && fromUtc(ms) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday: weeks start on Monday (ISO 8601, as in the UK). */
export function weekday(date: IsoDate): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

export const startOfWeek = (date: IsoDate): IsoDate => addDays(date, -weekday(date));
export const endOfWeek = (date: IsoDate): IsoDate => addDays(date, 6 - weekday(date));

export function daysInMonth({ year, month }: MonthRef): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const firstOfMonth = ({ year, month }: MonthRef): IsoDate => `${pad(year, 4)}-${pad(month)}-01`;
export const lastOfMonth = (ref: MonthRef): IsoDate => `${pad(ref.year, 4)}-${pad(ref.month)}-${pad(daysInMonth(ref))}`;

export function monthOf(date: IsoDate): MonthRef {
  const [y, m] = date.split("-").map(Number);
  return { year: y ?? NaN, month: m ?? NaN };
}

export function addMonths({ year, month }: MonthRef, n: number): MonthRef {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** "2026-02" ↔ { year: 2026, month: 2 }; anything else is null. */
export function parseMonth(value: string | null | undefined): MonthRef | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  const ref = { year: Number(match[1]), month: Number(match[2]) };
  return ref.month >= 1 && ref.month <= 12 ? ref : null;
}

export const formatMonth = (ref: MonthRef): string => `${pad(ref.year, 4)}-${pad(ref.month)}`;

export const sameMonth = (date: IsoDate, ref: MonthRef): boolean => date.slice(0, 7) === formatMonth(ref);

/** Today in the browser's own time zone (the person's calendar day, not UTC's). */
export function today(now: Date = new Date()): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The same day of the month `n` months on, moved back to the month's last day when it has fewer days. */
export function shiftMonth(date: IsoDate, n: number): IsoDate {
  const target = addMonths(monthOf(date), n);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(target));
  return `${formatMonth(target)}-${pad(day)}`;
}

/** One visit in one day cell. */
export interface CalendarEntry<V extends DatedVisit> {
  visit: V;
  /** Its row within the week, the same on every day of the week it spans, so bars line up. */
  lane: number;
  starts: boolean;
  ends: boolean;
  /** The first day of the visit in this week row: where its title is written out. */
  labelled: boolean;
}

export interface CalendarDay<V extends DatedVisit> {
  date: IsoDate;
  inMonth: boolean;
  /** Indexed by lane; null where a lane is free on this day (keeps the bars aligned). */
  slots: (CalendarEntry<V> | null)[];
  /** The entries on this day, in lane order. */
  entries: CalendarEntry<V>[];
}

export interface CalendarMonth<V extends DatedVisit> {
  month: MonthRef;
  /** The first Monday shown and the last Sunday shown. */
  from: IsoDate;
  to: IsoDate;
  weeks: CalendarDay<V>[][];
}

/** The weeks (Monday to Sunday) that show a month: four to six rows, days from the months either side included. */
export function monthRange(month: MonthRef): { from: IsoDate; to: IsoDate } {
  return { from: startOfWeek(firstOfMonth(month)), to: endOfWeek(lastOfMonth(month)) };
}

/**
 * Lays visits out on a month grid. A visit appears on every day it covers that
 * the grid shows (multi-day visits span cells, and weeks), keeps one lane for the
 * whole of each week, and is labelled where it starts or where a week row begins.
 * Visits ending before they start, or with unreadable dates, are left out.
 */
export function buildMonth<V extends DatedVisit>(month: MonthRef, visits: readonly V[]): CalendarMonth<V> {
  const { from, to } = monthRange(month);
  const shown = visits
    .filter((v) => isIsoDate(v.startsOn) && isIsoDate(v.endsOn) && v.endsOn >= v.startsOn && v.endsOn >= from && v.startsOn <= to)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || b.endsOn.localeCompare(a.endsOn) || a.id.localeCompare(b.id));

  const weeks: CalendarDay<V>[][] = [];
  for (let weekStart = from; weekStart <= to; weekStart = addDays(weekStart, 7)) {
    const weekEnd = addDays(weekStart, 6);
    // Greedy interval colouring: earliest-starting (then longest) visits take the lowest free lane.
    const laneEnds: IsoDate[] = [];
    const lanes = new Map<V, number>();
    for (const v of shown) {
      if (v.endsOn < weekStart || v.startsOn > weekEnd) continue;
      const first = v.startsOn < weekStart ? weekStart : v.startsOn;
      let lane = laneEnds.findIndex((end) => end < first);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = v.endsOn > weekEnd ? weekEnd : v.endsOn;
      lanes.set(v, lane);
    }
    const week: CalendarDay<V>[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(weekStart, i);
      const entries: CalendarEntry<V>[] = [];
      for (const [visit, lane] of lanes) {
        if (visit.startsOn > date || visit.endsOn < date) continue;
        entries.push({ visit, lane, starts: visit.startsOn === date, ends: visit.endsOn === date, labelled: visit.startsOn === date || i === 0 });
      }
      entries.sort((a, b) => a.lane - b.lane);
      const slots: (CalendarEntry<V> | null)[] = [];
      for (const e of entries) {
        while (slots.length < e.lane) slots.push(null);
        slots.push(e);
      }
      week.push({ date, inMonth: sameMonth(date, month), slots, entries });
    }
    weeks.push(week);
  }
  return { month, from, to, weeks };
}

/**
 * Where a key press moves the focused day in the calendar grid (the WAI-ARIA
 * date grid keys); null for keys the grid does not handle.
 */
export function moveDate(date: IsoDate, key: string): IsoDate | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(date, -1);
    case "ArrowRight":
      return addDays(date, 1);
    case "ArrowUp":
      return addDays(date, -7);
    case "ArrowDown":
      return addDays(date, 7);
    case "Home":
      return startOfWeek(date);
    case "End":
      return endOfWeek(date);
    case "PageUp":
      return shiftMonth(date, -1);
    case "PageDown":
      return shiftMonth(date, 1);
    default:
      return null;
  }
}
