import { describe, expect, it } from "@jest/globals";
import { DEMO, type Viewport, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// Global search from the header against the real API: the "/" shortcut,
// results grouped by kind, matched words highlighted as <mark> elements.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);

describe("global search", () => {
  it("focuses the search box with /, and shows grouped results with highlighted matches", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/people");
    await settled(p);
    await p.locator("body").press("/");
    expect(await p.evaluate("document.activeElement?.id")).toBe("global-search");
    await p.keyboard.type("India");
    await p.keyboard.press("Enter");
    await p.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "India");
    // The URL changes before the (lazily loaded) search page replaces the people list, whose
    // #results-count would otherwise be read: wait for the search page itself.
    await p.getByRole("heading", { level: 1, name: "Results for “India”" }).waitFor();
    await settled(p);
    await p.locator("#results-count").filter({ hasText: /\d+ results?$/ }).waitFor();
    expect(Number((await p.locator("#results-count").textContent())?.match(/^[\d,]+/)?.[0]?.replace(/,/g, ""))).toBeGreaterThan(0);
    expect(await p.locator(".search-group h2").count()).toBeGreaterThan(0);
    expect((await p.locator(".search-snippet mark").first().textContent())?.toLowerCase()).toContain("india");
    // Escaped text stays text: no literal "<mark>" or entities on screen.
    for (const snippet of await p.locator(".search-snippet").allTextContents()) expect(snippet).not.toMatch(/<\/?mark>|&amp;|&lt;/);
  });

  it("keeps a list page's filter text out of the header search box", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/people?q=Marsh");
    await settled(p);
    expect(await p.locator("#global-search").inputValue()).toBe("");
    await p.goto("/search?q=Birmingham");
    await settled(p);
    expect(await p.locator("#global-search").inputValue()).toBe("Birmingham");
    await p.getByRole("link", { name: "People", exact: true }).first().click();
    await p.waitForURL((url) => url.pathname === "/people");
    // The router renders the new page in a transition, after the URL has changed.
    await p.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await p.locator("#global-search").inputValue()).toBe("");
  });
});
