import type { PlaceRow, VisitRow } from "../../server/db/rows.js";
import {
  type Actor,
  makeActor,
  makeAffiliation,
  makeAlumniTie,
  makeColleague,
  makeFollowUp,
  makeInteraction,
  makeInvestorProfile,
  makeOpportunity,
  makeOrganisation,
  makeParty,
  makePartnership,
  makePerson,
  makePlace,
  makePriority,
  makeVisit,
} from "../support/factories.js";
import type { TestServer } from "../support/server.js";

// The India mission, built with factories: the West Midlands members (WMCA, a
// university, the trade envoy office) and another member (EMCCA) with private records.

export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);
export const MISSING = "00000000-0000-4000-8000-000000000000";

export interface IndiaMission {
  /** EDITOR at the West Midlands Combined Authority, and a VIEWER colleague. */
  wmca: Actor;
  wmcaViewer: Actor;
  /** EDITOR at the University of Birmingham. */
  uni: Actor;
  /** EDITOR at the trade envoy office. */
  dbt: Actor;
  /** EDITOR at another member with private records in Mumbai. */
  emca: Actor;
  india: PlaceRow;
  mumbai: PlaceRow;
  ahmedabad: PlaceRow;
  bengaluru: PlaceRow;
  tokyo: PlaceRow;
  mission: VisitRow;
  emcaSecretVisit: VisitRow;
}

export async function buildIndiaMission(server: TestServer): Promise<IndiaMission> {
  const db = server.db;
  const wmca = await makeActor(db, server.config, "EDITOR", { name: "West Midlands Combined Authority" });
  const wmcaViewer = await makeColleague(db, server.config, wmca, "VIEWER");
  const uni = await makeActor(db, server.config, "EDITOR", { name: "University of Birmingham", kind: "UNIVERSITY" });
  const dbt = await makeActor(db, server.config, "EDITOR", { name: "DBT Midlands Trade Envoy Office", kind: "GOVERNMENT_UNIT" });
  const emca = await makeActor(db, server.config, "EDITOR", { name: "East Midlands Combined County Authority" });

  const india = await makePlace(db, { kind: "COUNTRY", name: "India", countryCode: "IN" });
  const mumbai = await makePlace(db, { name: "Mumbai", countryCode: "IN", parentId: india.id });
  const ahmedabad = await makePlace(db, { name: "Ahmedabad", countryCode: "IN", parentId: india.id });
  const bengaluru = await makePlace(db, { name: "Bengaluru", countryCode: "IN", parentId: india.id });
  const tokyo = await makePlace(db, { name: "Tokyo", countryCode: "JP" });

  const mission = await makeVisit(db, wmca, {
    title: "West Midlands mission to India",
    startsOn: day(30),
    endsOn: day(35),
    status: "CONFIRMED",
    objectives: "Promote the Investment Zone to Indian investors.",
    destinationIds: [ahmedabad.id, mumbai.id, bengaluru.id],
    memberIds: [wmca.member.id, uni.member.id, dbt.member.id],
  });

  const sabarmati = await makeOrganisation(db, wmca, { name: "Sabarmati Example Ventures", kind: "INVESTOR", placeId: ahmedabad.id, sectors: ["health and life sciences"] });
  const bdhc = await makeOrganisation(db, dbt, { name: "British Deputy High Commission Mumbai", kind: "DIPLOMATIC_POST", placeId: mumbai.id });
  const uob = await makeOrganisation(db, uni, { name: "University of Birmingham (organisation)", kind: "UNIVERSITY" });
  const mumbaiGov = await makeOrganisation(db, wmca, { name: "Municipal Corporation of Greater Mumbai", kind: "CITY_GOVERNMENT", placeId: mumbai.id });
  const birminghamCc = await makeOrganisation(db, wmca, { name: "Birmingham City Council", kind: "CITY_GOVERNMENT" });
  const aarav = await makePerson(db, wmca, {
    fullName: "Aarav Example",
    jobTitle: "Managing Partner",
    placeId: ahmedabad.id,
    bio: "Founder of a life sciences fund. ".repeat(30),
    email: "aarav@private.example",
    phone: "+91 22 5555 0100",
  });
  await makeAffiliation(db, aarav, sabarmati, { role: "Managing Partner" });
  const alumna = await makePerson(db, uni, { fullName: "Priya Alumna", placeId: mumbai.id, jobTitle: "Venture partner" });
  await makeAlumniTie(db, alumna, uob, { degree: "MBA", graduationYear: 2009 });
  await makeInvestorProfile(db, uni, { personId: alumna.id }, { investorType: "ANGEL", ticketMaxGbp: 500_000, sectors: ["health and life sciences"] });

  // The West Midlands members' interactions in India: the pack must list them.
  const sabarmatiMeeting = await makeInteraction(db, wmca, {
    subject: "Sabarmati: life sciences co-investment",
    occurredAt: at(-40),
    placeId: ahmedabad.id,
    outcome: "Agreed to receive the Investment Zone prospectus.",
    personIds: [aarav.id],
    organisationIds: [sabarmati.id],
  });
  await makeInteraction(db, uni, {
    subject: "Alumni reception, Mumbai",
    occurredAt: at(-20),
    placeId: mumbai.id,
    notes: "Sensitive: alumni gift pledges discussed.",
    notesSensitive: true,
    personIds: [alumna.id],
    organisationIds: [uob.id, bdhc.id],
  });
  await makeInteraction(db, dbt, { subject: "FTA briefing at the Deputy High Commission", occurredAt: at(-15), placeId: mumbai.id, organisationIds: [bdhc.id] });
  // Out of scope: another country, and too long ago.
  await makeInteraction(db, wmca, { subject: "Tokyo call about batteries", occurredAt: at(-10), placeId: tokyo.id });
  await makeInteraction(db, wmca, { subject: "Ancient Mumbai meeting", occurredAt: at(-1000), placeId: mumbai.id });

  // Another member's private world in Mumbai: none of it may appear, but its trip warns.
  const secretOrg = await makeOrganisation(db, emca, { name: "Okapi Secret Holdings", placeId: mumbai.id, visibility: "PRIVATE" });
  const secretPerson = await makePerson(db, emca, { fullName: "Zanzibar Hiddenperson", placeId: mumbai.id, visibility: "PRIVATE" });
  await makeInteraction(db, emca, {
    subject: "Okapi private negotiation",
    occurredAt: at(-12),
    placeId: mumbai.id,
    visibility: "PRIVATE",
    notes: "Confidential figures",
    personIds: [secretPerson.id, aarav.id],
    organisationIds: [secretOrg.id, bdhc.id],
  });
  await makeOpportunity(db, emca, { title: "Okapi secret opportunity", organisationId: bdhc.id, visibility: "PRIVATE" });
  await makeFollowUp(db, emca, { title: "Okapi secret follow-up", organisationId: bdhc.id, visibility: "PRIVATE" });
  const emcaSecretVisit = await makeVisit(db, emca, {
    title: "Okapi covert trade visit",
    startsOn: day(33),
    endsOn: day(38),
    visibility: "PRIVATE",
    objectives: "Secret objectives",
    destinationIds: [mumbai.id],
  });

  // Partnership, follow-ups, opportunities and priorities there.
  const link = await makePartnership(db, wmca, { name: "Birmingham–Mumbai friendship", kind: "FRIENDSHIP", signedOn: "2016-01-01", leadMemberId: wmca.member.id });
  await makeParty(db, link, { side: "UK", organisationId: birminghamCc.id });
  await makeParty(db, link, { side: "INTERNATIONAL", placeId: mumbai.id });
  await makeInteraction(db, wmca, { subject: "Call with Mumbai's municipal corporation", occurredAt: at(-100), placeId: mumbai.id, organisationIds: [mumbaiGov.id] });
  await makeFollowUp(db, wmca, { title: "Send the prospectus to Sabarmati", dueOn: day(-3), interactionId: sabarmatiMeeting.id, assigneeId: wmca.user.id });
  await makeFollowUp(db, uni, { title: "Share the spinout pipeline with Mumbai alumni", dueOn: day(10), personId: alumna.id });
  await makeFollowUp(db, wmca, { title: "Brief the mayor before departure", dueOn: day(25), visitId: mission.id });
  await makeOpportunity(db, wmca, { title: "Sabarmati co-investment", organisationId: sabarmati.id, personId: aarav.id, stage: "ACTIVE", sector: "health and life sciences", capitalValueGbp: 15_000_000 });
  await makeOpportunity(db, wmca, { title: "Won deal, not open", organisationId: sabarmati.id, stage: "WON" });
  await makePriority(db, dbt, { name: "India trade after the FTA", scope: "NATIONAL", countryCode: "IN", weight: 9 });
  await makePriority(db, dbt, { name: "Health and life sciences", scope: "NATIONAL", countryCode: null, sector: "health and life sciences", weight: 7 });
  await makePriority(db, dbt, { name: "Japan automotive", scope: "NATIONAL", countryCode: "JP", weight: 8 });
  return { wmca, wmcaViewer, uni, dbt, emca, india, mumbai, ahmedabad, bengaluru, tokyo, mission, emcaSecretVisit };
}

/** GET a Markdown briefing over HTTP. */
export async function markdown(server: TestServer, path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get("content-type"), statements: Number(res.headers.get("x-sql-statements")), body: await res.text() };
}
