import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, gid, makeActor, makeInteraction, makeOrganisation } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// Shared contacts: two members' contacts with a subject within 30 days of each other
// (inclusive), whatever the order and runs of each member's contacts in between.

let server: TestServer;
let a: Actor;
let b: Actor;

beforeAll(async () => {
  server = await startTestServer();
  a = await makeActor(server.db, server.config, "EDITOR");
  b = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const base = Date.now() - 200 * 86_400_000;
const at = (days: number, hours = 0) => new Date(base + days * 86_400_000 + hours * 3_600_000);

describe("shared contacts", () => {
  it("pairs contacts of different members at most 30 days apart, across runs of one member's contacts", async () => {
    const subjects: Record<string, [Actor, Date][]> = {
      "Exactly Thirty Days": [
        [a, at(0)],
        [b, at(30)],
      ],
      "Thirty Days And An Hour": [
        [a, at(0)],
        [b, at(30, 1)],
      ],
      "After A Run Of Ours": [
        [a, at(0)],
        [a, at(1)],
        [b, at(45)],
        [a, at(70)],
      ],
      "Only Ever Us": [
        [a, at(0)],
        [a, at(2)],
        [a, at(3)],
      ],
      "Same Moment": [
        [b, at(10)],
        [a, at(10)],
      ],
    };
    const ids: Record<string, string> = {};
    for (const [name, contacts] of Object.entries(subjects)) {
      const org = await makeOrganisation(server.db, a, { name });
      ids[name] = org.id;
      for (const [who, when] of contacts) await makeInteraction(server.db, who, { organisationIds: [org.id], occurredAt: when });
    }
    const res = await server.gql<{ coordinationAlerts: { kind: string; organisation: { id: string; name: string } | null }[] }>(
      `{ coordinationAlerts(first: 100) { kind organisation { id name } } }`,
      {},
      a.token,
    );
    expect(res.errors).toBeUndefined();
    const shared = res.data!.coordinationAlerts
      .filter((x) => x.kind === "SHARED_CONTACT")
      .map((x) => x.organisation!.name)
      .sort();
    expect(shared).toEqual(["After A Run Of Ours", "Exactly Thirty Days", "Same Moment"]);
    expect(gid("Organisation", ids["Exactly Thirty Days"]!)).toBe(
      res.data!.coordinationAlerts.find((x) => x.organisation?.name === "Exactly Thirty Days")!.organisation!.id,
    );
  });
});
