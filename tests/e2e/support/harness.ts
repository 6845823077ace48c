import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";

// The browser tests drive Debian's Chromium (apt package `chromium`) against the
// real server, started as `npm start` would: tsx server/main.ts, embedded PGlite
// in a fresh data folder, demo data, and the built client.

export const root = fileURLToPath(new URL("../../../", import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const DEMO_PASSWORD = "entente-demo";
export const DEMO = {
  envoy: "envoy@wmca.demo",
  university: "intl@bham.demo",
  mayor: "mayor.office@emca.demo",
  admin: "admin@entente.demo",
} as const;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Builds client/dist if it is missing or stale (the same step `npm start` runs). */
export function ensureClient(): void {
  const result = spawnSync(process.execPath, [join(root, "scripts", "ensure-client.mjs")], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("Building the web client failed (scripts/ensure-client.mjs).");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The real server on a free port with a fresh embedded database and demo data. */
export async function startServer(): Promise<RunningServer> {
  ensureClient();
  const dataDir = await mkdtemp(join(tmpdir(), "entente-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DEMO_DATA: "true",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const child: ChildProcess = spawn(tsx, ["server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  // Migrating and seeding a fresh embedded database takes ~15 s on an idle two-core machine.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      // Demo data is loaded before the server listens, so ready means seeded.
      if (res.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The server did not become ready within 180 s:\n${output}`);
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { width: 1280, height: 860 };
export const PHONE: Viewport = { width: 360, height: 780 };

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors in the page: tests expect none. */
  errors: string[];
}

export async function newPage(browser: Browser, baseURL: string, viewport: Viewport = DESKTOP): Promise<TestPage> {
  const context = await browser.newContext({ baseURL, viewport, locale: "en-GB", timezoneId: "Europe/London", reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors };
}

/** Signs in through the form, as a person would, and waits for the app. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.locator("header nav[aria-label=Main]").waitFor({ state: "attached" });
}

/** Waits until the screen has its data: no loading message, no list still updating, no request in flight. */
export async function settled(page: Page): Promise<void> {
  await page.locator(".loading").first().waitFor({ state: "detached" });
  await page.locator("[aria-busy=true]").first().waitFor({ state: "detached" });
  await page.waitForLoadState("networkidle");
}

/** Polls from Node (the app's Content-Security-Policy forbids waitForFunction's eval in the page). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
