import { describe, expect, it } from "@jest/globals";
import type { Request } from "playwright-core";
import { DEMO, PHONE, newPage, signIn } from "./support/harness.js";
import { useBrowserSession } from "./support/session.js";

// "Log a contact" against the real API: a new contact and a follow-up in one
// submission, retry-safe (a failed request keeps the form and the same
// idempotency key; replaying the key does not create a second interaction).

const e2e = useBrowserSession();

interface LogBody {
  operationName: string;
  variables: { input: { idempotencyKey: string } };
}

const isLog = (r: Request) => r.url().endsWith("/graphql") && r.method() === "POST" && (r.postData() ?? "").includes('"operationName":"LogContact"');

describe("log a contact", () => {
  it("logs a new contact with a follow-up at phone width, survives a network failure, and a replay does not duplicate", async () => {
    const t = await newPage(e2e.browser, e2e.server.url, PHONE);
    e2e.track(t);
    const p = t.page;
    await signIn(p, DEMO.envoy);
    await p.goto("/log");
    await p.getByRole("heading", { name: "Log a contact" }).waitFor();

    // Submitting empty names the missing field in the error summary, linked to it.
    await p.getByRole("button", { name: "Log contact" }).click();
    const summary = p.locator(".error-summary");
    await summary.getByRole("link", { name: "Enter a subject." }).click();
    expect(await p.evaluate("document.activeElement?.id")).toBe("contact-subject");

    const suffix = Math.random().toString(36).slice(2, 8);
    const name = `Qorvath Ellindale ${suffix}`;
    await p.getByLabel("Kind").selectOption("CALL");
    await p.getByLabel("Subject").fill(`Battery supply chain call ${suffix}`);
    await p.getByLabel("Add a participant").fill(name);
    await p.getByRole("button", { name: `Create new contact “${name}”` }).click();
    await p.getByLabel("Organisation", { exact: true }).fill(`Xylophant Cells ${suffix}`);
    await p.getByLabel("Role", { exact: true }).fill("Head of partnerships");
    await p.getByLabel("Notes", { exact: true }).fill("Interested in a Midlands gigafactory site.");
    await p.getByLabel("Outcome").fill("Send site options");
    await p.getByRole("button", { name: "Add a follow-up" }).click();
    await p.getByLabel("Follow-up 1", { exact: true }).fill("Send three site options");
    await p.getByLabel("Due date for follow-up 1").fill("2027-01-15");

    // The first attempt fails in the network: the form stays, with a message.
    const keys: string[] = [];
    p.on("request", (r) => {
      if (isLog(r)) keys.push((JSON.parse(r.postData() ?? "{}") as LogBody).variables.input.idempotencyKey);
    });
    await p.route("**/graphql", async (route) => {
      if (isLog(route.request())) await route.abort("internetdisconnected");
      else await route.fallback();
    });
    await p.getByRole("button", { name: "Log contact" }).click();
    await summary.getByText(/Your entry is kept/).waitFor();
    expect(await p.getByLabel("Subject").inputValue()).toBe(`Battery supply chain call ${suffix}`);
    await p.unroute("**/graphql");
    // The e2e.browser reports the aborted request on the console; that one is expected.
    t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)));

    const sent = p.waitForRequest(isLog);
    await p.getByRole("button", { name: "Log contact" }).click();
    const request = await sent;
    const pending = p.getByRole("heading", { name: "Check these before saving" });
    const done = p.getByRole("heading", { name: /is in the meeting history/ });
    await pending.or(done).first().waitFor();
    if (await pending.isVisible()) {
      for (const radio of await p.getByLabel(/as new$/).all()) await radio.check();
      await p.getByRole("button", { name: "Confirm and log contact" }).click();
    }
    await done.waitFor();
    await p.getByRole("link", { name }).waitFor();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);

    // Replaying the same submission returns the same interaction and creates nothing.
    const authorization = request.headers().authorization ?? "";
    const body = request.postDataJSON() as LogBody;
    const replay = await p.request.post("/graphql", { headers: { authorization, "content-type": "application/json" }, data: body });
    const replayed = (await replay.json()) as { data: { logInteraction: { created: boolean; interaction: { id: string } | null } } };
    expect(replayed.data.logInteraction.created).toBe(false);

    const list = await p.request.post("/graphql", {
      headers: { authorization, "content-type": "application/json" },
      data: {
        query: "query($q: String) { people(filter: { query: $q }) { nodes { id interactions { totalCount } } } }",
        variables: { q: name },
      },
    });
    const people = ((await list.json()) as { data: { people: { nodes: { id: string; interactions: { totalCount: number } }[] } } }).data.people.nodes;
    expect(people).toHaveLength(1);
    expect(people[0]?.interactions.totalCount).toBe(1);

    // The confirmation links to the new contact.
    await p.getByRole("link", { name }).click();
    await p.getByRole("heading", { name, level: 1 }).waitFor();
  });
});
