import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { DEMO, type Viewport, settled, waitUntil } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";
import { addDays, today } from "../../client/src/features/visits/calendar.js";

// Visits and their briefing packs against the real API and the demo network:
// the list, the calendar (keyboard included), a visit's page, planning and
// editing a visit, every section of a briefing, the print layout (four A4
// sides at most) and the Markdown.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);

describe("visits and briefings", () => {
  it("opens the India mission briefing, prints without the navigation, and downloads the Markdown", async () => {
    const p = await page(DEMO.mayor);
    await p.goto("/visits");
    await settled(p);
    await p.getByRole("heading", { name: "Upcoming and current" }).waitFor();
    await p.getByRole("link", { name: /Briefing for .*India/ }).first().click();
    await p.waitForURL(/\/visits\/.+\/briefing$/);
    await settled(p);
    await p.getByText("Briefing pack").waitFor();
    for (const section of ["Overview", "Points to take", "Coordination warnings", "Priorities", "Partnerships", "People to know", "Organisations", "Open follow-ups", "Opportunities", "Alumni", "Investors"]) {
      await p.getByRole("heading", { name: section, exact: true, level: 2 }).waitFor();
    }
    await p.getByRole("heading", { name: /^Meeting history/, level: 2 }).waitFor();
    expect(await p.getByText("Destinations", { exact: true }).isVisible()).toBe(true);

    expect(await p.locator("header nav[aria-label=Main]").isVisible()).toBe(true);
    await p.emulateMedia({ media: "print" });
    expect(await p.locator("header").isVisible()).toBe(false);
    expect(await p.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await p.getByRole("heading", { name: "Overview" }).isVisible()).toBe(true);
    await p.emulateMedia({ media: "screen" });

    const downloading = p.waitForEvent("download");
    await p.getByRole("button", { name: "Download Markdown" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const text = await readFile((await download.path()) ?? "", "utf8");
    expect(text).toMatch(/^# /);
    expect(text).toContain("India");
  });
});

const INDIA = "West Midlands mission to India";
const focusedDate = async (p: Page) => String(await p.evaluate("document.activeElement?.getAttribute('data-date') ?? document.activeElement?.tagName"));

/** Pages in a PDF: its page objects (/Type /Page, not the /Pages tree nodes). */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe("visit calendar", () => {
  it("is one click from the list, shows a month as an accessible grid, and moves by keyboard", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/visits");
    await settled(p);
    await p.getByRole("navigation", { name: "Visits view" }).getByRole("link", { name: "Calendar" }).click();
    await p.waitForURL(/\/visits\/calendar/);
    await settled(p);
    expect(await p.getByRole("navigation", { name: "Visits view" }).getByRole("link", { name: "Calendar" }).getAttribute("aria-current")).toBe("page");

    await p.goto("/visits/calendar?month=2026-02");
    await settled(p);
    const grid = p.getByRole("grid", { name: "February 2026" });
    await grid.waitFor();
    expect(await grid.getByRole("columnheader").allTextContents()).toEqual(["MonMonday", "TueTuesday", "WedWednesday", "ThuThursday", "FriFriday", "SatSaturday", "SunSunday"]);
    // 1 February 2026 is a Sunday: five Monday-to-Sunday rows, from 26 January to 1 March.
    expect(await grid.getByRole("row").count()).toBe(6);
    expect(await grid.locator("td[data-date]").first().getAttribute("data-date")).toBe("2026-01-26");
    expect(await grid.locator("td[data-date]").last().getAttribute("data-date")).toBe("2026-03-01");
    // The India mission (22 to 27 February) is on each of its six days, across two week rows.
    const indiaDays = await grid.locator("td[data-date]", { has: p.getByRole("link", { name: INDIA }) }).evaluateAll((tds) => tds.map((td) => td.getAttribute("data-date")));
    expect(indiaDays).toEqual(["2026-02-22", "2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27"]);
    // China (28 to 31 January) shows in the first row too, from the month before.
    expect(await grid.locator('td[data-date="2026-01-28"]').getByRole("link", { name: "Mayor of the West Midlands in China" }).count()).toBe(1);
    await p.getByRole("heading", { name: "Visits in February 2026" }).waitFor();
    expect(await p.getByRole("region", { name: "Visits in February 2026" }).getByRole("link").allTextContents()).toEqual([INDIA]);

    // One tab stop in the grid; arrows, Home/End and Page Up/Down move the day.
    expect(await grid.locator('td[tabindex="0"]').count()).toBe(1);
    await grid.locator('td[data-date="2026-02-01"]').focus();
    await p.keyboard.press("ArrowRight");
    expect(await focusedDate(p)).toBe("2026-02-02");
    await p.keyboard.press("ArrowDown");
    expect(await focusedDate(p)).toBe("2026-02-09");
    await p.keyboard.press("End");
    expect(await focusedDate(p)).toBe("2026-02-15");
    await p.keyboard.press("Home");
    expect(await focusedDate(p)).toBe("2026-02-09");
    await p.keyboard.press("PageDown");
    await p.waitForURL((url) => url.searchParams.get("month") === "2026-03");
    await p.getByRole("grid", { name: "March 2026" }).waitFor();
    expect(await focusedDate(p)).toBe("2026-03-09");
    await p.keyboard.press("PageUp");
    await p.getByRole("grid", { name: "February 2026" }).waitFor();
    expect(await focusedDate(p)).toBe("2026-02-09");
    for (let i = 0; i < 14; i++) await p.keyboard.press("ArrowRight");
    expect(await focusedDate(p)).toBe("2026-02-23");
    expect(await p.getByRole("grid").locator('td[tabindex="0"]').getAttribute("data-date")).toBe("2026-02-23");

    // Tab reaches the day's visit; Enter opens it.
    await p.keyboard.press("Tab");
    expect(await p.evaluate("document.activeElement?.textContent")).toBe(INDIA);
    await p.keyboard.press("Enter");
    await p.waitForURL(/\/visits\/[^/]+$/);
    await p.getByRole("heading", { level: 1, name: INDIA }).waitFor();
  });

  it("crosses into the next year with the arrow keys", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/visits/calendar?month=2026-12");
    await settled(p);
    await p.getByRole("grid", { name: "December 2026" }).locator('td[data-date="2026-12-01"]').focus();
    await p.keyboard.press("End");
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("ArrowDown");
    // Crossing the month is a navigation: the router renders January in a transition and the
    // day is focused after that render, so wait for both before reading the focus.
    await p.getByRole("grid", { name: "January 2027" }).waitFor();
    await waitUntil("a January day has the focus", async () => (await focusedDate(p)).startsWith("2027-"), 5_000);
    expect(await focusedDate(p)).toBe("2027-01-03");
    expect(new URL(p.url()).searchParams.get("month")).toBe("2027-01");
  });
});

describe("a visit's page", () => {
  it("shows destinations, delegation, objectives, meetings and who was met, with a link to the briefing", async () => {
    const p = await page(DEMO.mayor);
    await p.goto("/visits");
    await settled(p);
    await p.getByRole("link", { name: INDIA, exact: true }).first().click();
    await p.waitForURL(/\/visits\/[^/]+$/);
    await settled(p);
    await p.getByRole("heading", { level: 1, name: INDIA }).waitFor();
    const details = p.getByRole("region", { name: "Details" });
    for (const text of ["22 February 2026 to 27 February 2026", "Ahmedabad, India", "Mumbai, India", "Bengaluru, India", "West Midlands Combined Authority", "University of Birmingham"]) {
      expect(await details.textContent()).toContain(text);
    }
    expect(await p.getByRole("region", { name: "Objectives" }).textContent()).toContain("Investment Zone");
    const meetings = p.getByRole("region", { name: "Meetings on this visit" });
    expect(await meetings.locator(".record").count()).toBeGreaterThan(3);
    // The mayor's office (EMCA) does not see WMCA's private meeting on the mission.
    expect(await meetings.textContent()).not.toContain("Marine Drive Example Capital: logistics platform");
    const met = p.getByRole("region", { name: "People and organisations met" });
    expect(await met.locator("a[href^='/people/']").count()).toBeGreaterThan(3);
    expect(await met.locator("a[href^='/organisations/']").count()).toBeGreaterThan(2);
    await p.getByRole("region", { name: "Open follow-ups" }).getByText("Everything else in the briefing").waitFor();
    // Not the owner: no edit.
    expect(await p.getByRole("link", { name: "Edit visit" }).count()).toBe(0);

    await p.getByRole("link", { name: "Open the briefing" }).click();
    await p.waitForURL(/\/briefing$/);
    await p.getByText("Briefing pack").waitFor();
  });

  it("says 'not found' for a visit that does not exist", async () => {
    const p = await page(DEMO.envoy);
    await p.goto(`/visits/${Buffer.from("Visit:00000000-0000-4000-8000-000000000000").toString("base64url")}`);
    await p.getByRole("heading", { level: 1, name: "Visit not found" }).waitFor();
  });
});

describe("planning and editing a visit", () => {
  it("names each missing or wrong field, saves the visit, shows it on home and the calendar, edits it, and reports a conflicting edit", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/visits");
    await settled(p);
    await p.getByRole("link", { name: "Plan a visit" }).click();
    await p.getByRole("heading", { level: 1, name: "Plan a visit" }).waitFor();
    await settled(p);

    await p.getByRole("button", { name: "Save visit" }).click();
    const summary = p.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter a title for the visit.",
      "Choose whether the visit is an outbound mission or an inbound delegation.",
      "Enter the start date.",
      "Enter the end date.",
    ]);
    await summary.getByRole("link", { name: "Enter a title for the visit." }).click();
    expect(await p.evaluate("document.activeElement?.id")).toBe("visit-title");

    const start = addDays(today(), 20);
    const title = "E2E mission to Osaka";
    await p.getByLabel("Title").fill(title);
    await p.getByLabel("Outbound mission").check();
    await p.getByLabel("Start date").fill(start);
    await p.getByLabel("End date").fill(addDays(start, -2));
    await p.getByRole("button", { name: "Save visit" }).click();
    await summary.getByRole("link", { name: "End date must be the same as or after the start date." }).waitFor();
    await p.getByLabel("End date").fill(addDays(start, 4));
    await p.getByLabel("Add a destination").fill("Osaka");
    await p.getByRole("list", { name: "Matching places" }).getByRole("button", { name: /Osaka/ }).first().click();
    await p.getByLabel("Objectives").fill("Meet Kansai investors in advanced manufacturing.");
    await p.getByRole("button", { name: "Save visit" }).click();

    await p.waitForURL(/\/visits\/[^/]+$/);
    await p.getByRole("heading", { level: 1, name: title }).waitFor();
    await p.getByRole("status").getByText("The visit is saved.", { exact: false }).waitFor();
    expect(await p.getByRole("region", { name: "Details" }).textContent()).toContain("Osaka");
    const visitPath = new URL(p.url()).pathname;

    await p.goto("/");
    await settled(p);
    await p.getByRole("region", { name: "Upcoming visits" }).getByRole("link", { name: title }).waitFor();
    await p.goto(`/visits/calendar?month=${start.slice(0, 7)}`);
    await settled(p);
    expect(await p.getByRole("grid").locator(`td[data-date="${start}"]`).getByRole("link", { name: title }).count()).toBe(1);

    // Edit it; then a second tab, opened before that edit, is told it is out of date.
    const other = await page(DEMO.envoy);
    await other.goto(`${visitPath}/edit`);
    await other.getByRole("heading", { level: 1, name: "Edit visit" }).waitFor();
    await settled(other);

    await p.goto(visitPath);
    await p.getByRole("link", { name: "Edit visit" }).click();
    await p.getByRole("heading", { level: 1, name: "Edit visit" }).waitFor();
    await settled(p);
    expect(await p.getByLabel("Title").inputValue()).toBe(title);
    await p.getByLabel("Title").fill(`${title} and Kyoto`);
    await p.getByLabel("Status").selectOption("CONFIRMED");
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.getByRole("heading", { level: 1, name: `${title} and Kyoto` }).waitFor();
    await p.getByText("Your changes to the visit are saved.").waitFor();
    expect(await p.getByRole("region", { name: "Details" }).textContent()).toContain("Confirmed");

    await other.getByLabel("Objectives").fill("A different plan.");
    await other.getByRole("button", { name: "Save changes" }).click();
    await other.locator(".error-summary").getByText("Someone else changed this visit after you opened it.", { exact: false }).waitFor();
  });
});

describe("printing a briefing", () => {
  it("fits every demo visit's briefing, the busiest included, on four A4 sides", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/visits");
    await settled(p);
    const hrefs = await p.locator("a[href$='/briefing']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    const pages: Record<string, number> = {};
    for (const href of hrefs) {
      await p.goto(href);
      await p.getByText("Briefing pack").waitFor();
      await settled(p);
      const title = (await p.locator("h1").textContent()) ?? href;
      // Chromium's own print path: the @page size and margins of the print stylesheet apply.
      pages[title] = countPdfPages(await p.pdf({ format: "A4", preferCSSPageSize: true }));
    }
    // Listed by title, so a failure says which briefing ran over.
    expect(Object.entries(pages).filter(([, n]) => n < 1 || n > 4)).toEqual([]);
    // The India mission has the most in it (30 people, 28 investors): it must need more than one side, or the count proves nothing.
    expect(pages[INDIA]).toBe(Math.max(...Object.values(pages)));
    expect(pages[INDIA]).toBeGreaterThan(1);
  });
});
