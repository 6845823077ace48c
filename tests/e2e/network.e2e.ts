import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { DEMO, PHONE, type Viewport, settled, waitUntil } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// The network graph against the real API and the demo network: cytoscape on a
// canvas, introduction paths highlighted on it (checked in its pixels), and
// the lists that carry the same for keyboard and screen-reader users.

const e2e = useBrowserSession();
const page = (as: string, viewport?: Viewport) => e2e.page(as, viewport);

/** Pixels of the introduction-path colour (#d4351c) on the graph's canvases. */
const PATH_PIXELS = `(() => {
  let n = 0;
  for (const canvas of document.querySelectorAll(".network__canvas canvas")) {
    const ctx = canvas.getContext("2d");
    if (!ctx || !canvas.width || !canvas.height) continue;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - 212) < 10 && Math.abs(data[i + 1] - 53) < 10 && Math.abs(data[i + 2] - 28) < 10) n++;
    }
  }
  return n;
})()`;
const pathPixels = async (p: Page) => Number(await p.evaluate(PATH_PIXELS));

/** A demo person's page, found as a user would: the people list, filtered by name. */
async function openPerson(p: Page, name: string): Promise<string> {
  await p.goto(`/people?q=${encodeURIComponent(name)}`);
  await settled(p);
  await p.getByRole("link", { name, exact: true }).first().click();
  await p.waitForURL(/\/people\/[^/]+$/);
  return decodeURIComponent(new URL(p.url()).pathname.split("/").pop() ?? "");
}

describe("network graph", () => {
  it("shows the network around a demo person with the introduction path highlighted, and the same as text", async () => {
    const p = await page(DEMO.envoy);
    const id = await openPerson(p, "Jana Weber");
    await p.goto(`/network/${encodeURIComponent(id)}`);
    await settled(p);
    await p.getByRole("heading", { name: "Network around Jana Weber", level: 1 }).waitFor();
    expect(await p.locator(".network__canvas canvas").count()).toBeGreaterThan(0);
    expect(await p.getByRole("img", { name: /^Network graph around Jana Weber: / }).count()).toBe(1);

    // Her employer and GMCA, who met her, are one hop away.
    const lists = p.locator(".network__lists");
    await lists.getByRole("link", { name: "Regionalverband Ruhr" }).waitFor();
    await lists.getByText("Greater Manchester Combined Authority met Jana Weber once", { exact: false }).first().waitFor();

    // The path from WMCA: ask GMCA, who met her.
    const paths = p.locator(".path-list__item");
    await paths.first().getByText("Ask Greater Manchester Combined Authority: 2 hops").waitFor();
    await paths.first().getByText("Greater Manchester Combined Authority is a fellow member of the network: ask them for an introduction.").waitFor();
    const highlight = p.getByLabel("Highlight introduction paths");
    expect(await highlight.isChecked()).toBe(true);
    await waitUntil("the path is drawn", async () => (await pathPixels(p)) > 200);

    // Off: no path colour left on the canvas; on again: back.
    await highlight.uncheck();
    await waitUntil("the path is gone", async () => (await pathPixels(p)) === 0);
    await highlight.check();
    await waitUntil("the path is drawn again", async () => (await pathPixels(p)) > 200);
    const only = paths.first().getByRole("button", { name: "Show only this path on the graph" });
    await only.click();
    await paths.first().getByRole("button", { name: "Show every path on the graph" }).waitFor();
    expect(await pathPixels(p)).toBeGreaterThan(200);

    // Keyboard users select a node from the list; its links are described beside the graph.
    await lists.getByRole("button", { name: "Show in graph: Regionalverband Ruhr" }).click();
    const details = p.locator(".network__details");
    await details.getByRole("heading", { name: "Regionalverband Ruhr" }).waitFor();
    await details.getByText("Jana Weber: International Relations at Regionalverband Ruhr.").waitFor();
    await details.getByRole("link", { name: "Centre the network here" }).click();
    await p.waitForURL(/\/network\/[^/]+$/);
    await settled(p);
    await p.getByRole("heading", { name: "Network around Regionalverband Ruhr", level: 1 }).waitFor();
    await p.getByText("Introduction paths are found for people", { exact: false }).waitFor();
  });

  it("goes two hops out on request, and is reached from a partnership's organisation", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/partnerships/list?q=Toyota+City+Partnership");
    await settled(p);
    await p.getByRole("link", { name: "Toyota City Partnership" }).click();
    await settled(p);
    await p.getByRole("link", { name: "Network around Toyota City Government" }).click();
    await p.waitForURL(/\/network\/[^/]+$/);
    await settled(p);
    const summary = p.locator(".network__summary");
    expect(await summary.textContent()).toMatch(/^\d+ nodes and \d+ links within one hop of Toyota City Government\.$/);
    const oneHop = Number((await summary.textContent())?.match(/^\d+/)?.[0]);
    await p.getByLabel("How far").selectOption("2");
    await waitUntil("the summary says two hops", async () => ((await summary.textContent()) ?? "").includes("within two hops"));
    await settled(p);
    const twoHops = Number((await summary.textContent())?.match(/^\d+/)?.[0]);
    expect(twoHops).toBeGreaterThan(oneHop);
    await p.getByRole("heading", { name: /^Two hops away/ }).waitFor();
  });

  it("says so for a record that does not exist or cannot be seen", async () => {
    const p = await page(DEMO.envoy);
    await p.goto("/network/UGVyc29uOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA");
    await p.getByRole("heading", { name: "No network to show" }).waitFor();
  });

  it("fits a 360 px screen without sideways scrolling", async () => {
    const p = await page(DEMO.envoy, PHONE);
    const id = await openPerson(p, "Jana Weber");
    await p.goto(`/network/${encodeURIComponent(id)}`);
    await settled(p);
    await p.locator(".network__canvas canvas").first().waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
  });
});
