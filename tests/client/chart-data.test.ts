import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  type EngagementRow,
  MEASURES,
  formatGbp,
  formatMeasure,
  isMeasure,
  periodEnding,
  prepareBars,
} from "../../client/src/features/priorities/chart-data.js";

// The priorities dashboard's chart data: ordering, the limit, the axis, labels
// and the reporting period.

const row = (label: string, interactions: number, opts: { national?: number; value?: number; visits?: number } = {}): EngagementRow => ({
  key: label.toLowerCase(),
  label,
  nationalPriorityWeight: opts.national ?? null,
  total: { interactions, visits: opts.visits ?? 0, opportunities: 0, opportunityValueGbp: opts.value ?? 0 },
});

const rowsArb = fc.uniqueArray(
  fc.record({
    label: fc.string({ minLength: 1, maxLength: 12 }),
    national: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    interactions: fc.nat({ max: 500 }),
    visits: fc.nat({ max: 40 }),
    opportunities: fc.nat({ max: 40 }),
    value: fc.nat({ max: 2_000_000_000 }),
  }),
  { selector: (r) => r.label, maxLength: 30 },
).map((rs) =>
  rs.map(
    (r): EngagementRow => ({
      key: r.label,
      label: r.label,
      nationalPriorityWeight: r.national,
      total: { interactions: r.interactions, visits: r.visits, opportunities: r.opportunities, opportunityValueGbp: r.value },
    }),
  ),
);

describe("prepareBars", () => {
  it("orders by value, then national priorities, then name; keeps zero values; labels each bar", () => {
    const chart = prepareBars(
      [row("Japan", 4, { national: 8 }), row("India", 7), row("Germany", 0, { national: 8 }), row("China", 4), row("Brazil", 0)],
      "interactions",
    );
    expect(chart.bars.map((b) => b.label)).toEqual(["India", "Japan", "China", "Germany", "Brazil"]);
    expect(chart.bars.map((b) => b.valueLabel)).toEqual(["7 interactions", "4 interactions", "4 interactions", "0 interactions", "0 interactions"]);
    expect(chart.bars.map((b) => b.national)).toEqual([false, true, false, true, false]);
    expect(chart.hidden).toBe(0);
  });

  it("draws at most `limit` bars and counts the rest as hidden", () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(`Market ${String(i).padStart(2, "0")}`, i));
    const chart = prepareBars(rows, "interactions", 12);
    expect(chart.bars).toHaveLength(12);
    expect(chart.bars[0]?.value).toBe(14);
    expect(chart.hidden).toBe(3);
  });

  it("gives an all-zero or empty chart a 0–1 axis instead of a collapsed one", () => {
    for (const rows of [[], [row("Germany", 0, { national: 8 })]]) {
      const chart = prepareBars(rows, "visits");
      expect(chart.domainMax).toBe(1);
      expect(chart.ticks[0]).toBe(0);
      expect(chart.ticks.at(-1)).toBe(1);
    }
  });

  it("for any data: sorted, within the axis, whole-number ticks for counts, nothing invented or lost", () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(...MEASURES), fc.integer({ min: 1, max: 20 }), (rows, measure, limit) => {
        const chart = prepareBars(rows, measure, limit);
        expect(chart.bars.length).toBe(Math.min(limit, rows.length));
        expect(chart.bars.length + chart.hidden).toBe(rows.length);
        const values = chart.bars.map((b) => b.value);
        expect(values).toEqual([...values].sort((a, b) => b - a));
        const top = Math.max(0, ...rows.map((r) => r.total[measure]));
        if (chart.bars.length) expect(chart.bars[0]?.value).toBe(top);
        expect(chart.domainMax).toBeGreaterThanOrEqual(Math.max(1, ...values));
        expect(chart.ticks[0]).toBe(0);
        expect(chart.ticks.every((t) => t >= 0 && t <= chart.domainMax)).toBe(true);
        if (measure !== "opportunityValueGbp") expect(chart.ticks.every(Number.isInteger)).toBe(true);
        for (const b of chart.bars) {
          const source = rows.find((r) => r.key === b.key);
          expect(source?.total[measure]).toBe(b.value);
          expect(b.national).toBe(source?.nationalPriorityWeight !== null);
        }
      }),
    );
  });

  it("sorts by the chosen measure", () => {
    const rows = [row("India", 7, { value: 78_000_000 }), row("Japan", 4, { value: 9_000_000, visits: 1 }), row("China", 3, { value: 40_000_000 })];
    expect(prepareBars(rows, "opportunityValueGbp").bars.map((b) => [b.label, b.valueLabel])).toEqual([
      ["India", "£78m"],
      ["China", "£40m"],
      ["Japan", "£9m"],
    ]);
    expect(prepareBars(rows, "visits").bars.map((b) => b.label)).toEqual(["Japan", "China", "India"]);
  });
});

describe("labels and periods", () => {
  it("formats money short and counts with their noun", () => {
    expect([formatGbp(0), formatGbp(800), formatGbp(45_000), formatGbp(4_500_000), formatGbp(126_000_000), formatGbp(1_200_000_000)]).toEqual([
      "£0",
      "£800",
      "£45k",
      "£4.5m",
      "£126m",
      "£1.2bn",
    ]);
    expect(formatMeasure(1, "visits")).toBe("1 visit");
    expect(formatMeasure(1200, "interactions")).toBe("1,200 interactions");
    expect(formatMeasure(1, "opportunities")).toBe("1 opportunity");
    expect(isMeasure("visits")).toBe(true);
    expect(isMeasure("people")).toBe(false);
  });

  it("reports on the last N months ending today, within the API's 3-year limit", () => {
    expect(periodEnding("2026-11-28", 12)).toEqual({ from: "2025-11-29", to: "2026-11-28" });
    expect(periodEnding("2026-03-31", 1)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(periodEnding("2028-02-29", 12)).toEqual({ from: "2027-03-01", to: "2028-02-29" });
    expect(periodEnding("2026-01-15", 36)).toEqual({ from: "2023-01-16", to: "2026-01-15" });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 11, 31) }), fc.constantFrom(3, 12, 24, 36), (ms, months) => {
        const today = new Date(ms).toISOString().slice(0, 10);
        const { from, to } = periodEnding(today, months);
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        expect(to).toBe(today);
        expect(days).toBeGreaterThan(months * 28 - 2);
        expect(days).toBeLessThanOrEqual(3 * 366);
      }),
    );
  });
});
