import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { OrganisationRow, PersonRow, PlaceRow } from "../../server/db/rows.js";
import {
  type Actor,
  gid,
  makeActor,
  makeAffiliation,
  makeAlumniTie,
  makeInteraction,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

// network(centre, depth, first): the neighbourhood of a person or organisation,
// built only from records the viewer can see, bounded, in a fixed number of
// statements for a given depth.

let server: TestServer;
let wmca: Actor; // the viewer's member
let emca: Actor; // another member, with private records
let uni: Actor; // a third member that shares its records
let lyon: PlaceRow;

const MISSING = "00000000-0000-4000-8000-000000000000";
const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);

interface Node {
  id: string;
  kind: string;
  name: string;
  nameLatin: string | null;
  distance: number;
}
interface Edge {
  source: string;
  target: string;
  kind: string;
  strength: number;
  lastContactAt: string | null;
  description: string;
}
interface Network {
  centre: Node;
  nodes: Node[];
  edges: Edge[];
  depth: number;
  truncated: boolean;
}

const NETWORK = `query($c: ID!, $d: Int, $f: Int) {
  network(centre: $c, depth: $d, first: $f) {
    centre { id kind name nameLatin distance }
    nodes { id kind name nameLatin distance }
    edges { source target kind strength lastContactAt description }
    depth truncated
  }
}`;
const networkOf = (centre: string, token?: string, depth?: number, first?: number) =>
  server.gql<{ network: Network | null }>(NETWORK, { c: centre, d: depth, f: first }, token);

const names = (n: Network) => n.nodes.map((x) => x.name);
const nameOf = (n: Network, id: string) => n.nodes.find((x) => x.id === id)?.name ?? id;
const links = (n: Network) => n.edges.map((e) => `${e.kind} ${[nameOf(n, e.source), nameOf(n, e.target)].sort().join(" — ")}`).sort();

beforeAll(async () => {
  server = await startTestServer();
  wmca = await makeActor(server.db, server.config, "VIEWER", { name: "West Midlands Combined Authority" });
  emca = await makeActor(server.db, server.config, "EDITOR", { name: "East Midlands Combined County Authority" });
  uni = await makeActor(server.db, server.config, "EDITOR", { name: "University of Birmingham", kind: "UNIVERSITY" });
  lyon = await makePlace(server.db, { name: "Lyon", countryCode: "FR", latitude: 45.76, longitude: 4.84 });
});
afterAll(() => server.stop());

describe("network", () => {
  let hub: OrganisationRow;
  let director: PersonRow;

  beforeAll(async () => {
    hub = await makeOrganisation(server.db, uni, { name: "Hub Motors", kind: "COMPANY" });
    director = await makePerson(server.db, uni, { fullName: "Dana Director", email: "dana@private.example" });
    await makeAffiliation(server.db, director, hub, { role: "Director" });
    await makeInteraction(server.db, wmca, { occurredAt: at(-5), personIds: [director.id] });
    await makeInteraction(server.db, wmca, { occurredAt: at(-50), personIds: [director.id] });
    const university = await makeOrganisation(server.db, uni, { name: "Example University", kind: "UNIVERSITY" });
    await makeAlumniTie(server.db, director, university, { degree: "MBA", graduationYear: 2004 });
    const link = await makePartnership(server.db, uni, { name: "Hub–Lyon trade agreement", kind: "TRADE_AGREEMENT", leadMemberId: uni.member.id });
    await makeParty(server.db, link, { side: "UK", organisationId: hub.id });
    await makeParty(server.db, link, { placeId: lyon.id });
    const ended = await makePartnership(server.db, uni, { name: "Ended agreement", status: "ENDED" });
    await makeParty(server.db, ended, { side: "UK", organisationId: hub.id });
    await makeParty(server.db, ended, { placeId: (await makePlace(server.db, { name: "Ended City" })).id });
  });

  it("requires authentication", async () => {
    const res = await networkOf(gid("Organisation", hub.id));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.network ?? null).toBeNull();
  });

  it("cannot see another member's private record: private people, interactions, affiliations, organisations and partnerships never appear", async () => {
    const centre = await makeOrganisation(server.db, uni, { name: "Shared Centre Ltd" });
    const visible = await makePerson(server.db, uni, { fullName: "Vera Visible" });
    await makeAffiliation(server.db, visible, centre, { role: "Chair" });
    // EMCCA's private person, with a private affiliation to the centre.
    const secret = await makePerson(server.db, emca, { fullName: "Secret Okapi Person", visibility: "PRIVATE" });
    await makeAffiliation(server.db, secret, centre, { role: "Okapi adviser" });
    // EMCCA's private meeting with the centre and with a visible person.
    await makeInteraction(server.db, emca, { subject: "Okapi dinner", visibility: "PRIVATE", organisationIds: [centre.id], personIds: [visible.id] });
    // EMCCA's private organisation where the visible person sits, and its private partnership with the centre.
    const board = await makeOrganisation(server.db, emca, { name: "Hidden Okapi Board", visibility: "PRIVATE" });
    await makeAffiliation(server.db, visible, board, { role: "Board member" });
    const secretLink = await makePartnership(server.db, emca, { name: "Okapi private MoU", kind: "MOU", visibility: "PRIVATE" });
    await makeParty(server.db, secretLink, { side: "UK", organisationId: centre.id });
    await makeParty(server.db, secretLink, { placeId: (await makePlace(server.db, { name: "Okapi City" })).id });

    const res = await networkOf(gid("Organisation", centre.id), wmca.token, 2);
    expect(res.errors).toBeUndefined();
    const net = res.data!.network!;
    expect(names(net)).toEqual(["Shared Centre Ltd", "Vera Visible"]);
    expect(links(net)).toEqual(["AFFILIATION Shared Centre Ltd — Vera Visible"]);
    const text = JSON.stringify(res.data);
    for (const secretText of ["Okapi", "Hidden", emca.member.name, gid("Member", emca.member.id), gid("Person", secret.id)]) {
      expect(text).not.toContain(secretText);
    }
    expect(net.truncated).toBe(false);

    // The owner sees its own records: the same query is not blind.
    const theirs = (await networkOf(gid("Organisation", centre.id), emca.token, 2)).data!.network!;
    expect(names(theirs)).toEqual(expect.arrayContaining(["Secret Okapi Person", "Hidden Okapi Board", "Okapi City", emca.member.name]));

    // A private centre is null, exactly like a missing one.
    const hidden = await networkOf(gid("Person", secret.id), wmca.token);
    const missing = await networkOf(gid("Person", MISSING), wmca.token);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({ network: null });
    expect(missing.data).toEqual({ network: null });
  });

  it("links people, organisations, places and members with a sentence each, nearest and strongest first", async () => {
    const res = await networkOf(gid("Person", director.id), wmca.token, 2);
    expect(res.errors).toBeUndefined();
    const net = res.data!.network!;
    expect(net.centre).toEqual({ id: gid("Person", director.id), kind: "PERSON", name: "Dana Director", nameLatin: null, distance: 0 });
    expect(net.depth).toBe(2);
    expect(net.nodes.map((n) => [n.name, n.kind, n.distance])).toEqual([
      ["Dana Director", "PERSON", 0],
      [wmca.member.name, "MEMBER", 1],
      ["Hub Motors", "ORGANISATION", 1],
      ["Example University", "ORGANISATION", 1],
      ["Lyon", "PLACE", 2],
      [uni.member.name, "MEMBER", 2],
    ]);
    expect(links(net)).toEqual([
      "AFFILIATION Dana Director — Hub Motors",
      "ALUMNI Dana Director — Example University",
      `INTERACTION Dana Director — ${wmca.member.name}`,
      "PARTNERSHIP Hub Motors — Lyon",
      `PARTNERSHIP Hub Motors — ${uni.member.name}`,
      `PARTNERSHIP Lyon — ${uni.member.name}`,
    ]);
    const met = net.edges.find((e) => e.kind === "INTERACTION")!;
    expect(met).toMatchObject({ source: gid("Member", wmca.member.id), target: gid("Person", director.id), strength: 2 });
    expect(met.description).toMatch(new RegExp(`^${wmca.member.name} met Dana Director 2 times, last on \\d+ \\w+ \\d{4}\\.$`));
    expect(net.edges[0]).toBe(met);
    const descriptions = net.edges.map((e) => e.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        "Dana Director: Director at Hub Motors.",
        "Dana Director studied at Example University (MBA, 2004).",
        "Hub Motors and Lyon: Hub–Lyon trade agreement.",
      ]),
    );
    // Ended partnerships are history, not links.
    expect(JSON.stringify(net)).not.toContain("Ended");
    // No private contact details travel with a node.
    expect(JSON.stringify(net)).not.toContain("dana@private.example");
  });

  it("runs the same number of statements for a small and a large neighbourhood", async () => {
    const centre = await makeOrganisation(server.db, uni, { name: "Fan-out Org" });
    const first = await makePerson(server.db, uni, { fullName: "Fan person 0" });
    await makeAffiliation(server.db, first, centre);
    const small = await networkOf(gid("Organisation", centre.id), wmca.token, 2, 200);
    for (let n = 1; n <= 20; n++) {
      const p = await makePerson(server.db, uni, { fullName: `Fan person ${n}` });
      await makeAffiliation(server.db, p, centre, { role: "Engineer" });
      const elsewhere = await makeOrganisation(server.db, uni, { name: `Fan employer ${n}` });
      await makeAffiliation(server.db, p, elsewhere, { role: "Adviser" });
      await makeInteraction(server.db, n % 2 ? wmca : uni, { occurredAt: at(-n), personIds: [p.id], organisationIds: [elsewhere.id] });
    }
    const large = await networkOf(gid("Organisation", centre.id), wmca.token, 2, 200);
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data!.network!.nodes).toHaveLength(2);
    expect(large.data!.network!.nodes.length).toBeGreaterThan(40);
    expect(large.statements).toBe(small.statements);
    // Depth 1 is one statement fewer (one layer), however big the neighbourhood.
    const shallow = await networkOf(gid("Organisation", centre.id), wmca.token, 1, 200);
    expect(shallow.statements).toBe(large.statements - 1);
    expect(shallow.data!.network!.nodes.every((n) => n.distance <= 1)).toBe(true);
    expect(shallow.data!.network!.nodes).toHaveLength(22);
  });

  it("caps the nodes at first and says the answer is truncated", async () => {
    const all = (await networkOf(gid("Person", director.id), wmca.token, 2)).data!.network!;
    expect(all.truncated).toBe(false);
    const capped = (await networkOf(gid("Person", director.id), wmca.token, 2, 3)).data!.network!;
    expect(capped.truncated).toBe(true);
    expect(capped.nodes.map((n) => n.name)).toEqual(all.nodes.slice(0, 3).map((n) => n.name));
    const ids = new Set(capped.nodes.map((n) => n.id));
    expect(capped.edges.length).toBeGreaterThan(0);
    for (const e of capped.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const alone = (await networkOf(gid("Person", director.id), wmca.token, 1, 1)).data!.network!;
    expect(alone).toMatchObject({ nodes: [{ name: "Dana Director" }], edges: [], truncated: true });
  });

  it("rejects a depth or first out of range, and a bad centre, naming the field", async () => {
    const centre = gid("Person", director.id);
    for (const [depth, first, field] of [
      [3, undefined, "depth"],
      [0, undefined, "depth"],
      [1, 201, "first"],
      [1, 0, "first"],
    ] as const) {
      const res = await networkOf(centre, wmca.token, depth, first);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
      expect(res.errors?.[0]?.message).toContain(field);
    }
    const garbage = await networkOf("not-an-id", wmca.token);
    expect(garbage.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "centre" });
    const place = await networkOf(gid("Place", lyon.id), wmca.token);
    expect(place.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "centre" });
    expect(place.errors?.[0]?.message).toBe("centre must be the id of a Person or an Organisation.");
  });
});
