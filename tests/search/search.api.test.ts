import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeInteraction,
  makeOrganisation,
  makePartnership,
  makePerson,
  makePlace,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let bob: Actor; // EDITOR at member B
let viewerA: Actor; // VIEWER at member A

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  bob = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
});
afterAll(() => server.stop());

interface Hit {
  kind: string;
  score: number;
  snippet: string;
  record: { __typename: string; id: string; name?: string; fullName?: string; subject?: string; title?: string };
}
interface SearchResult {
  search: { totalCount: number; nodes: Hit[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string }[] };
}

const SEARCH = `query($q: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
  search(query: $q, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor }
    nodes {
      kind score snippet
      record {
        __typename id
        ... on Person { fullName }
        ... on Organisation { name }
        ... on Place { name }
        ... on Partnership { name }
        ... on Visit { title }
        ... on Interaction { subject }
      }
    }
  }
}`;

async function search(q: string, actor: Actor, extra: Record<string, unknown> = {}) {
  const res = await server.gql<SearchResult>(SEARCH, { q, ...extra }, actor.token);
  expect(res.errors).toBeUndefined();
  return { ...res.data!.search, statements: res.statements };
}

/** Database ids of the hits' records, in order. */
const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1]!;
const ids = (hits: Hit[]) => hits.map((h) => rawId(h.record.id));

describe("search", () => {
  it("requires authentication", async () => {
    const res = await server.gql(SEARCH, { q: "anything" });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.search ?? null).toBeNull();
  });

  it("cannot see another member's private record: no hits, no count, no snippet, by any way of matching", async () => {
    const secret = await makePerson(server.db, alice, {
      fullName: "Zebulon Quaggafax",
      jobTitle: "Secret envoy",
      bio: "Handles the Quaggafax negotiations.",
      visibility: "PRIVATE",
    });
    await makeOrganisation(server.db, alice, { name: "Quaggafax Holdings", visibility: "PRIVATE" });
    await makePartnership(server.db, alice, { name: "Quaggafax Accord", visibility: "PRIVATE" });
    await makeVisit(server.db, alice, { title: "Quaggafax mission", visibility: "PRIVATE" });
    await makeInteraction(server.db, alice, { subject: "Quaggafax dinner", visibility: "PRIVATE" });
    // Full text, prefix, typo and substring: none of them finds the private records.
    for (const q of ["Quaggafax", "quagga", "Qaugafax", "aggafa", "Zebulon Quaggafax"]) {
      const theirs = await search(q, bob);
      expect(theirs).toMatchObject({ totalCount: 0, nodes: [] });
    }
    // The owner's member finds all five.
    const ours = await search("Quaggafax", viewerA);
    expect(ours.totalCount).toBe(5);
    expect(ids(ours.nodes)).toContain(secret.id);
    // node(id) agrees.
    const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("Person", secret.id) }, bob.token);
    expect(node.data).toEqual({ node: null });
  });

  it("decides on typo matching from visible records only: hidden exact matches change nothing", async () => {
    const visible = await makeOrganisation(server.db, bob, { name: "Gatewik Trust" });
    const before = await search("Gatewick", bob);
    expect(ids(before.nodes)).toEqual([visible.id]);
    // 60 private exact matches of another member: full text finds them, but bob cannot see them,
    // so bob's search still falls back to typo matching and returns the same single hit.
    for (let i = 0; i < 60; i++) await makeOrganisation(server.db, alice, { name: `Gatewick Holdings ${i}`, visibility: "PRIVATE" });
    const after = await search("Gatewick", bob);
    expect(after).toMatchObject({ totalCount: 1 });
    expect(ids(after.nodes)).toEqual([visible.id]);
    expect(after.nodes[0]!.score).toBe(before.nodes[0]!.score);
    // Alice's member sees its own exact matches first (word matches rank above approximate ones).
    const own = await search("Gatewick", alice, { first: 100 });
    expect(own.totalCount).toBe(60);
    expect(own.nodes.every((h) => h.score > 1)).toBe(true);
  });

  it("never matches or shows owner-only fields or another member's sensitive notes", async () => {
    const person = await makePerson(server.db, alice, {
      fullName: "Ottoline Brackenbury",
      email: "xanthippe@secret.example",
      phone: "+44 7700 900123",
      lawfulBasisNote: "Vellichor consent recorded",
    });
    const meeting = await makeInteraction(server.db, alice, {
      subject: "Brackenbury catch-up",
      notes: "Discussed the Xylophonic fund in confidence.",
      notesSensitive: true,
      personIds: [person.id],
    });
    const open = await makeInteraction(server.db, alice, { subject: "Brackenbury open meeting", notes: "Talked about Marimbatic plans." });
    // Email, phone and data-protection notes are never searchable, not even by the owner.
    for (const q of ["xanthippe", "secret.example", "900123", "Vellichor"]) {
      expect((await search(q, bob)).totalCount).toBe(0);
      expect((await search(q, alice)).totalCount).toBe(0);
    }
    // Sensitive notes: the owner's member finds them; another member neither finds nor sees them.
    expect((await search("Xylophonic", bob)).totalCount).toBe(0);
    const own = await search("Xylophonic", viewerA);
    expect(ids(own.nodes)).toEqual([meeting.id]);
    expect(own.nodes[0]!.snippet).toContain("<mark>Xylophonic</mark>");
    const theirs = await search("Brackenbury", bob, { kinds: ["INTERACTION"] });
    expect(ids(theirs.nodes).sort()).toEqual([meeting.id, open.id].sort());
    for (const hit of theirs.nodes) expect(hit.snippet).not.toMatch(/Xylophonic|confidence/);
    // Notes that are not sensitive are searchable by every member who can see the interaction.
    expect(ids((await search("Marimbatic", bob)).nodes)).toEqual([open.id]);
    // The record's own owner-only fields stay null for another member.
    const res = await server.gql<{ search: { nodes: { record: { email: string | null; phone: string | null } }[] } }>(
      `{ search(query: "Ottoline Brackenbury", kinds: [PERSON]) { nodes { record { ... on Person { email phone } } } } }`,
      {},
      bob.token,
    );
    expect(res.data?.search.nodes).toEqual([{ record: { email: null, phone: null } }]);
  });

  it("tolerates typos: Brimingham finds Birmingham, with the word marked", async () => {
    const city = await makePlace(server.db, { name: "Birmingham", countryCode: "GB" });
    const res = await search("Brimingham", bob);
    expect(ids(res.nodes)).toContain(city.id);
    const hit = res.nodes.find((h) => rawId(h.record.id) === city.id)!;
    expect(hit.kind).toBe("PLACE");
    expect(hit.snippet).toContain("<mark>Birmingham</mark>");
  });

  it("ignores accents and letter case both ways", async () => {
    const uni = await makeOrganisation(server.db, bob, { name: "Universität Osnabrück" });
    const plain = await makeOrganisation(server.db, bob, { name: "Cafe Mocambique Trading" });
    expect(ids((await search("Osnabruck", alice)).nodes)).toContain(uni.id);
    expect(ids((await search("OSNABRÜCK universitat", alice)).nodes)).toContain(uni.id);
    const res = await search("osnabrück", alice);
    expect(res.nodes.find((h) => rawId(h.record.id) === uni.id)!.snippet).toContain("<mark>Osnabrück</mark>");
    expect(ids((await search("Café Moçambique", alice)).nodes)).toContain(plain.id);
  });

  it("finds names by their Latin transliteration and in their own script", async () => {
    const tanaka = await makePerson(server.db, bob, { fullName: "田中 宏", nameLatin: "Tanaka Hiroshi", jobTitle: "Director" });
    expect(ids((await search("Hiroshi Tanaka", alice)).nodes)).toContain(tanaka.id);
    expect(ids((await search("tanaka", alice)).nodes)).toContain(tanaka.id);
    expect(ids((await search("田中", alice)).nodes)).toContain(tanaka.id);
    const ito = await makePerson(server.db, bob, { fullName: "伊藤 健太", nameLatin: "Itō Kenta" });
    expect(ids((await search("Ito Kenta", alice)).nodes)).toContain(ito.id);
  });

  it("takes %, _ and quotes literally", async () => {
    const percent = await makeOrganisation(server.db, bob, { name: "100% Renewables Wexcombe" });
    await makeOrganisation(server.db, bob, { name: "Abcd Wexcombe Holdings" });
    const underscore = await makeOrganisation(server.db, bob, { name: "a_cd Wexcombe Labs" });
    const quoted = await makePerson(server.db, bob, { fullName: "Liam O'Wexcombe" });
    // Wildcards match nothing by themselves, however many records there are.
    for (const q of ["%", "%%%", "_", "___", "%_%", "'", '"', "''"]) {
      expect((await search(q, alice)).totalCount).toBe(0);
    }
    // As part of a query they are the characters themselves.
    expect(ids((await search("a_cd", alice)).nodes)).toEqual([underscore.id]);
    expect(ids((await search("10%", alice)).nodes)).not.toContain(percent.id);
    expect(ids((await search("100% Renewables", alice)).nodes)).toEqual([percent.id]);
    // "O" is an English stop word, so every Wexcombe matches; the apostrophe name ranks first.
    expect(ids((await search("O'Wexcombe", alice)).nodes)[0]).toBe(quoted.id);
    expect(ids((await search('"Liam O\'Wexcombe', alice)).nodes)).toEqual([quoted.id]);
    expect((await search("'); drop table people; --", alice)).totalCount).toBe(0);
    expect((await search("Wexcombe", alice)).totalCount).toBe(4);
  });

  it("ranks names above titles above bios, and exact names first", async () => {
    const byName = await makePerson(server.db, bob, { fullName: "Ysolde Marchbank" });
    const byTitle = await makePerson(server.db, bob, { fullName: "Person Tee", jobTitle: "Marchbank liaison" });
    const byBio = await makePerson(server.db, bob, { fullName: "Person Bee", bio: "Worked with the Marchbank family office for years on several funds." });
    const res = await search("Marchbank", alice, { kinds: ["PERSON"] });
    expect(ids(res.nodes)).toEqual([byName.id, byTitle.id, byBio.id]);
    expect(res.nodes[0]!.score).toBeGreaterThan(res.nodes[1]!.score);
    expect(res.nodes[1]!.score).toBeGreaterThan(res.nodes[2]!.score);
    // English forms fold: "negotiating" finds "negotiations".
    const talks = await makeInteraction(server.db, bob, { subject: "Trade talks", outcome: "Negotiations on the Quillfeather plant continue." });
    expect(ids((await search("negotiating quillfeather", alice)).nodes)).toEqual([talks.id]);
  });

  it("searches every kind, or only the kinds asked for", async () => {
    const person = await makePerson(server.db, bob, { fullName: "Tobermory Vance" });
    const org = await makeOrganisation(server.db, bob, { name: "Tobermory Distillers" });
    const place = await makePlace(server.db, { name: "Tobermory", countryCode: "GB" });
    const partnership = await makePartnership(server.db, bob, { name: "Tobermory friendship link" });
    const visit = await makeVisit(server.db, bob, { title: "Mission to Tobermory" });
    const interaction = await makeInteraction(server.db, bob, { subject: "Call about Tobermory" });
    const all = await search("Tobermory", alice);
    expect(all.totalCount).toBe(6);
    expect(new Set(all.nodes.map((h) => h.kind))).toEqual(new Set(["PERSON", "ORGANISATION", "PLACE", "PARTNERSHIP", "VISIT", "INTERACTION"]));
    expect(new Set(ids(all.nodes))).toEqual(new Set([person.id, org.id, place.id, partnership.id, visit.id, interaction.id]));
    // The exact place name ranks first.
    expect(rawId(all.nodes[0]!.record.id)).toBe(place.id);
    const some = await search("Tobermory", alice, { kinds: ["ORGANISATION", "VISIT"] });
    expect(some.totalCount).toBe(2);
    expect(new Set(ids(some.nodes))).toEqual(new Set([org.id, visit.id]));
    expect(some.nodes.map((h) => h.record.__typename).sort()).toEqual(["Organisation", "Visit"]);
  });

  it("escapes HTML in snippets: only <mark> is markup", async () => {
    const org = await makeOrganisation(server.db, bob, {
      name: "Yarrowick <script>alert(1)</script> & Co",
      description: `Says "hello" & <b>bold</b> things about Yarrowick's plans.`,
    });
    const res = await search("Yarrowick", alice);
    const hit = res.nodes.find((h) => rawId(h.record.id) === org.id)!;
    expect(hit.snippet).toContain("<mark>Yarrowick</mark>");
    expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.snippet).toContain("&amp;");
  });

  it("pages stably: every hit once, in the same order on every run", async () => {
    for (let i = 0; i < 7; i++) await makeOrganisation(server.db, bob, { name: `Pagewell Trading ${i % 2 ? "Group" : "Company"}` });
    await makePerson(server.db, bob, { fullName: "Pagewell Smith" });
    const whole = await search("Pagewell", alice, { first: 50 });
    expect(whole.totalCount).toBe(8);
    const collected: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof search>> = await search("Pagewell", alice, { first: 3, after });
      expect(page.totalCount).toBe(8);
      collected.push(...ids(page.nodes));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(collected).toEqual(ids(whole.nodes));
    expect(new Set(collected).size).toBe(8);
    const again = await search("Pagewell", alice, { first: 50 });
    expect(ids(again.nodes)).toEqual(ids(whole.nodes));
    // Scores never increase down the list.
    const scores = whole.nodes.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("runs a fixed number of SQL statements, whatever the page size", async () => {
    for (let i = 0; i < 12; i++) await makePerson(server.db, bob, { fullName: `Statementia ${i}`, bio: "Statementia bio" });
    const small = await search("Statementia", alice, { first: 1 });
    const large = await search("Statementia", alice, { first: 50 });
    expect(large.nodes.length).toBe(12);
    expect(small.statements).toBe(large.statements);
    // The viewer lookup and the search itself.
    expect(large.statements).toBeLessThanOrEqual(3);
  });

  it("ranks an interaction with its notes only where the viewer may read them", async () => {
    const notes = "Long notes about the harbour, the ferries, the budget and the next steps for everyone.";
    const bare = await makeInteraction(server.db, alice, { subject: "Tidewrack review" });
    const open = await makeInteraction(server.db, alice, { subject: "Tidewrack review", notes });
    const sensitive = await makeInteraction(server.db, alice, { subject: "Tidewrack review", notes, notesSensitive: true });
    const scores = async (actor: Actor) => {
      const res = await search("Tidewrack", actor, { kinds: ["INTERACTION"] });
      expect(res.totalCount).toBe(3);
      return new Map(res.nodes.map((h) => [rawId(h.record.id), h.score]));
    };
    // Readable notes lengthen the ranked text, so the same subject ranks lower (length normalisation);
    // empty notes and notes the viewer may not read leave the score of the subject alone.
    const theirs = await scores(bob);
    expect(theirs.get(open.id)).toBeLessThan(theirs.get(bare.id)!);
    expect(theirs.get(sensitive.id)).toBe(theirs.get(bare.id));
    const own = await scores(viewerA);
    expect(own.get(sensitive.id)).toBe(own.get(open.id));
    expect(own.get(open.id)).toBeLessThan(own.get(bare.id)!);
    expect(own.get(bare.id)).toBe(theirs.get(bare.id));
  });

  it("adds typo and substring matches below 50 visible word matches, and only then, in count and pages", async () => {
    for (let i = 0; i < 49; i++) await makeOrganisation(server.db, bob, { name: `Wrenquist Holdings ${i}` });
    // Contains the query, but not as the start of a word: found by substring matching only.
    const inside = await makeOrganisation(server.db, bob, { name: "Bigwrenquistham Ltd" });
    const below = await search("Wrenquist", alice, { first: 100 });
    expect(below.totalCount).toBe(50);
    expect(ids(below.nodes).at(-1)).toBe(inside.id);
    expect(below.nodes.at(-1)!.score).toBeLessThan(1);
    // Paging crosses from the word matches to the substring match without losing or repeating a hit.
    const collected: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof search>> = await search("Wrenquist", alice, { first: 20, after });
      expect(page.totalCount).toBe(50);
      collected.push(...ids(page.nodes));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(collected).toEqual(ids(below.nodes));
    // The 50th word match: full text has found enough, so the substring match is neither listed nor counted.
    await makeOrganisation(server.db, bob, { name: "Wrenquist Holdings 49" });
    const enough = await search("Wrenquist", alice, { first: 100 });
    expect(enough.totalCount).toBe(50);
    expect(ids(enough.nodes)).not.toContain(inside.id);
    expect(enough.nodes.every((h) => h.score > 1)).toBe(true);
  });

  it("names the field on bad input", async () => {
    const empty = await server.gql(SEARCH, { q: "   " }, alice.token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
    const long = await server.gql(SEARCH, { q: "x".repeat(201) }, alice.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
    const cursor = await server.gql(SEARCH, { q: "x", after: "nonsense" }, alice.token);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
