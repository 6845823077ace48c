import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { DEMO, DESKTOP, type RunningServer, type TestPage, type Viewport, launchBrowser, newPage, settled, signIn, startServer } from "./support/harness.js";

// Visits and their briefing packs against the real API and the demo network:
// the list, every section of a briefing, the print layout and the Markdown.

let server: RunningServer;
let browser: Browser;
const open: TestPage[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async () => {
  for (const t of open.splice(0)) {
    await t.context.close();
    expect(t.errors).toEqual([]);
  }
});

async function page(as: string, viewport: Viewport = DESKTOP): Promise<Page> {
  const t = await newPage(browser, server.url, viewport);
  open.push(t);
  await signIn(t.page, as);
  return t.page;
}

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
