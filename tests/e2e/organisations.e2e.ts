import { describe, expect, it } from "@jest/globals";
import { apiAs } from "./support/api.js";
import { DEMO, PHONE, settled } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// The organisation form: add with errors then success (place and parent
// picked), edit with a conflict, and no edit for another member's record.

const e2e = useBrowserSession();
const unique = () => Math.random().toString(36).slice(2, 8);

describe("the organisation form", () => {
  it("adds an organisation: errors named and linked first, then saved with a place and a parent", async () => {
    const p = await e2e.page(DEMO.envoy);
    await p.goto("/organisations");
    await p.getByRole("link", { name: "Add an organisation" }).click();
    await p.getByRole("heading", { level: 1, name: "Add an organisation" }).waitFor();

    await p.getByLabel("Website (optional)").fill("not a website");
    await p.getByRole("button", { name: "Add organisation" }).click();
    const summary = p.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter the organisation's name",
      "Select the type of organisation",
      "Enter a website address in the correct format, like https://www.example.org",
    ]);
    await summary.getByRole("link", { name: "Select the type of organisation" }).click();
    expect(await p.evaluate("document.activeElement?.id")).toBe("organisation-kind");

    const name = `Aichi Battery Cluster ${unique()}`;
    await p.getByLabel("Name", { exact: true }).fill(name);
    await p.getByLabel("Type").selectOption("TRADE_BODY");
    await p.getByLabel("Website (optional)").fill("www.aichi-battery.example.org");
    await p.getByLabel("Place (optional)").fill("Japan");
    await p.getByRole("list", { name: "Matching places" }).getByRole("button", { name: "Japan", exact: true }).click();
    await p.getByLabel("Part of (optional)").fill("Toyota");
    await p.getByRole("list", { name: "Matching organisations" }).getByRole("button").first().click();
    await p.getByRole("button", { name: /^Change organisation/ }).waitFor();
    await p.getByRole("button", { name: "Add organisation" }).click();

    await p.getByRole("heading", { level: 1, name }).waitFor();
    await p.getByText(`${name} was added.`).waitFor();
    const details = p.locator("section[aria-labelledby=details-title]");
    expect(await details.textContent()).toContain("Trade body");
    expect(await details.textContent()).toContain("Japan");
    expect(await details.getByRole("link", { name: /aichi-battery\.example\.org/ }).getAttribute("href")).toBe("https://www.aichi-battery.example.org");
    expect(await details.getByRole("link", { name: /Toyota/ }).count()).toBe(1);
  });

  it("shows a conflict when someone saved first, then saves on top of the latest version", async () => {
    const api = await apiAs(e2e.server.url, DEMO.envoy);
    const name = `Conflict Council ${unique()}`;
    const { createOrganisation: org } = await api<{ createOrganisation: { id: string; version: number } }>(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id version } }`,
      { input: { name, kind: "CITY_GOVERNMENT" } },
    );
    const p = await e2e.page(DEMO.envoy, PHONE);
    await p.goto(`/organisations/${org.id}`);
    await p.getByRole("link", { name: `Edit ${name}` }).click();
    await p.getByRole("heading", { level: 1, name: `Edit ${name}` }).waitFor();
    await p.getByLabel("About (optional)").fill("Twinned with Birmingham since 2024.");
    await p.getByLabel("Sectors (optional)").fill("automotive, ports");

    await api(`mutation($id: ID!, $v: Int!) { updateOrganisation(id: $id, version: $v, input: { sectors: ["logistics"] }) { version } }`, {
      id: org.id,
      v: org.version,
    });
    await p.getByRole("button", { name: "Save changes" }).click();
    const conflict = p.getByRole("alert").filter({ hasText: "Someone else saved this organisation while you were editing" });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("You changed: Sectors, About.");
    const overflow = await p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    expect(overflow).toBe(0);

    await conflict.getByRole("button", { name: "Reload the latest version" }).click();
    // Both changed the sectors: the form keeps the user's and says so.
    await p.getByText("Sectors was also changed by someone else.").waitFor();
    expect(await p.getByLabel("Sectors (optional)").inputValue()).toBe("automotive, ports");
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.getByText("Your changes were saved.").waitFor();
    const details = p.locator("section[aria-labelledby=details-title]");
    expect(await details.textContent()).toContain("Twinned with Birmingham since 2024.");
    expect(await details.locator(".tag").allTextContents()).toEqual(["automotive", "ports"]);
  });

  it("offers no edit for another member's organisation", async () => {
    const p = await e2e.page(DEMO.envoy);
    await p.goto("/organisations?q=Toyota");
    await settled(p);
    const others = p.locator(".record").filter({ hasNot: p.locator(".record__owner", { hasText: /^WMCA$/ }) });
    await others.first().locator(".record__title a").click();
    await p.getByRole("heading", { name: "Record" }).waitFor();
    expect(await p.getByRole("link", { name: /^Edit/ }).count()).toBe(0);
    await p.goto(`${new URL(p.url()).pathname}/edit`);
    await p.getByText(/^Only editors at .*, which holds this record, can change it\.$/).waitFor();
  });
});
