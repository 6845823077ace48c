import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { DEMO, DEMO_PASSWORD, type RunningServer, type TestPage, launchBrowser, newPage, signIn, startServer } from "./support/harness.js";

let server: RunningServer;
let browser: Browser;
let t: TestPage;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(async () => {
  t = await newPage(browser, server.url);
});
afterEach(async () => {
  await t?.context.close();
  expect(t.errors).toEqual([]);
});

const activeElement = (expression: string) => t.page.evaluate(`document.activeElement?.${expression} ?? null`);

describe("signing in", () => {
  it("signs in as the trade envoy and shows the people list it asked for", async () => {
    const { page } = t;
    await page.goto("/people");
    await page.waitForURL("**/sign-in");
    await page.getByLabel("Email address").fill(DEMO.envoy);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/people");
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    await page.locator(".record").first().waitFor();
    expect(await page.locator(".record").count()).toBeGreaterThan(0);
    expect(await page.locator("#results-count").textContent()).toMatch(/^\d+ (person|people)$/);
    expect(await page.locator(".header__user-name").textContent()).toBe("Demo Trade Envoy");
    expect(await page.title()).toBe("People – Entente");
  });

  it("lists the demo accounts; choosing one fills in the form", async () => {
    const { page } = t;
    await page.goto("/sign-in");
    await page.getByRole("button", { name: /admin@entente\.demo/ }).click();
    expect(await page.getByLabel("Email address").inputValue()).toBe(DEMO.admin);
    expect(await page.getByLabel("Password").inputValue()).toBe(DEMO_PASSWORD);
    expect(await activeElement("textContent")).toBe("Sign in");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Welcome, Demo Network Administrator" }).waitFor();
    expect(await page.getByRole("link", { name: "Users" }).count()).toBe(1);
  });

  it("a wrong password shows an error summary that names the field and moves focus to it", async () => {
    const { page } = t;
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(DEMO.envoy);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    expect(await activeElement("className")).toBe("error-summary");
    const link = summary.getByRole("link", { name: "Email or password is incorrect." });
    expect(await link.getAttribute("href")).toBe("#email");
    expect(await page.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#email-error").textContent()).toBe("Error: Email or password is incorrect.");
    expect(await page.title()).toBe("Error: Sign in – Entente");
    await link.click();
    expect(await activeElement("id")).toBe("email");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("an empty form lists each missing field", async () => {
    const { page } = t;
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Enter your email address", "Enter your password"]);
    expect(await page.getByLabel("Password").getAttribute("aria-describedby")).toBe("password-error");
  });
});

describe("the session", () => {
  it("survives a reload (the refresh token is exchanged) and ends on sign-out", async () => {
    const { page } = t;
    await signIn(page, DEMO.envoy, DEMO_PASSWORD, "/organisations");
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    expect(await page.evaluate("localStorage.getItem('entente.refreshToken') !== null")).toBe(true);

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/organisations");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("status").filter({ hasText: "You have signed out." }).waitFor();
    expect(await page.evaluate("localStorage.getItem('entente.refreshToken')")).toBeNull();

    await page.goto("/people");
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { level: 1, name: "Sign in to Entente" }).waitFor();
  });

  it("moves focus to the new page's heading after navigating", async () => {
    const { page } = t;
    await signIn(page, DEMO.envoy);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisations" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    expect(await activeElement("id")).toBe("page-heading");
  });
});
