import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  type DatedVisit,
  type MonthRef,
  addDays,
  addMonths,
  buildMonth,
  daysBetween,
  daysInMonth,
  isIsoDate,
  monthOf,
  monthRange,
  moveDate,
  parseMonth,
  shiftMonth,
  today,
  weekday,
} from "../../client/src/features/visits/calendar.js";

// The visit calendar's month grid and keyboard moves: weeks start on Monday,
// months and years roll over correctly, and multi-day visits cover every day
// they span, in one lane per week.

const monthArb = fc.record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) });
const dayArb = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const visitsArb = (month: MonthRef) => {
  const { from } = monthRange(month);
  // Visits starting up to 40 days before the grid and lasting up to 60 days: many cross its edges.
  return fc.array(
    fc.record({ offset: fc.integer({ min: -40, max: 45 }), length: fc.integer({ min: 0, max: 60 }) }),
    { maxLength: 12 },
  ).map((specs) =>
    specs.map((s, i): DatedVisit => ({ id: `v${i}`, startsOn: addDays(from, s.offset), endsOn: addDays(from, s.offset + s.length) })),
  );
};

describe("month grid", () => {
  it("has four to six whole weeks from Monday to Sunday, consecutive days, covering exactly the month's days in the month", () => {
    fc.assert(
      fc.property(monthArb, (month) => {
        const grid = buildMonth(month, []);
        expect(grid.weeks.length).toBeGreaterThanOrEqual(4);
        expect(grid.weeks.length).toBeLessThanOrEqual(6);
        const days = grid.weeks.flat();
        expect(days[0]?.date).toBe(grid.from);
        expect(days.at(-1)?.date).toBe(grid.to);
        for (const week of grid.weeks) {
          expect(week).toHaveLength(7);
          expect(week.map((d) => weekday(d.date))).toEqual([0, 1, 2, 3, 4, 5, 6]);
        }
        days.forEach((d, i) => {
          expect(isIsoDate(d.date)).toBe(true);
          if (i > 0) expect(daysBetween(days[i - 1]?.date ?? "", d.date)).toBe(1);
        });
        const inMonth = days.filter((d) => d.inMonth).map((d) => d.date);
        expect(inMonth).toHaveLength(daysInMonth(month));
        expect(inMonth[0]).toBe(`${month.year}-${String(month.month).padStart(2, "0")}-01`);
        // Padding days come only from the months either side, and only at the ends.
        expect(days.findIndex((d) => d.inMonth) + inMonth.length).toBe(days.length - [...days].reverse().findIndex((d) => d.inMonth));
        expect(days.findIndex((d) => d.inMonth)).toBeLessThan(7);
      }),
    );
  });

  it("rolls over years: December 2026 ends in January 2027, January 2027 starts in December 2026", () => {
    const december = buildMonth({ year: 2026, month: 12 }, []);
    expect(december.from).toBe("2026-11-30");
    expect(december.to).toBe("2027-01-03");
    expect(december.weeks.flat().filter((d) => !d.inMonth).map((d) => d.date)).toEqual(["2026-11-30", "2027-01-01", "2027-01-02", "2027-01-03"]);
    const january = buildMonth({ year: 2027, month: 1 }, []);
    expect(january.from).toBe("2026-12-28");
    expect(january.weeks[0]?.map((d) => d.inMonth)).toEqual([false, false, false, false, true, true, true]);
  });

  it("handles leap years and a February that fills exactly four weeks", () => {
    expect(daysInMonth({ year: 2028, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2100, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2000, month: 2 })).toBe(29);
    // 1 February 2027 is a Monday and February 2027 has 28 days: exactly four rows.
    const feb = buildMonth({ year: 2027, month: 2 }, []);
    expect(feb.weeks).toHaveLength(4);
    expect(feb.weeks.flat().every((d) => d.inMonth)).toBe(true);
  });
});

describe("visits on the grid", () => {
  it("shows a visit on every day it covers within the grid, and on no other", () => {
    fc.assert(
      fc.property(
        monthArb.chain((m) => fc.tuple(fc.constant(m), visitsArb(m))),
        ([month, visits]) => {
          const grid = buildMonth(month, visits);
          for (const day of grid.weeks.flat()) {
            const expected = visits.filter((v) => v.startsOn <= day.date && day.date <= v.endsOn).map((v) => v.id).sort();
            expect(day.entries.map((e) => e.visit.id).sort()).toEqual(expected);
            for (const e of day.entries) {
              expect(e.starts).toBe(e.visit.startsOn === day.date);
              expect(e.ends).toBe(e.visit.endsOn === day.date);
              expect(day.slots[e.lane]).toBe(e);
            }
            expect(day.slots.filter((s) => s !== null)).toHaveLength(day.entries.length);
          }
        },
      ),
    );
  });

  it("keeps each visit in one lane for a whole week, never sharing a lane on a day, and labels it once per week row", () => {
    fc.assert(
      fc.property(
        monthArb.chain((m) => fc.tuple(fc.constant(m), visitsArb(m))),
        ([month, visits]) => {
          const grid = buildMonth(month, visits);
          for (const week of grid.weeks) {
            const lanes = new Map<string, Set<number>>();
            const labels = new Map<string, number>();
            for (const day of week) {
              const used = day.entries.map((e) => e.lane);
              expect(new Set(used).size).toBe(used.length);
              for (const e of day.entries) {
                lanes.set(e.visit.id, (lanes.get(e.visit.id) ?? new Set()).add(e.lane));
                if (e.labelled) labels.set(e.visit.id, (labels.get(e.visit.id) ?? 0) + 1);
              }
            }
            for (const [id, set] of lanes) {
              expect(set.size).toBe(1);
              expect(labels.get(id)).toBe(1);
            }
          }
        },
      ),
    );
  });

  it("places a multi-day visit across a month and year boundary", () => {
    const visit = { id: "new-year-mission", startsOn: "2026-12-29", endsOn: "2027-01-05" };
    const december = buildMonth({ year: 2026, month: 12 }, [visit]);
    const covered = december.weeks.flat().filter((d) => d.entries.length).map((d) => d.date);
    // December's grid ends on Sunday 3 January 2027.
    expect(covered).toEqual(["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
    const january = buildMonth({ year: 2027, month: 1 }, [visit]);
    const days = january.weeks.flat().filter((d) => d.entries.length);
    expect(days.map((d) => d.date)).toEqual(["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04", "2027-01-05"]);
    // Labelled where it starts and again where the next week row begins.
    expect(days.filter((d) => d.entries[0]?.labelled).map((d) => d.date)).toEqual(["2026-12-29", "2027-01-04"]);
    expect(days.at(-1)?.entries[0]?.ends).toBe(true);
  });

  it("gives overlapping visits separate lanes and reuses a lane once it is free", () => {
    const visits = [
      { id: "a", startsOn: "2026-02-02", endsOn: "2026-02-04" },
      { id: "b", startsOn: "2026-02-03", endsOn: "2026-02-05" },
      { id: "c", startsOn: "2026-02-05", endsOn: "2026-02-06" },
    ];
    const week = buildMonth({ year: 2026, month: 2 }, visits).weeks.find((w) => w[0]?.date === "2026-02-02") ?? [];
    const laneOf = (id: string) => week.flatMap((d) => d.entries).find((e) => e.visit.id === id)?.lane;
    expect([laneOf("a"), laneOf("b"), laneOf("c")]).toEqual([0, 1, 0]);
    // Thursday: lane 0 free (a ended), b in lane 1 → c in lane 0.
    expect(week[3]?.slots.map((s) => s?.visit.id ?? null)).toEqual(["c", "b"]);
    // Friday: only c, in lane 0.
    expect(week[4]?.slots.map((s) => s?.visit.id ?? null)).toEqual(["c"]);
  });

  it("leaves out visits that end before they start or have impossible dates", () => {
    const grid = buildMonth({ year: 2026, month: 3 }, [
      { id: "backwards", startsOn: "2026-03-10", endsOn: "2026-03-09" },
      { id: "impossible", startsOn: "2026-02-30", endsOn: "2026-03-02" },
      { id: "fine", startsOn: "2026-03-10", endsOn: "2026-03-10" },
    ]);
    expect(grid.weeks.flat().flatMap((d) => d.entries.map((e) => e.visit.id))).toEqual(["fine"]);
  });
});

describe("keyboard moves and months", () => {
  it("moves by day and week with the arrows, to the week's ends with Home and End", () => {
    expect(moveDate("2026-12-31", "ArrowRight")).toBe("2027-01-01");
    expect(moveDate("2027-01-01", "ArrowLeft")).toBe("2026-12-31");
    expect(moveDate("2026-12-29", "ArrowDown")).toBe("2027-01-05");
    expect(moveDate("2027-01-05", "ArrowUp")).toBe("2026-12-29");
    expect(moveDate("2027-01-01", "Home")).toBe("2026-12-28");
    expect(moveDate("2026-12-28", "End")).toBe("2027-01-03");
    expect(moveDate("2026-12-28", "Enter")).toBeNull();
  });

  it("moves by month with Page Up and Page Down, keeping the day or falling back to the month's last day", () => {
    expect(moveDate("2026-01-31", "PageDown")).toBe("2026-02-28");
    expect(moveDate("2028-03-31", "PageUp")).toBe("2028-02-29");
    expect(moveDate("2026-12-15", "PageDown")).toBe("2027-01-15");
    expect(moveDate("2027-01-15", "PageUp")).toBe("2026-12-15");
  });

  it("arrow moves are inverse of each other and Home/End stay in the same Monday–Sunday week", () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(moveDate(moveDate(day, "ArrowRight") ?? "", "ArrowLeft")).toBe(day);
        expect(moveDate(moveDate(day, "ArrowDown") ?? "", "ArrowUp")).toBe(day);
        const home = moveDate(day, "Home") ?? "";
        const end = moveDate(day, "End") ?? "";
        expect(weekday(home)).toBe(0);
        expect(weekday(end)).toBe(6);
        expect(daysBetween(home, day)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(home, end)).toBe(6);
        const next = shiftMonth(day, 1);
        expect(isIsoDate(next)).toBe(true);
        expect(monthOf(next)).toEqual(addMonths(monthOf(day), 1));
        expect(Number(next.slice(8))).toBe(Math.min(Number(day.slice(8)), daysInMonth(monthOf(next))));
      }),
    );
  });

  it("adds months across years in both directions and parses only real months", () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths({ year: 2026, month: 5 }, -29)).toEqual({ year: 2023, month: 12 });
    fc.assert(fc.property(monthArb, fc.integer({ min: -500, max: 500 }), (m, n) => expect(addMonths(addMonths(m, n), -n)).toEqual(m)));
    expect(parseMonth("2026-02")).toEqual({ year: 2026, month: 2 });
    for (const bad of ["2026-13", "2026-00", "2026-2", "February", "", null, undefined]) expect(parseMonth(bad)).toBeNull();
  });

  it("takes today from the local calendar day, not UTC", () => {
    // 23:30 on 31 December in a zone ahead of UTC is still 31 December locally.
    expect(today(new Date(2026, 11, 31, 23, 30))).toBe("2026-12-31");
    expect(today(new Date(2027, 0, 1, 0, 15))).toBe("2027-01-01");
  });
});
