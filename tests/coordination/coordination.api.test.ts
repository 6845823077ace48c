import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { PlaceRow } from "../../server/db/rows.js";
import {
  type Actor,
  gid,
  makeActor,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeOpportunity,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePlace,
  makePriority,
  makeVisit,
} from "../support/factories.js";
import { type TestServer, startTestServer } from "../support/server.js";

let server: TestServer;
let wmca: Actor; // EDITOR at the viewer's member
let wmcaViewer: Actor;
let emca: Actor; // EDITOR at another member with private records
let uni: Actor; // EDITOR at a third member
let mumbai: PlaceRow;
let india: PlaceRow;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);

const ALERT = `key kind severity message date members { id name } place { id name } organisation { id name } person { id name }
  partnership { id name } followUp { id name } visit { id name } otherVisit { id name }`;
interface Alert {
  key: string;
  kind: string;
  severity: string;
  message: string;
  date: string | null;
  members: { id: string; name: string }[];
  place: { name: string } | null;
  organisation: { name: string } | null;
  person: { name: string } | null;
  partnership: { name: string } | null;
  followUp: { name: string } | null;
  visit: { name: string } | null;
  otherVisit: { name: string } | null;
}
const alertsOf = (token?: string, first?: number) =>
  server.gql<{ coordinationAlerts: Alert[] }>(`query($first: Int) { coordinationAlerts(first: $first) { ${ALERT} } }`, { first }, token);

beforeAll(async () => {
  server = await startTestServer();
  wmca = await makeActor(server.db, server.config, "EDITOR", { name: "West Midlands Combined Authority" });
  wmcaViewer = await makeColleague(server.db, server.config, wmca, "VIEWER");
  emca = await makeActor(server.db, server.config, "EDITOR", { name: "East Midlands Combined County Authority" });
  uni = await makeActor(server.db, server.config, "EDITOR", { name: "University of Birmingham", kind: "UNIVERSITY" });
  india = await makePlace(server.db, { kind: "COUNTRY", name: "India", countryCode: "IN" });
  mumbai = await makePlace(server.db, { name: "Mumbai", countryCode: "IN", parentId: india.id });
});
afterAll(() => server.stop());

describe("coordinationAlerts", () => {
  it("requires authentication", async () => {
    const res = await alertsOf();
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.coordinationAlerts ?? null).toBeNull();
  });

  it("cannot see another member's private record: a private trip warns with the member and the city only", async () => {
    const ours = await makeVisit(server.db, wmca, { title: "Mumbai trade mission", startsOn: day(20), endsOn: day(24), destinationIds: [mumbai.id] });
    await makeVisit(server.db, emca, {
      title: "Covert Okapi visit",
      objectives: "Secret objectives",
      startsOn: day(30),
      endsOn: day(31),
      visibility: "PRIVATE",
      destinationIds: [mumbai.id],
      memberIds: [uni.member.id],
    });
    // A private organisation contacted by both members raises nothing; a visible one does, without the private details.
    const hidden = await makeOrganisation(server.db, emca, { name: "Hidden Okapi Holdings", visibility: "PRIVATE" });
    const port = await makeOrganisation(server.db, uni, { name: "Port of Mumbai Authority", placeId: mumbai.id });
    await makeInteraction(server.db, wmca, { subject: "Port call", occurredAt: at(-5), organisationIds: [port.id] });
    await makeInteraction(server.db, emca, {
      subject: "Okapi secret port talks",
      notes: "Secret figures",
      occurredAt: at(-9),
      visibility: "PRIVATE",
      organisationIds: [port.id, hidden.id],
    });
    await makeInteraction(server.db, wmca, { subject: "Hidden call", occurredAt: at(-3), organisationIds: [] });
    await makeFollowUp(server.db, emca, { title: "Okapi overdue secret", dueOn: day(-10) });
    const secretLink = await makePartnership(server.db, emca, { name: "Okapi secret partnership", signedOn: "2000-01-01", visibility: "PRIVATE", leadMemberId: wmca.member.id });
    await makeParty(server.db, secretLink, { placeId: mumbai.id });

    const res = await alertsOf(wmcaViewer.token, 100);
    expect(res.errors).toBeUndefined();
    const text = JSON.stringify(res.data);
    for (const secret of ["Okapi", "Secret", "Hidden", uni.member.name]) expect(text).not.toContain(secret);
    const travel = res.data!.coordinationAlerts.filter((a) => a.kind === "OVERLAPPING_TRAVEL");
    expect(travel).toEqual([
      expect.objectContaining({
        severity: "HIGH",
        members: [{ id: gid("Member", wmca.member.id), name: wmca.member.name }, { id: gid("Member", emca.member.id), name: emca.member.name }],
        place: { id: gid("Place", mumbai.id), name: "Mumbai" },
        visit: { id: gid("Visit", ours.id), name: "Mumbai trade mission" },
        otherVisit: null,
      }),
    ]);
    expect(travel[0]!.message).toContain(`${emca.member.name} is also travelling to Mumbai`);
    const contacts = res.data!.coordinationAlerts.filter((a) => a.kind === "SHARED_CONTACT");
    expect(contacts).toEqual([
      expect.objectContaining({
        organisation: { id: gid("Organisation", port.id), name: "Port of Mumbai Authority" },
        members: [{ id: gid("Member", emca.member.id), name: emca.member.name }, { id: gid("Member", wmca.member.id), name: wmca.member.name }],
      }),
    ]);
    expect(contacts[0]!.message).toContain("both contacted Port of Mumbai Authority within 30 days");

    // The other member sees its own side, with our visit (NETWORK) named and dated.
    const theirs = await alertsOf(emca.token, 100);
    const seen = theirs.data!.coordinationAlerts.find((a) => a.kind === "OVERLAPPING_TRAVEL")!;
    expect(seen.otherVisit).toEqual({ id: gid("Visit", ours.id), name: "Mumbai trade mission" });
    expect(seen.message).toContain("Mumbai trade mission");
    expect(theirs.data!.coordinationAlerts.map((a) => a.kind)).toContain("OVERDUE_FOLLOW_UP");
  });

  it("warns of dormant partnerships, anniversaries and renewals in the next 90 days, and overdue follow-ups, most urgent first", async () => {
    const member = await makeActor(server.db, server.config, "EDITOR");
    const city = await makePlace(server.db, { name: "Lyon", countryCode: "FR" });
    const cityOrg = await makeOrganisation(server.db, member, { name: "Métropole de Lyon", placeId: city.id });
    const signed = new Date(Date.now() + 20 * 86_400_000);
    signed.setUTCFullYear(signed.getUTCFullYear() - 25);
    const dormant = await makePartnership(server.db, member, { name: "Dormant link", signedOn: "1990-06-01" });
    await makeParty(server.db, dormant, { placeId: city.id });
    const lively = await makePartnership(server.db, member, { name: "Lively link", signedOn: signed.toISOString().slice(0, 10), renewalDueOn: day(45) });
    await makeParty(server.db, lively, { organisationId: cityOrg.id });
    await makeInteraction(server.db, member, { subject: "Lyon catch-up", occurredAt: at(-30), organisationIds: [cityOrg.id] });
    await makePartnership(server.db, member, { name: "Ended link", status: "ENDED", signedOn: "1990-06-01" });
    await makeFollowUp(server.db, member, { title: "Overdue task", dueOn: day(-2), assigneeId: member.user.id });
    await makeFollowUp(server.db, member, { title: "Future task", dueOn: day(5) });
    await makeFollowUp(server.db, member, { title: "Done task", dueOn: day(-5), status: "DONE" });

    const res = await alertsOf(member.token);
    expect(res.errors).toBeUndefined();
    const alerts = res.data!.coordinationAlerts;
    expect(alerts.map((a) => [a.kind, a.partnership?.name ?? a.followUp?.name])).toEqual([
      ["OVERDUE_FOLLOW_UP", "Overdue task"],
      ["RENEWAL_DUE", "Lively link"],
      ["ANNIVERSARY", "Lively link"],
      ["DORMANT_PARTNERSHIP", "Dormant link"],
    ]);
    expect(alerts[2]!.message).toBe(`Lively link: 25th anniversary on ${alerts[2]!.date!.slice(8, 10).replace(/^0/, "")} ${new Date(`${alerts[2]!.date}T00:00:00Z`).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${alerts[2]!.date!.slice(0, 4)}.`);
    expect(alerts[2]!.date).toBe(day(20));
    expect(alerts[1]!.date).toBe(day(45));

    const limited = await alertsOf(member.token, 2);
    expect(limited.data!.coordinationAlerts.map((a) => a.kind)).toEqual(["OVERDUE_FOLLOW_UP", "RENEWAL_DUE"]);
    const bad = await alertsOf(member.token, 0);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("runs a constant number of statements however many alerts there are", async () => {
    const member = await makeActor(server.db, server.config, "EDITOR");
    const few = await alertsOf(member.token);
    for (let n = 0; n < 8; n++) {
      const place = await makePlace(server.db, { name: `Alert city ${n}`, countryCode: "DE" });
      const org = await makeOrganisation(server.db, uni, { name: `Alert org ${n}`, placeId: place.id });
      await makeVisit(server.db, member, { startsOn: day(10 + n), endsOn: day(12 + n), destinationIds: [place.id] });
      await makeVisit(server.db, uni, { startsOn: day(11 + n), endsOn: day(13 + n), destinationIds: [place.id] });
      await makeInteraction(server.db, member, { occurredAt: at(-n - 1), organisationIds: [org.id] });
      await makeInteraction(server.db, uni, { occurredAt: at(-n - 2), organisationIds: [org.id] });
      const link = await makePartnership(server.db, member, { name: `Alert link ${n}`, signedOn: "1990-01-01", renewalDueOn: day(30 + n) });
      await makeParty(server.db, link, { placeId: place.id });
      await makeFollowUp(server.db, member, { dueOn: day(-n - 1) });
    }
    const many = await alertsOf(member.token, 100);
    expect(many.errors).toBeUndefined();
    expect(many.data!.coordinationAlerts.length).toBeGreaterThan(30);
    expect(many.statements).toBe(few.statements);
  });
});

describe("engagementByPriority", () => {
  const REPORT = `query($from: Date!, $to: Date!) { engagementByPriority(from: $from, to: $to) {
    from to
    priorities { priority { name } scope countryCode sector weight total { interactions visits opportunities opportunityValueGbp opportunityJobs }
      byMember { member { name } counts { interactions visits opportunities opportunityValueGbp } } }
    markets { countryCode country nationalPriorityWeight total { interactions visits opportunities } byMember { member { name } counts { interactions visits } } }
    sectors { sector nationalPriorityWeight total { interactions opportunities } }
  } }`;
  interface Counts {
    interactions: number;
    visits: number;
    opportunities: number;
    opportunityValueGbp?: number;
    opportunityJobs?: number;
  }
  interface Report {
    priorities: { priority: { name: string }; total: Counts; byMember: { member: { name: string }; counts: Counts }[] }[];
    markets: { countryCode: string; country: string | null; nationalPriorityWeight: number | null; total: Counts; byMember: { member: { name: string }; counts: Counts }[] }[];
    sectors: { sector: string; nationalPriorityWeight: number | null; total: Counts }[];
  }
  const report = (from: string, to: string, token?: string) => server.gql<{ engagementByPriority: Report }>(REPORT, { from, to }, token);

  it("requires authentication", async () => {
    const res = await report(day(-10), day(0));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts per priority, market and sector, per member and network-wide, from the records you can see only", async () => {
    const nation = await makeActor(server.db, server.config, "EDITOR", { name: "Engagement Unit", kind: "NETWORK_UNIT" });
    const kenya = await makePlace(server.db, { kind: "COUNTRY", name: "Kenya", countryCode: "KE" });
    const nairobi = await makePlace(server.db, { name: "Nairobi", countryCode: "KE", parentId: kenya.id });
    await makePriority(server.db, nation, { name: "Kenya market", scope: "NATIONAL", countryCode: "KE", weight: 9 });
    await makePriority(server.db, nation, { name: "Agri-tech", scope: "NATIONAL", countryCode: null, sector: "agri-tech", weight: 6 });
    await makePriority(server.db, emca, { name: "Okapi private priority", scope: "MEMBER", countryCode: "KE", visibility: "PRIVATE" });
    const farm = await makeOrganisation(server.db, nation, { name: "Nairobi Example Farms", placeId: nairobi.id, sectors: ["agri-tech"] });
    await makeInteraction(server.db, wmca, { occurredAt: at(-200), placeId: nairobi.id, organisationIds: [farm.id] });
    await makeInteraction(server.db, uni, { occurredAt: at(-199), placeId: nairobi.id, themes: ["Agri-tech"] });
    await makeInteraction(server.db, emca, { occurredAt: at(-198), placeId: nairobi.id, visibility: "PRIVATE", themes: ["agri-tech"] });
    await makeInteraction(server.db, wmca, { occurredAt: at(-900), placeId: nairobi.id });
    await makeVisit(server.db, wmca, { startsOn: day(-210), endsOn: day(-205), destinationIds: [nairobi.id], memberIds: [uni.member.id] });
    await makeVisit(server.db, emca, { startsOn: day(-210), endsOn: day(-205), destinationIds: [nairobi.id], visibility: "PRIVATE" });
    await makeOpportunity(server.db, uni, { organisationId: farm.id, sector: "agri-tech", capitalValueGbp: 2_000_000, jobs: 12, landOn: day(-100) });
    await makeOpportunity(server.db, emca, { organisationId: farm.id, capitalValueGbp: 9_000_000, visibility: "PRIVATE", landOn: day(-100) });

    const res = await report(day(-365), day(0), wmca.token);
    expect(res.errors).toBeUndefined();
    const r = res.data!.engagementByPriority;
    expect(JSON.stringify(r)).not.toContain("Okapi");
    const kenyaP = r.priorities.find((p) => p.priority.name === "Kenya market")!;
    expect(kenyaP.total).toEqual({ interactions: 2, visits: 1, opportunities: 1, opportunityValueGbp: 2_000_000, opportunityJobs: 12 });
    const byMember = Object.fromEntries(kenyaP.byMember.map((m) => [m.member.name, m.counts]));
    expect(byMember[wmca.member.name]).toEqual({ interactions: 1, visits: 1, opportunities: 0, opportunityValueGbp: 0 });
    expect(byMember[uni.member.name]).toEqual({ interactions: 1, visits: 1, opportunities: 1, opportunityValueGbp: 2_000_000 });
    expect(byMember[emca.member.name]).toBeUndefined();
    const agri = r.priorities.find((p) => p.priority.name === "Agri-tech")!;
    expect(agri.total).toMatchObject({ interactions: 2, opportunities: 1 });
    const market = r.markets.find((m) => m.countryCode === "KE")!;
    expect(market).toMatchObject({ country: "Kenya", nationalPriorityWeight: 9, total: { interactions: 2, visits: 1, opportunities: 1 } });
    expect(r.sectors.find((s) => s.sector === "agri-tech")).toMatchObject({ nationalPriorityWeight: 6, total: { interactions: 2, opportunities: 1 } });

    // The owner member counts its private records too.
    const own = await report(day(-365), day(0), emca.token);
    const ownKenya = own.data!.engagementByPriority.markets.find((m) => m.countryCode === "KE")!;
    expect(ownKenya.total).toMatchObject({ interactions: 3, visits: 2, opportunities: 2 });
  });

  it("validates the period, and runs a constant number of statements", async () => {
    const reversed = await report(day(0), day(-10), wmca.token);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const long = await report(day(-2000), day(0), wmca.token);
    expect(long.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    const few = await report(day(-30), day(0), wmca.token);
    for (let n = 0; n < 10; n++) {
      const place = await makePlace(server.db, { name: `Engagement city ${n}`, countryCode: ["BR", "MX", "AR"][n % 3]! });
      await makeInteraction(server.db, wmca, { occurredAt: at(-n - 1), placeId: place.id, themes: ["agri-tech"] });
      await makeVisit(server.db, uni, { startsOn: day(-n - 2), endsOn: day(-n - 1), destinationIds: [place.id] });
      await makePriority(server.db, wmca, { name: `Market ${n}`, countryCode: ["BR", "MX", "AR"][n % 3]! });
    }
    const many = await report(day(-30), day(0), wmca.token);
    expect(many.data!.engagementByPriority.markets.length).toBeGreaterThan(few.data!.engagementByPriority.markets.length);
    expect(many.statements).toBe(few.statements);
  });
});
