import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { DEMO, PHONE, type Viewport, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// The priorities dashboard against the real API and the demo network:
// engagement by market and sector as labelled SVG bar charts with data tables,
// counting only what the viewer may see, and fitting a 360 px phone.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);

// The demo's meetings are in early 2026: three years back keeps them in the period for a while yet.
const PERIOD = "/priorities?months=36";

/** The India row of the market table: interactions, visits, opportunities. */
async function indiaRow(p: Page) {
  const section = p.getByRole("region", { name: "By market" });
  await section.getByText("Table: every market, all measures").click();
  const cells = await section.getByRole("row", { name: /^India/ }).getByRole("cell").allTextContents();
  return { interactions: Number(cells[1]), visits: Number(cells[2]), opportunities: Number(cells[3]) };
}

describe("priorities dashboard", () => {
  it("is reached from the navigation and charts engagement by market and sector, each bar labelled", async () => {
    const p = await page(DEMO.envoy);
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Priorities" }).click();
    await p.getByRole("heading", { level: 1, name: "Engagement against priorities" }).waitFor();
    await settled(p);
    await p.getByLabel("Period").selectOption("36");
    await p.waitForURL((url) => url.searchParams.get("months") === "36");
    await settled(p);

    const markets = p.getByRole("img", { name: /^Interactions by market/ });
    const sectors = p.getByRole("img", { name: /^Interactions by sector/ });
    await markets.waitFor();
    await sectors.waitFor();
    // The text alternative names the leaders; every bar carries its name and value in text.
    expect(await markets.getAttribute("aria-labelledby")).toMatch(/markets-chart-title markets-chart-desc/);
    expect(await p.locator("#markets-chart-desc").textContent()).toMatch(/^Most interactions: India, \d+ interactions/);
    const bars = markets.locator(".bar-chart__bar");
    expect(await bars.count()).toBeGreaterThan(3);
    for (const bar of await bars.all()) {
      expect(await bar.locator(".bar-chart__label").textContent()).toMatch(/\w/);
      expect(await bar.locator(".bar-chart__value").textContent()).toMatch(/^\d+ interactions?$/);
    }
    // National priorities say so in words, not only by colour.
    expect(await markets.locator(".bar-chart__bar--national .bar-chart__label").first().textContent()).toContain("national priority");

    // The chart agrees with its data table.
    const india = await indiaRow(p);
    expect(await bars.first().locator(".bar-chart__label").textContent()).toBe("India");
    expect(await bars.first().locator(".bar-chart__value").textContent()).toBe(`${india.interactions} interactions`);

    // Another measure: the address keeps it, the bars follow.
    await p.getByLabel("Measure").selectOption("opportunityValueGbp");
    await p.waitForURL((url) => url.searchParams.get("measure") === "opportunityValueGbp");
    await settled(p);
    const value = p.getByRole("img", { name: /^Opportunity value \(GBP\) by market/ });
    await value.waitFor();
    expect(await value.locator(".bar-chart__value").first().textContent()).toMatch(/^£[\d.]+(k|m|bn)?$/);

    await p.getByRole("heading", { name: "Each priority" }).waitFor();
    expect(await p.getByRole("table", { name: "Engagement for each priority, national priorities first" }).getByRole("row").count()).toBeGreaterThan(5);
  });

  it("counts only what the viewer may see: another member's private meeting counts for its owner only", async () => {
    const envoy = await page(DEMO.envoy);
    await envoy.goto(PERIOD);
    await settled(envoy);
    const mine = await indiaRow(envoy);

    const mayor = await page(DEMO.mayor);
    await mayor.goto(PERIOD);
    await settled(mayor);
    const theirs = await indiaRow(mayor);

    // WMCA's private roundtable in Mumbai (the demo's only private India meeting).
    expect(mine.interactions).toBe(theirs.interactions + 1);
    expect(mine.visits).toBe(theirs.visits);
  });

  it("fits a 360 px phone: charts drawn at the screen's width, no label cut off, no sideways scrolling", async () => {
    const p = await page(DEMO.envoy, PHONE);
    await p.goto(`${PERIOD}&measure=opportunityValueGbp`);
    await settled(p);
    const chart = p.getByRole("img", { name: /^Opportunity value \(GBP\) by market/ });
    await chart.waitFor();
    const overflow = (await p.evaluate(`(() => {
      const svg = document.querySelector("svg[aria-labelledby^='markets-chart']");
      const right = [...svg.querySelectorAll("text")].map((t) => t.getBBox().x + t.getBBox().width);
      return { width: svg.getBoundingClientRect().width, widest: Math.max(...right) };
    })()`)) as { width: number; widest: number };
    expect(overflow.width).toBeLessThanOrEqual(PHONE.width);
    expect(overflow.widest).toBeLessThanOrEqual(overflow.width);
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
  });
});
