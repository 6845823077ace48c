import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { DEMO, PHONE, type Viewport, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// Partnerships against the real API and the demo network: the world map (drawn
// offline from world-atlas: markers, arcs, legend, keyboard), its table, the
// filters shared with the list, and a partnership's own page.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);

const marker = (p: Page, place: string) => p.locator(`.map-point--partner[data-place="${place}"]`);
const count = async (p: Page) => Number((await p.locator("#results-count").textContent())?.match(/^[\d,]+/)?.[0]?.replace(/,/g, "") ?? NaN);

describe("partnerships map", () => {
  it("draws a marker for every partner place of the demo partnerships, with no tile server, and opens one by keyboard", async () => {
    const p = await page(DEMO.envoy);
    const outside: string[] = [];
    p.on("request", (req) => {
      if (!req.url().startsWith(e2e.server.url)) outside.push(req.url());
    });
    await p.goto("/partnerships");
    await settled(p);
    const total = await count(p);
    expect(total).toBeGreaterThanOrEqual(30);
    await p.getByText(`World map of the ${total} partnerships you can see.`).waitFor();

    // Known demo partnerships: a marker each, named with its partnerships, and arcs from the UK side.
    for (const [place, partnership] of [
      ["Lyon", "Birmingham–Lyon partner cities"],
      ["Chicago", "Birmingham–Chicago sister cities"],
      ["豊田市 (Toyota City)", "Toyota City Partnership"],
      ["Durban", "Leeds–Durban partner cities"],
    ] as const) {
      expect(await marker(p, place).getAttribute("aria-label")).toContain(partnership);
    }
    expect(await p.locator(".map-point--partner").count()).toBeGreaterThanOrEqual(30);
    expect(await p.locator(".map-arc").count()).toBeGreaterThanOrEqual(30);
    expect(await p.locator(".map-point--origin").count()).toBeGreaterThanOrEqual(8);
    expect(await p.locator(".map-country").count()).toBeGreaterThan(150);
    expect(outside).toEqual([]);

    // The table carries the same places.
    const lyonRow = p.getByRole("row").filter({ has: p.getByRole("rowheader", { name: "Lyon" }) });
    await lyonRow.getByRole("link", { name: "Birmingham–Lyon partner cities" }).waitFor();

    // Tab to a marker: its tooltip shows; Enter opens the partnership.
    await marker(p, "Lyon").focus();
    await p.locator(".map-tooltip").getByText("Birmingham–Lyon partner cities").waitFor();
    await p.keyboard.press("Enter");
    await p.waitForURL(/\/partnerships\/[^/]+$/);
    await settled(p);
    await p.getByRole("heading", { name: "Birmingham–Lyon partner cities", level: 1 }).waitFor();
    await p.getByRole("link", { name: "Birmingham City Council", exact: true }).waitFor();
    await p.getByText("Lyon, France").waitFor();
    expect(await p.locator(".map-point--partner").count()).toBe(1);
  });

  it("lists several partnerships of one place in a dialog that Escape closes", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/partnerships");
    await settled(p);
    await p.getByRole("button", { name: "Asia and Pacific", exact: true }).click();
    const guangzhou = marker(p, "广州 (Guangzhou)");
    expect(await guangzhou.getAttribute("data-count")).toBe("2");
    await guangzhou.focus();
    await p.keyboard.press("Enter");
    const dialog = p.getByRole("dialog");
    await dialog.getByRole("link", { name: "Birmingham–Guangzhou sister cities" }).waitFor();
    await dialog.getByRole("link", { name: "Bristol–Guangzhou sister cities" }).waitFor();
    expect(await guangzhou.getAttribute("aria-expanded")).toBe("true");
    await p.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await p.evaluate("document.activeElement?.getAttribute('data-place')")).toBe("广州 (Guangzhou)");
  });

  it("filters the map and the list alike, and the legend hides kinds", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/partnerships");
    await settled(p);
    const all = await p.locator(".map-point--partner").count();

    await p.getByRole("combobox", { name: "Type" }).selectOption({ label: "Memorandum of understanding (MoU)" });
    await p.waitForURL((url) => url.searchParams.get("kind") === "MOU");
    await settled(p);
    const mous = await count(p);
    expect(mous).toBeGreaterThanOrEqual(2);
    expect(await marker(p, "大阪市 (Osaka)").count()).toBe(1);
    expect(await marker(p, "Lyon").count()).toBe(0);

    await p.getByRole("link", { name: "List", exact: true }).click();
    await p.waitForURL((url) => url.pathname === "/partnerships/list" && url.searchParams.get("kind") === "MOU");
    await settled(p);
    expect(await count(p)).toBe(mous);
    expect(await p.locator(".record").count()).toBe(mous);
    await p.getByRole("link", { name: "Greater Manchester–Osaka memorandum of understanding" }).waitFor();

    await p.getByRole("link", { name: "Map", exact: true }).click();
    await settled(p);
    await p.getByRole("button", { name: "Clear filters" }).click();
    await p.waitForURL((url) => !url.searchParams.has("kind"));
    await settled(p);
    // The unfiltered map comes from the cache: wait for it to be drawn again.
    await p.locator(".map-point--partner").nth(all - 1).waitFor();
    expect(await p.locator(".map-point--partner").count()).toBe(all);
    const cityLinks = p.getByRole("button", { name: /^Sister, partner and friendship cities/ });
    await cityLinks.click();
    expect(await cityLinks.getAttribute("aria-pressed")).toBe("false");
    const fewer = await p.locator(".map-point--partner").count();
    expect(fewer).toBeGreaterThan(0);
    expect(fewer).toBeLessThan(all);
    expect(await marker(p, "Lyon").count()).toBe(0);
  });

  it("fits a 360 px screen without sideways scrolling", async () => {
    const p = await page(DEMO.envoy, PHONE);
    await p.goto("/partnerships");
    await settled(p);
    expect(await p.locator(".map-point--partner").count()).toBeGreaterThanOrEqual(30);
    const box = await p.locator(".world-map__svg").boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
  });
});
