import { scaleLinear } from "d3-scale";

// Data preparation for the priorities dashboard's bar charts, free of React and
// the DOM (tested in tests/client/chart-data.test.ts).

export const MEASURES = ["interactions", "visits", "opportunities", "opportunityValueGbp"] as const;
export type Measure = (typeof MEASURES)[number];

export interface Counts {
  interactions: number;
  visits: number;
  opportunities: number;
  opportunityValueGbp: number;
}

/** One market or sector with its engagement. */
export interface EngagementRow {
  key: string;
  label: string;
  /** The national priority's weight when the market or sector is one; null otherwise. */
  nationalPriorityWeight: number | null;
  total: Counts;
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** "12 interactions", "£4.5m": what the bar is labelled with. */
  valueLabel: string;
  national: boolean;
}

export interface BarChartData {
  bars: Bar[];
  /** Rows left off the chart (they stay in the table). */
  hidden: number;
  /** The axis: from 0 to a round number at or above the largest value. */
  domainMax: number;
  ticks: number[];
}

export function isMeasure(value: string | null | undefined): value is Measure {
  return (MEASURES as readonly string[]).includes(value ?? "");
}

const MEASURE_NAMES: Record<Measure, [one: string, many: string]> = {
  interactions: ["interaction", "interactions"],
  visits: ["visit", "visits"],
  opportunities: ["opportunity", "opportunities"],
  opportunityValueGbp: ["opportunity value", "opportunity value"],
};

export function measureLabel(measure: Measure): string {
  return measure === "opportunityValueGbp" ? "Opportunity value (GBP)" : `${MEASURE_NAMES[measure][1].charAt(0).toUpperCase()}${MEASURE_NAMES[measure][1].slice(1)}`;
}

const count = new Intl.NumberFormat("en-GB");

/** Pounds in the short form people use in briefings: £800, £45k, £4.5m, £1.2bn. */
export function formatGbp(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  const short = (n: number) => String(Number(n.toFixed(n < 10 ? 1 : 0)));
  if (abs >= 1e9) return `${sign}£${short(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}£${short(abs / 1e6)}m`;
  if (abs >= 1e3) return `${sign}£${short(abs / 1e3)}k`;
  return `${sign}£${count.format(Math.round(abs))}`;
}

/** A value as the bar's label says it: "1 visit", "12 interactions", "£4.5m". */
export function formatMeasure(value: number, measure: Measure): string {
  if (measure === "opportunityValueGbp") return formatGbp(value);
  const [one, many] = MEASURE_NAMES[measure];
  return `${count.format(value)} ${value === 1 ? one : many}`;
}

/** A tick on the axis: counts as plain numbers, money in its short form. */
export function formatTick(value: number, measure: Measure): string {
  return measure === "opportunityValueGbp" ? formatGbp(value) : count.format(value);
}

/**
 * The bars for one measure, largest first. Ties put national priorities first,
 * then go alphabetically, so the order is stable. Zero values stay in: a national
 * priority with no engagement is worth seeing. At most `limit` bars are drawn.
 */
export function prepareBars(rows: readonly EngagementRow[], measure: Measure, limit = 12): BarChartData {
  const sorted = rows
    .map((r) => ({
      key: r.key,
      label: r.label,
      value: Number.isFinite(r.total[measure]) ? Math.max(0, r.total[measure]) : 0,
      national: r.nationalPriorityWeight !== null,
    }))
    .sort((a, b) => b.value - a.value || Number(b.national) - Number(a.national) || a.label.localeCompare(b.label, "en-GB"));
  const shown = sorted.slice(0, Math.max(0, limit));
  const max = shown.reduce((m, b) => Math.max(m, b.value), 0);
  // An empty or all-zero chart still gets a readable 0–1 axis rather than a collapsed one.
  const scale = scaleLinear().domain([0, max > 0 ? max : 1]).nice(4);
  const domainMax = scale.domain()[1] ?? 1;
  const ticks = scale.ticks(4).filter((t) => measure === "opportunityValueGbp" || Number.isInteger(t));
  return {
    bars: shown.map((b) => ({ ...b, valueLabel: formatMeasure(b.value, measure) })),
    hidden: sorted.length - shown.length,
    domainMax,
    ticks,
  };
}

/**
 * The period ending today that the dashboard reports on: the last `months` months
 * (the API allows up to 3 years). 31 March back one month starts on 1 March.
 */
export function periodEnding(todayIso: string, months: number): { from: string; to: string } {
  const [y = NaN, m = NaN, d = NaN] = todayIso.split("-").map(Number);
  const monthIndex = m - 1 - months;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay) + 1));
  return { from: start.toISOString().slice(0, 10), to: todayIso };
}
