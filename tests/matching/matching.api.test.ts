import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Actor, gid, makeActor, makeColleague, makeOrganisation, makePerson, makePlace } from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let alice: Actor; // EDITOR at member A
let viewerA: Actor; // VIEWER at member A
let bob: Actor; // EDITOR at member B

beforeAll(async () => {
  server = await startTestServer();
  alice = await makeActor(server.db, server.config, "EDITOR");
  viewerA = await makeColleague(server.db, server.config, alice, "VIEWER");
  bob = await makeActor(server.db, server.config, "EDITOR");
});
afterAll(() => server.stop());

const PEOPLE = `query($name: String, $email: String, $org: String, $country: String, $first: Int) {
  personMatches(name: $name, email: $email, organisationName: $org, countryCode: $country, first: $first) {
    score reasons person { id fullName } } }`;
const ORGS = `query($name: String!, $country: String, $first: Int) {
  organisationMatches(name: $name, countryCode: $country, first: $first) { score reasons organisation { id name } } }`;

type PersonMatches = { personMatches: { score: number; reasons: string[]; person: { id: string; fullName: string } }[] };
type OrganisationMatches = { organisationMatches: { score: number; reasons: string[]; organisation: { id: string; name: string } }[] };

const personMatches = async (vars: Record<string, unknown>, token: string) => {
  const res = await server.gql<PersonMatches>(PEOPLE, vars, token);
  expect(res.errors).toBeUndefined();
  return res.data!.personMatches;
};
const organisationMatches = async (vars: Record<string, unknown>, token: string) => {
  const res = await server.gql<OrganisationMatches>(ORGS, vars, token);
  expect(res.errors).toBeUndefined();
  return res.data!.organisationMatches;
};
const ids = (list: { person?: { id: string }; organisation?: { id: string } }[]) => list.map((m) => (m.person ?? m.organisation)!.id);

describe("personMatches", () => {
  it("requires authentication", async () => {
    const res = await server.gql(PEOPLE, { name: "Anyone" });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
    const orgs = await server.gql(ORGS, { name: "Anything" });
    expect(orgs.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot see another member's private record, nor match on another member's contact details", async () => {
    const secret = await makePerson(server.db, alice, { fullName: "Gwendolyn Ashcombe-Fairley", visibility: "PRIVATE" });
    const shared = await makePerson(server.db, alice, { fullName: "Shared Contact Pemberton", email: "pemberton@shared.example" });
    const secretOrg = await makeOrganisation(server.db, alice, { name: "Ashcombe-Fairley Ventures", visibility: "PRIVATE" });
    expect(await personMatches({ name: "Gwendolyn Ashcombe-Fairley" }, bob.token)).toEqual([]);
    expect(await organisationMatches({ name: "Ashcombe-Fairley Ventures" }, bob.token)).toEqual([]);
    // Email is owner-only: another member can neither match on it nor learn it through a match.
    expect(await personMatches({ email: "pemberton@shared.example" }, bob.token)).toEqual([]);
    // The owner member finds all three.
    expect(ids(await personMatches({ name: "gwendolyn ashcombe fairley" }, viewerA.token))).toEqual([gid("Person", secret.id)]);
    expect(ids(await organisationMatches({ name: "Ashcombe Fairley Ventures" }, viewerA.token))).toEqual([gid("Organisation", secretOrg.id)]);
    expect(await personMatches({ email: "Pemberton@Shared.example" }, viewerA.token)).toEqual([
      { score: 1, reasons: ["EMAIL"], person: { id: gid("Person", shared.id), fullName: "Shared Contact Pemberton" } },
    ]);
    // A private organisation does not lend its name to boost a NETWORK person for another member.
    const affiliated = await makePerson(server.db, alice, { fullName: "Orlando Vexley" });
    await server.gql(
      `mutation($id: ID!, $org: ID!) { updatePerson(id: $id, version: 1, input: { affiliations: [{ organisationId: $org }] }) { id } }`,
      { id: gid("Person", affiliated.id), org: gid("Organisation", secretOrg.id) },
      alice.token,
    );
    const forBob = await personMatches({ name: "Orlando Vexley", org: "Ashcombe-Fairley Ventures" }, bob.token);
    expect(forBob.map((m) => m.reasons)).toEqual([["NAME"]]);
    const forOwner = await personMatches({ name: "Orlando Vexley", org: "Ashcombe-Fairley Ventures" }, viewerA.token);
    expect(forOwner.map((m) => m.reasons)).toEqual([["NAME", "ORGANISATION"]]);
  });

  it("ignores case, accents and word order", async () => {
    const tanaka = await makePerson(server.db, bob, { fullName: "TANAKA Hiroshi" });
    const muller = await makePerson(server.db, bob, { fullName: "José Müller-Łukasiewicz" });
    for (const name of ["Hiroshi Tanaka", "hiroshi TANAKA", "Tanaka, Hiroshi"]) {
      const found = await personMatches({ name }, alice.token);
      expect([name, found[0]]).toEqual([name, { score: 0.85, reasons: ["NAME"], person: { id: gid("Person", tanaka.id), fullName: "TANAKA Hiroshi" } }]);
    }
    for (const name of ["jose muller-lukasiewicz", "JOSE MULLER LUKASIEWICZ", "Lukasiewicz José Muller"]) {
      const found = await personMatches({ name }, alice.token);
      expect([name, ids(found.slice(0, 1))]).toEqual([name, [gid("Person", muller.id)]]);
    }
  });

  it("finds a name written in another script by its Latin transliteration, and by the same words in any order", async () => {
    const kanji = await makePerson(server.db, bob, { fullName: "田中 宏", nameLatin: "Tanaka Hiroshi" });
    const byLatin = await personMatches({ name: "Hiroshi Tanaka" }, alice.token);
    expect(byLatin.find((m) => m.person.id === gid("Person", kanji.id))).toEqual({
      score: 0.85,
      reasons: ["LATIN_NAME"],
      person: { id: gid("Person", kanji.id), fullName: "田中 宏" },
    });
    for (const name of ["田中 宏", "宏 田中", "田中　宏"]) {
      expect([name, ids(await personMatches({ name }, alice.token))]).toEqual([name, [gid("Person", kanji.id)]]);
    }
  });

  it("tolerates small typos and ranks closer names first", async () => {
    const exact = await makePerson(server.db, bob, { fullName: "Siobhan Macnamara" });
    const near = await makePerson(server.db, bob, { fullName: "Siobhan Macnamarra-Doyle" });
    const found = await personMatches({ name: "Siobhan McNamara" }, alice.token);
    expect(ids(found)).toEqual([gid("Person", exact.id), gid("Person", near.id)]);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
    expect(ids(await personMatches({ name: "Siobahn Macnamara" }, alice.token))[0]).toBe(gid("Person", exact.id));
    // Unrelated names are not offered.
    expect(await personMatches({ name: "Bartholomew Quigley" }, alice.token)).toEqual([]);
  });

  it("ranks by organisation and country among people of the same name, and leaves archived records out", async () => {
    const osaka = await makePlace(server.db, { countryCode: "JP", name: "Osaka" });
    const lyon = await makePlace(server.db, { countryCode: "FR", name: "Lyon" });
    const org = await makeOrganisation(server.db, bob, { name: "Kansai Robotics Association", placeId: osaka.id });
    const plain = await makePerson(server.db, bob, { fullName: "Yuki Morimoto" });
    const inFrance = await makePerson(server.db, bob, { fullName: "Yuki Morimoto", placeId: lyon.id });
    const atOrg = await makePerson(server.db, bob, { fullName: "Yuki Morimoto" });
    await server.gql(
      `mutation($id: ID!, $org: ID!) { updatePerson(id: $id, version: 1, input: { affiliations: [{ organisationId: $org, role: "Chair" }] }) { id } }`,
      { id: gid("Person", atOrg.id), org: gid("Organisation", org.id) },
      bob.token,
    );
    await makePerson(server.db, bob, { fullName: "Yuki Morimoto", archivedAt: new Date() });
    const found = await personMatches({ name: "Morimoto Yuki", org: "Kansai Robotics Assoc", country: "jp" }, alice.token);
    expect(found.map((m) => [m.person.id, m.score, m.reasons])).toEqual([
      [gid("Person", atOrg.id), 1, ["NAME", "ORGANISATION", "COUNTRY"]],
      // Equal scores and names: in id order.
      ...[plain, inFrance].sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => [gid("Person", p.id), 0.85, ["NAME"]]),
    ]);
    expect(await personMatches({ name: "Yuki Morimoto", first: 1 }, alice.token)).toHaveLength(1);
  });

  it("names the failing argument", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, "name"],
      [{ name: "  " }, "name"],
      [{ name: "x", email: "nope" }, "email"],
      [{ name: "x", country: "Japan" }, "countryCode"],
      [{ name: "x", first: 0 }, "first"],
      [{ name: "x", first: 21 }, "first"],
    ];
    for (const [vars, field] of cases) {
      const res = await server.gql(PEOPLE, vars, alice.token);
      expect([field, res.errors?.[0]?.extensions]).toEqual([field, { code: "BAD_USER_INPUT", field }]);
    }
    const org = await server.gql(ORGS, { name: "", first: 5 }, alice.token);
    expect(org.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "name" });
  });
});

describe("organisationMatches", () => {
  it("requires authentication", async () => {
    const res = await server.gql(ORGS, { name: "Anything At All" });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
  });

  it("cannot see another member's private record", async () => {
    const secret = await makeOrganisation(server.db, bob, { name: "Hollowmere Sovereign Fund", visibility: "PRIVATE" });
    expect(await organisationMatches({ name: "Hollowmere Sovereign Fund" }, alice.token)).toEqual([]);
    expect(await organisationMatches({ name: "hollowmere sovereign fund" }, bob.token)).toEqual([
      { score: 0.9, reasons: ["NAME"], organisation: { id: gid("Organisation", secret.id), name: "Hollowmere Sovereign Fund" } },
    ]);
  });

  it("finds organisations by name, Latin name, accents, typos and word order, boosted by country", async () => {
    const osaka = await makePlace(server.db, { countryCode: "JP" });
    const lyon = await makePlace(server.db, { countryCode: "FR" });
    const toyota = await makeOrganisation(server.db, bob, { name: "豊田市役所", nameLatin: "Toyota City Hall", placeId: osaka.id });
    const lyonUni = await makeOrganisation(server.db, bob, { name: "Université Claude Bernard Lyon", placeId: lyon.id });
    expect(ids(await organisationMatches({ name: "toyota city hall" }, alice.token))).toEqual([gid("Organisation", toyota.id)]);
    expect(ids(await organisationMatches({ name: "豊田市役所" }, alice.token))).toEqual([gid("Organisation", toyota.id)]);
    expect(ids(await organisationMatches({ name: "Universite Claude Bernard Lyon" }, alice.token))).toEqual([gid("Organisation", lyonUni.id)]);
    expect(ids(await organisationMatches({ name: "Claude Bernard University Lyon" }, alice.token))).toContain(gid("Organisation", lyonUni.id));
    expect(ids(await organisationMatches({ name: "Universté Claude Bernad Lyon" }, alice.token))).toEqual([gid("Organisation", lyonUni.id)]);
    const boosted = await organisationMatches({ name: "Toyota City Hall", country: "JP" }, alice.token);
    expect(boosted[0]).toMatchObject({ score: 1, reasons: ["LATIN_NAME", "COUNTRY"] });
  });

  it("keeps the statement count fixed whatever the number of candidates", async () => {
    for (let i = 0; i < 8; i++) await makeOrganisation(server.db, bob, { name: `Midlands Aerospace Cluster ${i}` });
    const one = await server.gql<OrganisationMatches>(ORGS, { name: "Midlands Aerospace Cluster", first: 1 }, alice.token);
    const many = await server.gql<OrganisationMatches>(ORGS, { name: "Midlands Aerospace Cluster", first: 20 }, alice.token);
    expect(one.data?.organisationMatches).toHaveLength(1);
    expect(many.data?.organisationMatches).toHaveLength(8);
    expect(many.statements).toBe(one.statements);
  });
});
