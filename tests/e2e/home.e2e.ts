import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { DEMO, PHONE, type Viewport, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// The home screen against the real API and the demo network: my follow-ups
// (marked done for real), upcoming visits, coordination alerts (dismissed on
// this browser), recent network activity, and each panel's empty and error states.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);
const panel = (p: Page, name: string) => p.getByRole("region", { name, exact: true });

async function home(p: Page) {
  await p.goto("/");
  await settled(p);
}

describe("home", () => {
  it("lists my open follow-ups overdue first, and 'Mark done' closes one and its overdue alert", async () => {
    const p = await page(DEMO.envoy);
    await home(p);
    const followUps = panel(p, "My open follow-ups");
    const title = "Prepare a site options pack for Marine Drive Example Capital";
    await followUps.locator(".home-item__title", { hasText: title }).waitFor();
    expect(await followUps.locator(".home-item").first().textContent()).toContain("Overdue: due 20 March 2026");
    // It came from a meeting: the panel says which.
    expect(await followUps.textContent()).toContain("Marine Drive Example Capital: logistics platform in the Midlands");
    const alerts = panel(p, "Coordination alerts");
    expect(await alerts.textContent()).toContain(`Overdue since 20 March 2026: ${title}`);

    await followUps.getByRole("button", { name: `Mark done for ${title}` }).click();
    await followUps.getByRole("status").getByText(`“${title}” is marked as done.`).waitFor();
    await followUps.getByText("Nothing assigned to you is open.").waitFor();
    expect(await alerts.textContent()).not.toContain(title);

    // Done on the server, not just hidden.
    await home(p);
    await panel(p, "My open follow-ups").getByText("Nothing assigned to you is open.").waitFor();
    expect(await panel(p, "Coordination alerts").textContent()).not.toContain(title);
  });

  it("dismisses a coordination alert, remembers it after a reload, and restores it", async () => {
    const p = await page(DEMO.mayor);
    await home(p);
    const alerts = panel(p, "Coordination alerts");
    const first = alerts.locator(".alert").first();
    const message = (await first.locator(".home-item__title").textContent()) ?? "";
    expect(message.length).toBeGreaterThan(10);
    // Severity is said in words, and the alert links to the records it is about.
    expect(await first.locator(".severity").textContent()).toMatch(/^(High|Medium|Low) severity$/);

    await first.getByRole("button", { name: /^Dismiss alert:/ }).click();
    await alerts.getByText("Alert dismissed.", { exact: false }).waitFor();
    expect(await alerts.locator(".alert .home-item__title").allTextContents()).not.toContain(message);
    const stored = JSON.parse(String(await p.evaluate("JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('entente.dismissedAlerts.')))"))) as [string, string][];
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]?.[1] ?? "[]")).toHaveLength(1);

    await home(p);
    const again = panel(p, "Coordination alerts");
    await again.locator(".alert").first().waitFor();
    expect(await again.locator(".alert .home-item__title").allTextContents()).not.toContain(message);
    await again.getByText("1 dismissed alert").click();
    await again.getByRole("button", { name: `Restore alert: ${message}` }).click();
    await again.locator(".alert .home-item__title", { hasText: message }).waitFor();
    expect(await again.getByText("1 dismissed alert").count()).toBe(0);
  });

  it("links alerts to the records they are about", async () => {
    const p = await page(DEMO.mayor);
    await home(p);
    const alerts = panel(p, "Coordination alerts");
    const more = alerts.getByRole("button", { name: /^Show \d+ more alerts?$/ });
    if (await more.count()) await more.click();
    const link = alerts.locator(".alert__links a").first();
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/(people|organisations|partnerships|visits)\/.+/);
    await link.click();
    await p.waitForURL((url) => url.pathname === href);
    await settled(p);
    expect(await p.locator("h1").textContent()).not.toMatch(/not found/i);
  });

  it("shows recent network activity the viewer may see: another member's private meeting only to its owner", async () => {
    const privateMeeting = "Marine Drive Example Capital: logistics platform in the Midlands";
    const envoy = await page(DEMO.envoy);
    await home(envoy);
    const activity = panel(envoy, "Recent network activity");
    const item = activity.locator(".home-item", { hasText: privateMeeting });
    await item.waitFor();
    expect(await item.locator(".badge").textContent()).toContain("Private");
    // Newest first.
    const dates = await activity.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);

    const mayor = await page(DEMO.mayor);
    await home(mayor);
    const theirs = panel(mayor, "Recent network activity");
    await theirs.locator(".home-item").first().waitFor();
    expect(await theirs.textContent()).not.toContain(privateMeeting);

    // Participants link to their profiles.
    const person = theirs.locator("a[href^='/people/']").first();
    const href = (await person.getAttribute("href")) ?? "";
    await person.click();
    await mayor.waitForURL((url) => url.pathname === href);
  });

  it("gives each panel its own loading and error state, with 'Try again'", async () => {
    const p = await page(DEMO.envoy);
    // The alerts fail once; the activity answers slowly. The other panels are unaffected.
    let failAlerts = true;
    await p.route("**/graphql", async (route) => {
      const op = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
      if (op === "CoordinationAlerts" && failAlerts) {
        await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ errors: [{ message: "Simulated outage.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }) });
        return;
      }
      if (op === "RecentActivity") await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await p.goto("/");
    await p.getByText("Loading recent activity…").waitFor();
    const alerts = panel(p, "Coordination alerts");
    await alerts.getByRole("alert").getByText("Coordination alerts could not be loaded").waitFor();
    expect(await alerts.textContent()).toContain("Simulated outage.");
    await panel(p, "My open follow-ups").locator(".home-item, .muted").first().waitFor();
    await settled(p);
    await panel(p, "Recent network activity").locator(".home-item").first().waitFor();

    failAlerts = false;
    await alerts.getByRole("button", { name: "Try again" }).click();
    await alerts.locator(".alert").first().waitFor();
    expect(await alerts.getByRole("alert").count()).toBe(0);
  });

  it("says so when there is nothing to show: no follow-ups assigned, no visits coming up", async () => {
    const p = await page(DEMO.admin);
    await home(p);
    await panel(p, "My open follow-ups").getByText("Nothing assigned to you is open.").waitFor();
    // The demo visits are all in the past.
    await panel(p, "Upcoming visits").getByText("No visits you can see in the next four months.", { exact: false }).waitFor();
    await panel(p, "Upcoming visits").getByRole("link", { name: "plan a visit" }).waitFor();
  });

  it("fits a 360 px phone without sideways scrolling", async () => {
    const p = await page(DEMO.envoy, PHONE);
    await home(p);
    await panel(p, "Recent network activity").locator(".home-item").first().waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
  });
});
