import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { apiAs } from "./support/api.js";
import { DEMO, PHONE, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// A person's profile (who knows them, introduction paths and a request for an
// introduction) and the person form: create with errors then success, edit with
// a conflict (someone saves through the API in between), and who may edit.

const e2e = useBrowserSession();

/** Opens a person from the people list by name, as a user would. */
async function openPerson(p: Page, name: string) {
  await p.goto(`/people?q=${encodeURIComponent(name)}`);
  await settled(p);
  await p.locator(".record__title a", { hasText: name }).first().click();
  await p.getByRole("heading", { level: 1, name }).waitFor();
  await settled(p);
}

const unique = () => Math.random().toString(36).slice(2, 8);

describe("a person's profile", () => {
  it("shows who knows them and the introduction paths, and sends a request for an introduction", async () => {
    const p = await e2e.page(DEMO.envoy);
    // Helen Marsh: Derbyshire County Council's contact whom EMCCA met (demo data).
    await openPerson(p, "Helen Marsh");
    const whoKnows = p.locator("section[aria-labelledby=who-knows-title]");
    await whoKnows.getByText("East Midlands Combined County Authority").waitFor();
    expect(await whoKnows.textContent()).toContain("Demo Mayoral Adviser");
    expect(await whoKnows.textContent()).toContain("Your member has not met them yet.");
    expect(await p.getByRole("link", { name: "Network graph" }).getAttribute("href")).toMatch(/^\/network\/[\w-]+$/);
    // Another member's record: no edit button for the envoy.
    expect(await p.getByRole("link", { name: /^Edit/ }).count()).toBe(0);

    const paths = p.locator("section[aria-labelledby=paths-title]");
    const route = paths.locator(".path", { hasText: "through East Midlands Combined County Authority" }).first();
    await route.waitFor();
    await route.getByRole("button", { name: "Request introduction to Helen Marsh from East Midlands Combined County Authority" }).click();
    // Sending without a message names the field in the error summary, linked to it.
    await route.getByRole("button", { name: "Send request" }).click();
    await route.locator(".error-summary").getByRole("link", { name: "Enter a message for East Midlands Combined County Authority" }).click();
    expect(await p.evaluate("document.activeElement?.id")).toBe("introduction-message");

    const message = `We are hosting a battery supply-chain roundtable ${unique()} and would value Helen's view.`;
    await route.getByLabel("Message to East Midlands Combined County Authority").fill(message);
    await route.getByRole("button", { name: "Send request" }).click();
    await route.getByRole("heading", { name: "Introduction requested from East Midlands Combined County Authority" }).waitFor();
    expect(await route.textContent()).toContain("introduce you to Helen Marsh");

    // EMCCA's side: a private follow-up with the message.
    const emcca = await apiAs(e2e.server.url, DEMO.mayor);
    const { followUps } = await emcca<{ followUps: { nodes: { title: string; notes: string | null; visibility: string }[] } }>(
      `{ followUps(filter: { ownedByMe: true, status: OPEN }, first: 100) { nodes { title notes visibility } } }`,
    );
    const request = followUps.nodes.find((f) => f.notes?.startsWith(message));
    expect(request).toMatchObject({ title: "Introduction request from West Midlands Combined Authority: Helen Marsh", visibility: "PRIVATE" });
  });

  it("another member's person cannot be edited, even at the edit address", async () => {
    const p = await e2e.page(DEMO.envoy);
    await openPerson(p, "Helen Marsh");
    await p.goto(`${new URL(p.url()).pathname}/edit`);
    await p.getByText("Only editors at Derbyshire County Council, which holds this record, can change it.").waitFor();
    expect(await p.locator("form.record-form").count()).toBe(0);
  });
});

describe("the person form", () => {
  it("adds a person: errors named and linked first, then saved with consent, an affiliation and private visibility", async () => {
    const p = await e2e.page(DEMO.envoy);
    await p.goto("/people");
    await p.getByRole("link", { name: "Add a person" }).click();
    await p.getByRole("heading", { level: 1, name: "Add a person" }).waitFor();

    await p.getByLabel("Email address (optional)").fill("not-an-email");
    await p.getByLabel("Consent", { exact: true }).check();
    await p.getByRole("button", { name: "Add person" }).click();
    const summary = p.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter the person's full name",
      "Enter an email address in the correct format, like name@example.com",
      "Enter the date consent was given",
    ]);
    expect(await p.locator("#person-email-error").textContent()).toContain("Enter an email address in the correct format");
    await summary.getByRole("link", { name: "Enter the person's full name" }).click();
    expect(await p.evaluate("document.activeElement?.id")).toBe("person-full-name");

    const name = `Chidinma Okafor ${unique()}`;
    await p.getByLabel("Full name").fill(name);
    await p.getByLabel("Job title (optional)").fill("Director of investment");
    await p.getByLabel("Email address (optional)").fill("chidinma@example.org");
    await p.getByLabel("Date consent was given").fill("2026-01-15");
    await p.getByRole("button", { name: "Add an organisation" }).click();
    await p.getByLabel("Organisation", { exact: true }).fill("Toyota");
    await p.getByRole("list", { name: "Matching organisations" }).getByRole("button").first().click();
    await p.getByRole("button", { name: /^Change organisation/ }).waitFor();
    await p.getByLabel("Role (optional)").fill("Adviser");
    await p.getByLabel("WMCA only").check();
    await p.getByRole("button", { name: "Add person" }).click();

    await p.getByRole("heading", { level: 1, name }).waitFor();
    await p.getByText(`${name} was added.`).waitFor();
    expect(await p.locator(".page-actions .badge").textContent()).toContain("Private");
    const privatePanel = p.locator(".panel--private");
    expect(await privatePanel.textContent()).toContain("chidinma@example.org");
    expect(await privatePanel.textContent()).toContain("Consent");
    expect(await p.locator("section[aria-labelledby=affiliations-title]").textContent()).toMatch(/Toyota.* – Adviser/);
  });

  it("shows a conflict when someone saved first, reloads with the user's changes kept, and saves", async () => {
    const api = await apiAs(e2e.server.url, DEMO.envoy);
    const name = `Conflict Contact ${unique()}`;
    const { createPerson } = await api<{ createPerson: { id: string; version: number } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version } }`,
      { input: { fullName: name, jobTitle: "Consul" } },
    );
    const p = await e2e.page(DEMO.envoy);
    await p.goto(`/people/${createPerson.id}`);
    await p.getByRole("link", { name: `Edit ${name}` }).click();
    await p.getByRole("heading", { level: 1, name: `Edit ${name}` }).waitFor();
    await p.getByLabel("Job title (optional)").fill("Consul General");

    // A colleague saves the same person through the API while the form is open.
    await api(`mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, input: { bio: "Posted to Birmingham in 2025." }) { version } }`, {
      id: createPerson.id,
      v: createPerson.version,
    });
    await p.getByRole("button", { name: "Save changes" }).click();
    const conflict = p.getByRole("alert").filter({ hasText: "Someone else saved this person while you were editing" });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("You changed: Job title.");
    expect(await p.evaluate("document.activeElement?.classList.contains('conflict')")).toBe(true);

    await conflict.getByRole("button", { name: "Reload the latest version" }).click();
    await p.getByText("The form now shows the latest version, with your changes on top.").waitFor();
    expect(await p.getByLabel("Biography (optional)").inputValue()).toBe("Posted to Birmingham in 2025.");
    expect(await p.getByLabel("Job title (optional)").inputValue()).toBe("Consul General");

    await p.getByRole("button", { name: "Save changes" }).click();
    await p.getByText("Your changes were saved.").waitFor();
    const details = p.locator("section[aria-labelledby=details-title]");
    expect(await details.textContent()).toContain("Consul General");
    expect(await details.textContent()).toContain("Posted to Birmingham in 2025.");
  });

  it("works at 360 px: the profile and the form do not scroll sideways", async () => {
    const p = await e2e.page(DEMO.envoy, PHONE);
    const overflow = () => p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    await openPerson(p, "Helen Marsh");
    await p.locator("section[aria-labelledby=paths-title] .path").first().waitFor();
    expect({ screen: "profile", overflow: await overflow() }).toEqual({ screen: "profile", overflow: 0 });
    await p.goto("/people/new");
    await p.getByRole("button", { name: "Add an organisation" }).click();
    await p.getByLabel("Consent", { exact: true }).check();
    await p.getByRole("button", { name: "Add person" }).click();
    await p.locator(".error-summary").waitFor();
    expect({ screen: "form", overflow: await overflow() }).toEqual({ screen: "form", overflow: 0 });
  });
});
