import { afterAll, afterEach, beforeAll, expect } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, type RunningServer, type TestPage, type Viewport, launchBrowser, newPage, signIn, startServer } from "./harness.js";

// The lifecycle every browser test file shares: one server and one Chromium per
// file, a fresh context per page, and no page may end with a console error.
// Kept apart from harness.ts, which the screenshots script loads outside Jest.

export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Tracks a page so it is closed, and its errors checked, after the test. */
  track(t: TestPage): TestPage;
  /** A new page signed in as `as`. */
  page(as: string, viewport?: Viewport): Promise<Page>;
}

export function useBrowserSession(): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
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

  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error("the server is not started yet");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("the browser is not launched yet");
      return browser;
    },
    track(t) {
      open.push(t);
      return t;
    },
    async page(as, viewport = DESKTOP) {
      const t = session.track(await newPage(session.browser, session.server.url, viewport));
      await signIn(t.page, as);
      return t.page;
    },
  };
  return session;
}
