import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { DEMO, PHONE, type Viewport, newPage, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// The screens against the real API with the demo network: lists, filters,
// profiles, the admin's users, and every screen at 360 px.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);


const count = async (p: Page) => Number((await p.locator("#results-count").textContent())?.match(/^[\d,]+/)?.[0]?.replace(/,/g, "") ?? NaN);

describe("people", () => {
  it("filters by name as you type, keeps the filter in the address, and clears it", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/people");
    await settled(p);
    const all = await count(p);
    const first = (await p.locator(".record__title a").first().textContent()) ?? "";
    const word = first.split(/[\s(]/)[0] ?? "";
    await p.getByLabel("Name").fill(word);
    await p.waitForURL((url) => url.searchParams.get("q") === word);
    await settled(p);
    expect(await count(p)).toBeGreaterThan(0);
    expect(await count(p)).toBeLessThanOrEqual(all);
    for (const title of await p.locator(".record__title").allTextContents()) expect(title.toLowerCase()).toContain(word.toLowerCase());

    await p.getByLabel("Name").fill("zzzz-nobody-has-this-name");
    await p.getByText("No people match these filters").waitFor();

    await p.getByRole("button", { name: "Clear filters" }).click();
    await settled(p);
    expect(await p.getByLabel("Name").inputValue()).toBe("");
    expect(await count(p)).toBe(all);
  });

  it("'only my member's records' shows the envoy's own contacts, whose profiles include the owner-only details", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/people");
    await settled(p);
    await p.getByLabel("Only my member's records").check();
    await p.waitForURL((url) => url.searchParams.get("mine") === "1");
    await settled(p);
    const owners = await p.locator(".record__owner").allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(["WMCA"]));

    await p.locator(".record__title a").first().click();
    await p.getByRole("heading", { name: "Record" }).waitFor();
    expect(await p.locator(".detail-side").textContent()).toContain("West Midlands Combined Authority");
    await p.getByRole("heading", { name: "Contact and data protection" }).waitFor();
    expect(await p.locator(".panel--private").textContent()).toContain("Only WMCA can see these details.");
  });

  it("another member's contact shows no owner-only details", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/people");
    await settled(p);
    const others = p.locator(".record").filter({ hasNot: p.locator(".record__owner", { hasText: /^WMCA$/ }) });
    await others.first().locator(".record__title a").click();
    await p.getByRole("heading", { name: "Record" }).waitFor();
    expect(await p.getByRole("heading", { name: "Contact and data protection" }).count()).toBe(0);
    expect(await p.locator("a[href^='mailto:']").count()).toBe(0);
  });

  it("links a profile's affiliations to the organisation, and an unknown id is 'not found'", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/people");
    await settled(p);
    const withOrg = p.locator(".record").filter({ has: p.locator(".record__line") });
    await withOrg.first().locator(".record__title a").click();
    await p.getByRole("heading", { name: "Affiliations" }).waitFor();
    const orgLink = p.locator("section[aria-labelledby=affiliations-title] a").first();
    if (await orgLink.count()) {
      const name = await orgLink.textContent();
      await orgLink.click();
      await p.getByRole("heading", { level: 1, name: name ?? "" }).waitFor();
      await p.getByRole("heading", { name: "People" }).waitFor();
    }
    await p.goto("/people/UGVyc29uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA");
    await p.getByText("No such person").waitFor();
    await p.goto("/people/garbage");
    await p.getByText("No such person").waitFor();
  });
});

describe("organisations and places", () => {
  it("filters organisations by type", async () => {
    const p = await page(DEMO.university);
    await p.goto("/organisations");
    await settled(p);
    await p.getByLabel("Type").selectOption("UNIVERSITY");
    await p.waitForURL((url) => url.searchParams.get("kind") === "UNIVERSITY");
    await settled(p);
    const kinds = await p.locator(".record .record__line:not(.record__line--muted)").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["University"]));
  });

  it("lists places with a country filter", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/places");
    await settled(p);
    const country = p.locator("#filter-country");
    await country.locator("option").nth(1).waitFor({ state: "attached" });
    const value = await country.locator("option").nth(1).getAttribute("value");
    const label = await country.locator("option").nth(1).textContent();
    await country.selectOption(value ?? "");
    await p.waitForURL((url) => url.searchParams.get("country") === value);
    await settled(p);
    const countries = await p.locator("td[data-label=Country]").allTextContents();
    expect(countries.length).toBeGreaterThan(0);
    expect(new Set(countries).size).toBe(1);
    expect(label).toBeTruthy();
  });
});

describe("admin: the member's users", () => {
  it("adds a user (with field errors first), changes the role and disables the account", async () => {
    const p = await page(DEMO.admin);
    await p.getByRole("link", { name: "Users" }).click();
    await p.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await settled(p);

    const form = p.locator("section[aria-labelledby=new-user-title]");
    await form.getByLabel("Email address").fill("not-an-email");
    await form.getByLabel("Full name").fill("Ada Example");
    await form.getByLabel("Starting password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    const summary = form.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Password must be at least 10 characters"]);

    await form.getByLabel("Starting password").fill("a long enough password");
    await form.getByRole("button", { name: "Add user" }).click();
    await summary.getByRole("link", { name: /Email address must be an email address/ }).waitFor();
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#new-user-email");

    const email = `ada.${Date.now()}@entente.demo`;
    await form.getByLabel("Email address").fill(email);
    await form.getByLabel("Role").selectOption("VIEWER");
    await form.getByRole("button", { name: "Add user" }).click();
    const row = p.locator(".user").filter({ hasText: email });
    await row.waitFor();
    expect(await row.locator(".badge").allTextContents()).toEqual(["Viewer", "Active"]);
    expect(await form.getByLabel("Email address").inputValue()).toBe("");

    await row.getByLabel("Role of Ada Example").selectOption("EDITOR");
    await row.getByRole("button", { name: "Change role of Ada Example" }).click();
    await row.locator(".badge", { hasText: "Editor" }).waitFor();
    await p.getByText("Ada Example is now editor.").waitFor({ state: "attached" });

    await row.getByRole("button", { name: "Disable Ada Example" }).click();
    await row.locator(".badge", { hasText: "Disabled" }).waitFor();
    await row.getByRole("button", { name: "Enable Ada Example" }).waitFor();

    // The disabled account cannot sign in.
    const other = await newPage(e2e.browser, e2e.server.url);
    e2e.track(other);
    await other.page.goto("/sign-in");
    await other.page.getByLabel("Email address").fill(email);
    await other.page.getByLabel("Password").fill("a long enough password");
    await other.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await other.page.getByText("Email or password is incorrect.").first().waitFor();
  });

  it("is not offered to editors", async () => {
    const p = await page(DEMO.envoy);
    expect(await p.getByRole("link", { name: "Users" }).count()).toBe(0);
    await p.goto("/admin/users");
    await p.getByText("Only admins can manage users.").waitFor();
  });
});

describe("at 360 px", () => {
  const paths = ["/", "/people", "/organisations", "/places", "/log", "/alumni", "/visits", "/search?q=India"];
  it("nothing scrolls sideways and the menu opens and closes", async () => {
    const p = await page(DEMO.envoy, PHONE);
    for (const path of paths) {
      await p.goto(path);
      await settled(p);
      const overflow = await p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    const menu = p.getByRole("button", { name: "Menu" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await p.getByRole("link", { name: "People" }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await p.getByRole("link", { name: "People" }).click();
    await p.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
  });
});
