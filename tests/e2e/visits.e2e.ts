import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { DEMO, type Viewport, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// Visits and their briefing packs against the real API and the demo network:
// the list, every section of a briefing, the print layout and the Markdown.

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
