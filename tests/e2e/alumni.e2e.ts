import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { DEMO, type Viewport, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// The alumni investor finder against the real API and the demo network:
// filters, ranked results with their explanation, and the CSV export.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);

const count = async (p: Page) => Number((await p.locator("#results-count").textContent())?.match(/^[\d,]+/)?.[0]?.replace(/,/g, "") ?? NaN);

describe("alumni investors", () => {
  it("finds life sciences investors in Japan with tickets of £1m or more, explains each, and downloads the CSV", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/alumni");
    await settled(p);
    const all = await count(p);
    expect(all).toBeGreaterThan(0);

    await p.getByRole("textbox", { name: "Sectors" }).fill("life sciences");
    await p.getByRole("combobox", { name: "Country" }).selectOption({ label: "Japan" });
    await p.getByLabel("Minimum ticket (£)").fill("1,000,000");
    await p.getByRole("button", { name: "Apply filters" }).click();
    await p.waitForURL((url) => url.searchParams.get("min") === "1,000,000" && url.searchParams.get("country") === "JP");
    await settled(p);

    const found = await count(p);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(all);
    const first = p.locator(".alumni-result").first();
    expect((await first.locator(".why").textContent())?.toLowerCase()).toContain("life sciences");
    expect(await first.locator(".why").textContent()).toContain("Japan");
    for (const label of ["Matched sectors", "Ticket range", "Last contact", "Known by"]) await first.getByText(label, { exact: true }).waitFor();
    await first.locator(".score__value").waitFor();

    const downloading = p.waitForEvent("download");
    await p.getByRole("button", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile((await download.path()) ?? "");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toMatch(/Name/i);
    expect(lines.length - 1).toBe(found);
  });

  it("names a bad ticket amount in the error summary", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/alumni");
    await settled(p);
    await p.getByLabel("Minimum ticket (£)").fill("lots");
    await p.getByRole("button", { name: "Apply filters" }).click();
    await p.locator(".error-summary").getByRole("link", { name: /Minimum ticket/ }).click();
    expect(await p.evaluate("document.activeElement?.id")).toBe("alumni-min");
  });
});
