// `npm run screenshots`: a PNG of every main screen in docs/screenshots/, taken
// from the real server with demo data (desktop, plus phone width for a few).
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { DEMO, DESKTOP, PHONE, type Viewport, launchBrowser, newPage, root, settled, signIn, startServer } from "./support/harness.js";

const outDir = join(root, "docs", "screenshots");

interface Shot {
  name: string;
  as: string | null;
  viewport?: Viewport;
  /** Opens the screen and waits until it has finished loading. */
  open: (page: Page) => Promise<void>;
}


async function openFirst(page: Page, list: string, linkScope: string) {
  await page.goto(list);
  await settled(page);
  await page.locator(linkScope).first().click();
  await settled(page);
}

/** The network page around a demo person, found through the people list; the graph drawn. */
async function openNetwork(page: Page, name: string) {
  await openFirst(page, `/people?q=${encodeURIComponent(name)}`, ".record__title a");
  await page.goto(page.url().replace("/people/", "/network/"));
  await settled(page);
  await page.locator(".network__canvas canvas").first().waitFor();
}

const shots: Shot[] = [
  { name: "sign-in", as: null, open: async (page) => { await page.goto("/sign-in"); await page.getByText("Demo accounts").waitFor(); } },
  { name: "home", as: DEMO.envoy, open: async (page) => { await page.goto("/"); await settled(page); } },
  { name: "people", as: DEMO.envoy, open: async (page) => { await page.goto("/people"); await settled(page); } },
  // One of the envoy's own contacts, so the owner-only details show.
  { name: "person", as: DEMO.envoy, open: (page) => openFirst(page, "/people?mine=1", ".record__title a") },
  // Another member's contact: who knows them and the introduction paths.
  { name: "person-introductions", as: DEMO.envoy, open: (page) => openFirst(page, "/people?q=Helen+Marsh", ".record__title a") },
  {
    name: "person-edit",
    as: DEMO.envoy,
    open: async (page) => {
      await openFirst(page, "/people?mine=1", ".record__title a");
      await page.getByRole("link", { name: /^Edit/ }).click();
      await page.getByRole("button", { name: "Save changes" }).waitFor();
      await settled(page);
    },
  },
  { name: "organisations", as: DEMO.envoy, open: async (page) => { await page.goto("/organisations"); await settled(page); } },
  { name: "organisation", as: DEMO.envoy, open: (page) => openFirst(page, "/organisations", ".record__title a") },
  { name: "organisation-new", as: DEMO.envoy, open: async (page) => { await page.goto("/organisations/new"); await page.getByRole("button", { name: "Add organisation" }).waitFor(); } },
  { name: "places", as: DEMO.envoy, open: async (page) => { await page.goto("/places"); await settled(page); } },
  { name: "partnerships-map", as: DEMO.envoy, open: async (page) => { await page.goto("/partnerships"); await settled(page); } },
  { name: "partnerships-list", as: DEMO.envoy, open: async (page) => { await page.goto("/partnerships/list"); await settled(page); } },
  { name: "partnership", as: DEMO.envoy, open: (page) => openFirst(page, "/partnerships/list?q=Toyota+City+Partnership", ".record__title a") },
  { name: "network", as: DEMO.envoy, open: (page) => openNetwork(page, "Jana Weber") },
  { name: "admin-users", as: DEMO.admin, open: async (page) => { await page.goto("/admin/users"); await settled(page); } },
  { name: "log-contact", as: DEMO.envoy, open: async (page) => { await page.goto("/log"); await page.getByRole("button", { name: "Log contact" }).waitFor(); } },
  { name: "alumni-investors", as: DEMO.envoy, open: async (page) => { await page.goto("/alumni?sectors=life+sciences&country=JP&min=1000000"); await settled(page); } },
  { name: "visits", as: DEMO.mayor, open: async (page) => { await page.goto("/visits"); await settled(page); } },
  { name: "visit-briefing", as: DEMO.mayor, open: (page) => openFirst(page, "/visits", "a:has-text('Briefing'):visible") },
  { name: "visits-calendar", as: DEMO.envoy, open: async (page) => { await page.goto("/visits/calendar?month=2026-02"); await settled(page); } },
  { name: "visit", as: DEMO.mayor, open: (page) => openFirst(page, "/visits/calendar?month=2026-02", ".calendar-list .record__title a") },
  { name: "priorities", as: DEMO.envoy, open: async (page) => { await page.goto("/priorities?months=36"); await settled(page); } },
  { name: "phone-home", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/"); await settled(page); } },
  { name: "phone-visits-calendar", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/visits/calendar?month=2026-02"); await settled(page); } },
  { name: "phone-priorities", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/priorities?months=36"); await settled(page); } },
  { name: "search", as: DEMO.envoy, open: async (page) => { await page.goto("/search?q=India"); await settled(page); } },
  { name: "phone-sign-in", as: null, viewport: PHONE, open: async (page) => { await page.goto("/sign-in"); await page.getByText("Demo accounts").waitFor(); } },
  { name: "phone-people", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/people"); await settled(page); } },
  { name: "phone-person", as: DEMO.envoy, viewport: PHONE, open: (page) => openFirst(page, "/people", ".record__title a") },
  {
    name: "phone-person-new",
    as: DEMO.envoy,
    viewport: PHONE,
    open: async (page) => {
      await page.goto("/people/new");
      await page.getByRole("button", { name: "Add person" }).click();
      await page.locator(".error-summary").waitFor();
    },
  },
  { name: "phone-partnerships-map", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/partnerships"); await settled(page); } },
  { name: "phone-network", as: DEMO.envoy, viewport: PHONE, open: (page) => openNetwork(page, "Jana Weber") },
  { name: "phone-log-contact", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/log"); await page.getByRole("button", { name: "Log contact" }).waitFor(); } },
  { name: "phone-alumni-investors", as: DEMO.envoy, viewport: PHONE, open: async (page) => { await page.goto("/alumni?sectors=life+sciences"); await settled(page); } },
];

async function take(browser: Browser, baseURL: string, shot: Shot) {
  const { context, page, errors } = await newPage(browser, baseURL, shot.viewport ?? DESKTOP);
  try {
    if (shot.as) await signIn(page, shot.as);
    await shot.open(page);
    const file = join(outDir, `${shot.name}.png`);
    // Phones show one screenful, as a person sees it; desktop shots show the whole page.
    await page.screenshot({ path: file, fullPage: !shot.viewport });
    if (errors.length) throw new Error(`${shot.name}: errors in the page:\n${errors.join("\n")}`);
    console.log(`saved ${file}`);
  } finally {
    await context.close();
  }
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const only = process.argv.slice(2);
    for (const shot of shots) if (!only.length || only.includes(shot.name)) await take(browser, server.url, shot);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
