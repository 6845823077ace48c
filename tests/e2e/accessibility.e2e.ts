import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { DEMO, DESKTOP, PHONE, type RunningServer, type TestPage, type Viewport, launchBrowser, newPage, settled, signIn, startServer } from "./support/harness.js";

// axe-core on every main screen, at desktop and phone widths: no serious or
// critical violations of WCAG 2.x A/AA (2.2 included).

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

async function page(as: string | null, viewport: Viewport = DESKTOP): Promise<Page> {
  const t = await newPage(browser, server.url, viewport);
  open.push(t);
  if (as) await signIn(t.page, as);
  return t.page;
}


async function expectAccessible(p: Page, screen: string) {
  const results = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect({ screen, violations: serious }).toEqual({ screen, violations: [] });
}

const screens: { name: string; as: string | null; go: (p: Page) => Promise<void> }[] = [
  { name: "sign-in", as: null, go: async (p) => { await p.goto("/sign-in"); await p.getByText("Demo accounts").waitFor(); } },
  { name: "home", as: DEMO.envoy, go: async (p) => { await p.goto("/"); await settled(p); } },
  { name: "people list", as: DEMO.envoy, go: async (p) => { await p.goto("/people"); await settled(p); } },
  {
    name: "person profile",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/people?mine=1");
      await settled(p);
      await p.locator(".record__title a").first().click();
      await p.getByText("Record", { exact: true }).waitFor();
    },
  },
  {
    name: "person profile with introduction paths and a request form",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/people?q=Helen+Marsh");
      await settled(p);
      await p.locator(".record__title a").first().click();
      await p.getByRole("button", { name: /^Request introduction/ }).first().click();
      await p.getByRole("button", { name: "Send request" }).click();
      await p.locator(".error-summary").waitFor();
      await settled(p);
    },
  },
  {
    name: "add a person, with errors",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/people/new");
      await p.getByRole("button", { name: "Add an organisation" }).click();
      await p.getByLabel("Consent", { exact: true }).check();
      await p.getByRole("button", { name: "Add person" }).click();
      await p.locator(".error-summary").waitFor();
    },
  },
  {
    name: "edit a person",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/people?mine=1");
      await settled(p);
      await p.locator(".record__title a").first().click();
      await p.getByRole("link", { name: /^Edit/ }).click();
      await p.getByRole("button", { name: "Save changes" }).waitFor();
      await settled(p);
    },
  },
  { name: "organisations list", as: DEMO.envoy, go: async (p) => { await p.goto("/organisations"); await settled(p); } },
  {
    name: "organisation",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/organisations");
      await settled(p);
      await p.locator(".record__title a").first().click();
      await p.getByText("Record", { exact: true }).waitFor();
    },
  },
  {
    name: "add an organisation, with errors",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/organisations/new");
      await p.getByRole("button", { name: "Add organisation" }).click();
      await p.locator(".error-summary").waitFor();
    },
  },
  { name: "places", as: DEMO.envoy, go: async (p) => { await p.goto("/places"); await settled(p); } },
  { name: "partnerships map", as: DEMO.envoy, go: async (p) => { await p.goto("/partnerships"); await settled(p); } },
  {
    name: "partnerships map, a marker's list open",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/partnerships");
      await settled(p);
      await p.locator(".map-point--partner[data-count='2']").first().focus();
      await p.keyboard.press("Enter");
      await p.getByRole("dialog").waitFor();
    },
  },
  { name: "partnerships list", as: DEMO.envoy, go: async (p) => { await p.goto("/partnerships/list"); await settled(p); } },
  {
    name: "partnership",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/partnerships/list?q=Toyota+City+Partnership");
      await settled(p);
      await p.locator(".record__title a").first().click();
      await p.getByText("Record", { exact: true }).waitFor();
      await settled(p);
    },
  },
  {
    name: "network",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/people?q=Jana+Weber");
      await settled(p);
      await p.locator(".record__title a").first().click();
      await p.waitForURL(/\/people\/[^/]+$/);
      await p.goto(p.url().replace("/people/", "/network/"));
      await settled(p);
      await p.locator(".network__canvas canvas").first().waitFor();
    },
  },
  { name: "admin users", as: DEMO.admin, go: async (p) => { await p.goto("/admin/users"); await settled(p); } },
  { name: "log a contact", as: DEMO.envoy, go: async (p) => { await p.goto("/log"); await p.getByRole("button", { name: "Log contact" }).waitFor(); } },
  {
    name: "log a contact with errors and a new contact",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/log");
      await p.getByLabel("Add a participant").fill("Newname Person");
      await p.getByRole("button", { name: /^Create new contact/ }).click();
      await p.getByRole("button", { name: "Add a follow-up" }).click();
      await p.getByRole("button", { name: "Log contact" }).click();
      await p.locator(".error-summary").waitFor();
    },
  },
  { name: "alumni investors", as: DEMO.envoy, go: async (p) => { await p.goto("/alumni?sectors=life+sciences"); await settled(p); } },
  { name: "visits", as: DEMO.mayor, go: async (p) => { await p.goto("/visits"); await settled(p); } },
  {
    name: "visit briefing",
    as: DEMO.mayor,
    go: async (p) => {
      await p.goto("/visits");
      await settled(p);
      await p.getByRole("link", { name: /Briefing for .*India/ }).first().click();
      await p.getByText("Briefing pack").waitFor();
      await settled(p);
    },
  },
  { name: "search results", as: DEMO.envoy, go: async (p) => { await p.goto("/search?q=India"); await settled(p); } },
  { name: "visits calendar", as: DEMO.envoy, go: async (p) => { await p.goto("/visits/calendar?month=2026-02"); await settled(p); await p.getByRole("grid").waitFor(); } },
  {
    name: "visit",
    as: DEMO.mayor,
    go: async (p) => {
      await p.goto("/visits/calendar?month=2026-02");
      await settled(p);
      await p.getByRole("region", { name: "Visits in February 2026" }).getByRole("link").first().click();
      await p.getByRole("heading", { name: "Meetings on this visit" }).waitFor();
      await settled(p);
    },
  },
  {
    name: "plan a visit with errors",
    as: DEMO.envoy,
    go: async (p) => {
      await p.goto("/visits/new");
      await settled(p);
      await p.getByRole("button", { name: "Save visit" }).click();
      await p.locator(".error-summary").waitFor();
    },
  },
  { name: "priorities", as: DEMO.envoy, go: async (p) => { await p.goto("/priorities?months=36"); await settled(p); await p.getByRole("img").first().waitFor(); } },
  { name: "not found", as: DEMO.envoy, go: async (p) => { await p.goto("/no/such/page"); await p.getByText("Page not found").first().waitFor(); } },
];

describe("accessibility (axe-core)", () => {
  for (const screen of screens) {
    it(`${screen.name}: no serious or critical violations`, async () => {
      const p = await page(screen.as);
      await screen.go(p);
      await expectAccessible(p, screen.name);
    });
  }

  it("sign-in with an error summary: no serious or critical violations", async () => {
    const p = await page(null);
    await p.goto("/sign-in");
    await p.getByRole("button", { name: "Sign in", exact: true }).click();
    await p.locator(".error-summary").waitFor();
    await expectAccessible(p, "sign-in with errors");
  });

  it("partnerships map at 360 px: no serious or critical violations", async () => {
    const p = await page(DEMO.envoy, PHONE);
    await p.goto("/partnerships");
    await settled(p);
    await expectAccessible(p, "partnerships map (phone)");
  });

  it("people list at 360 px, menu open: no serious or critical violations", async () => {
    const p = await page(DEMO.envoy, PHONE);
    await p.goto("/people");
    await settled(p);
    await p.getByRole("button", { name: "Menu" }).click();
    await expectAccessible(p, "people list (phone, menu open)");
  });

  it("priorities and visits calendar at 360 px, data table open: no serious or critical violations", async () => {
    const p = await page(DEMO.envoy, PHONE);
    await p.goto("/priorities?months=36");
    await settled(p);
    await p.getByText("Table: every market, all measures").click();
    await expectAccessible(p, "priorities (phone, table open)");
    await p.goto("/visits/calendar?month=2026-02");
    await settled(p);
    await expectAccessible(p, "visits calendar (phone)");
  });
});
