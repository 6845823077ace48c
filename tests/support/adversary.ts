import { randomBytes } from "node:crypto";
import { expect } from "@jest/globals";
import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../server/db/client.js";
import type {
  FollowUpRow,
  InteractionRow,
  InvestorProfileRow,
  OpportunityRow,
  OrganisationRow,
  PartnershipRow,
  PersonRow,
  PlaceRow,
  PriorityRow,
  VisitRow,
} from "../../server/db/rows.js";
import { uploadOk } from "../imports/helpers.js";
import {
  type Actor,
  gid,
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
} from "./factories.js";
import type { TestServer } from "./server.js";

// A hostile user with a valid account: member A (the victim) holds one PRIVATE record of
// every kind, each linked to everything it can be linked to, and a NETWORK twin of each;
// member B (the attacker) has its own records touching the same place, people and dates,
// so every read path has something of A's to leak. Secret text carries `secretMark`,
// shared text `sharedMark`: a read path must show the latter and never the former.

export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * 86_400_000);

export interface VictimRecords {
  person: PersonRow;
  organisation: OrganisationRow;
  interaction: InteractionRow;
  visit: VisitRow;
  partnership: PartnershipRow;
  opportunity: OpportunityRow;
  followUp: FollowUpRow;
  investorProfile: InvestorProfileRow;
  priority: PriorityRow;
}

const TYPES: Record<keyof VictimRecords, string> = {
  person: "Person",
  organisation: "Organisation",
  interaction: "Interaction",
  visit: "Visit",
  partnership: "Partnership",
  opportunity: "Opportunity",
  followUp: "FollowUp",
  investorProfile: "InvestorProfile",
  priority: "Priority",
};

export interface Scenario {
  victim: Actor; // EDITOR of A
  victimAdmin: Actor;
  attacker: Actor; // EDITOR of B
  attackerAdmin: Actor;
  place: PlaceRow; // public: both members work there
  country: PlaceRow;
  secretMark: string;
  sharedMark: string;
  secret: VictimRecords;
  shared: VictimRecords;
  /** Global ids of A's private records that are not owned rows of their own kind. */
  secretLinks: { affiliation: string; alumniTie: string; party: string; hiddenAffiliation: string; hiddenParty: string };
  /** Alice's saved search, import job and mapping (global ids): private to her, or to A's editors. */
  victimPrivate: { savedSearch: string; importJob: string; importMapping: string };
  attackerOwn: { person: PersonRow; university: OrganisationRow; visit: VisitRow; interaction: InteractionRow; followUp: FollowUpRow };
  /** Every string whose presence in an answer to the attacker is a leak. */
  forbidden: string[];
}

export async function makeScenario(server: TestServer): Promise<Scenario> {
  const { db, config } = server;
  // Letters only, so search and filters treat the marks as ordinary words.
  const word = () => `${randomBytes(6).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!)}`;
  const secretMark = `Zorvex${word()}`;
  const sharedMark = `Quillon${word()}`;
  const victim = await makeActor(db, config, "EDITOR", { name: `Victim Member ${word()}` });
  const victimAdmin = await makeColleague(db, config, victim, "ADMIN");
  const attacker = await makeActor(db, config, "EDITOR", { name: `Attacker Member ${word()}`, kind: "UNIVERSITY" });
  const attackerAdmin = await makeColleague(db, config, attacker, "ADMIN");
  const country = await makePlace(db, { kind: "COUNTRY", name: `Country ${word()}`, countryCode: "JP" });
  const place = await makePlace(db, { name: `City ${word()}`, countryCode: "JP", parentId: country.id });

  const university = await makeOrganisation(db, attacker, { name: `University ${word()}`, kind: "UNIVERSITY", placeId: place.id });
  const attackerPerson = await makePerson(db, attacker, { fullName: `Attacker Contact ${word()}`, placeId: place.id });

  async function records(mark: string, visibility: "PRIVATE" | "NETWORK", extra: { email?: string }): Promise<VictimRecords> {
    const v = { visibility } as const;
    const organisation = await makeOrganisation(db, victim, { ...v, name: `${mark} Holdings`, placeId: place.id, sectors: [`${mark} energy`], description: `${mark} org` });
    const person = await makePerson(db, victim, {
      ...v,
      fullName: `${mark} Person`,
      jobTitle: `${mark} director`,
      bio: `${mark} bio`,
      placeId: place.id,
      sectors: [`${mark} energy`],
      email: extra.email ?? null,
      phone: extra.email ? "+44 7700 900461" : null,
      lawfulBasisNote: `${secretMark} assessment`,
      retentionReviewOn: day(-10),
    });
    const visit = await makeVisit(db, victim, {
      ...v,
      title: `${mark} mission`,
      objectives: `${mark} objectives`,
      startsOn: day(20),
      endsOn: day(25),
      destinationIds: [place.id],
      memberIds: [victim.member.id],
    });
    const interaction = await makeInteraction(db, victim, {
      ...v,
      subject: `${mark} meeting`,
      // On the shared interaction the notes are sensitive: owner member only.
      notes: `${secretMark} notes`,
      notesSensitive: visibility === "NETWORK",
      outcome: `${mark} outcome`,
      occurredAt: at(-5),
      placeId: place.id,
      visitId: visit.id,
      personIds: [person.id, attackerPerson.id],
      organisationIds: [organisation.id, university.id],
      userIds: [victim.user.id],
      createdById: victim.user.id,
    });
    const partnership = await makePartnership(db, victim, {
      ...v,
      name: `${mark} partnership`,
      description: `${mark} terms`,
      status: "ACTIVE",
      signedOn: `${Number(day(30).slice(0, 4)) - 10}${day(30).slice(4)}`,
      renewalDueOn: day(40),
      leadMemberId: victim.member.id,
    });
    await makeParty(db, partnership, { placeId: place.id, side: "INTERNATIONAL" });
    await makeParty(db, partnership, { organisationId: organisation.id, side: "INTERNATIONAL" });
    const opportunity = await makeOpportunity(db, victim, { ...v, title: `${mark} deal`, organisationId: organisation.id, personId: person.id, sector: `${mark} energy`, landOn: day(30) });
    const followUp = await makeFollowUp(db, victim, { ...v, title: `${mark} task`, notes: `${mark} details`, personId: person.id, dueOn: day(-3), assigneeId: victim.user.id });
    const investorProfile = await makeInvestorProfile(db, victim, { personId: person.id }, { ...v, sectors: [`${mark} energy`], notes: `${mark} thesis`, ticketMinGbp: 100_000, ticketMaxGbp: 900_000 });
    const priority = await makePriority(db, victim, { ...v, name: `${mark} priority`, countryCode: "JP", sector: `${mark} energy`, description: `${mark} why` });
    return { person, organisation, interaction, visit, partnership, opportunity, followUp, investorProfile, priority };
  }

  const secret = await records(secretMark, "PRIVATE", {});
  const shared = await records(sharedMark, "NETWORK", { email: `${secretMark.toLowerCase()}@victim.example` });
  // Cross links: a visible record pointing at a private one must not reveal it.
  const affiliation = await makeAffiliation(db, secret.person, secret.organisation, { role: `${secretMark} role` });
  const hiddenAffiliation = await makeAffiliation(db, shared.person, secret.organisation, { role: `${secretMark} adviser` });
  await makeAffiliation(db, shared.person, shared.organisation, { role: `${sharedMark} role` });
  const alumniTie = await makeAlumniTie(db, secret.person, university, { degree: `${secretMark} MBA`, graduationYear: 2001 });
  await makeAlumniTie(db, shared.person, university, { degree: `${sharedMark} MBA`, graduationYear: 2002 });
  const party = await makeParty(db, secret.partnership, { placeId: country.id, side: "UK" });
  const hiddenParty = await makeParty(db, shared.partnership, { organisationId: secret.organisation.id, side: "UK" });
  // A private profile on the shared person: alumni search must not use it.
  await makeInvestorProfile(db, victim, { personId: shared.person.id }, { visibility: "PRIVATE", sectors: [`${secretMark} biotech`], notes: `${secretMark} memo` });
  const sharedLinked = await makeInteraction(db, victim, {
    visibility: "PRIVATE",
    subject: `${secretMark} with shared`,
    occurredAt: at(-2),
    placeId: place.id,
    personIds: [shared.person.id],
    organisationIds: [shared.organisation.id],
  });

  // The attacker's own records, at the same place and time, with the same people.
  const visit = await makeVisit(db, attacker, { title: `Attacker mission ${word()}`, startsOn: day(22), endsOn: day(24), destinationIds: [place.id] });
  const interaction = await makeInteraction(db, attacker, {
    subject: `Attacker meeting ${word()}`,
    occurredAt: at(-3),
    placeId: place.id,
    personIds: [shared.person.id, attackerPerson.id],
    organisationIds: [shared.organisation.id],
  });
  const followUp = await makeFollowUp(db, attacker, { title: `Attacker task ${word()}`, personId: attackerPerson.id, assigneeId: attacker.user.id });

  // Alice's saved search, import upload and mapping, made as a client would.
  const saved = await server.gql<{ createSavedSearch: { id: string } }>(
    `mutation($i: CreateSavedSearchInput!) { createSavedSearch(input: $i) { id } }`,
    { i: { name: `${secretMark} saved`, search: { query: secretMark } } },
    victim.token,
  );
  const mapping = await server.gql<{ saveImportMapping: { id: string } }>(
    `mutation { saveImportMapping(entity: PEOPLE, name: "${secretMark} mapping", mapping: [{ column: "Name", field: "fullName" }]) { id } }`,
    {},
    victim.token,
  );
  const importJob = await uploadOk(server, victim.token, "PEOPLE", `${secretMark}.csv`, `Name,Email\n${secretMark} Imported,${secretMark.toLowerCase()}@import.example\n`);
  if (!saved.data || !mapping.data) throw new Error(`scenario set-up failed: ${JSON.stringify([saved.errors, mapping.errors])}`);

  const secretIds: [string, string][] = [
    ...(Object.keys(TYPES) as (keyof VictimRecords)[]).map((key) => [TYPES[key], secret[key].id] as [string, string]),
    ["Affiliation", affiliation.id],
    ["Affiliation", hiddenAffiliation.id],
    ["AlumniTie", alumniTie.id],
    ["PartnershipParty", party.id],
    ["PartnershipParty", hiddenParty.id],
    ["Interaction", sharedLinked.id],
  ];
  const victimPrivate = { savedSearch: saved.data.createSavedSearch.id, importJob, importMapping: mapping.data.saveImportMapping.id };
  return {
    victim,
    victimAdmin,
    attacker,
    attackerAdmin,
    place,
    country,
    secretMark,
    sharedMark,
    secret,
    shared,
    secretLinks: {
      affiliation: gid("Affiliation", affiliation.id),
      alumniTie: gid("AlumniTie", alumniTie.id),
      party: gid("PartnershipParty", party.id),
      hiddenAffiliation: gid("Affiliation", hiddenAffiliation.id),
      hiddenParty: gid("PartnershipParty", hiddenParty.id),
    },
    victimPrivate,
    attackerOwn: { person: attackerPerson, university, visit, interaction, followUp },
    forbidden: [
      secretMark,
      "7700 900461",
      victim.user.email,
      victimAdmin.user.email,
      ...secretIds.flatMap(([type, id]) => [id, gid(type, id)]),
      ...Object.values(victimPrivate),
    ],
  };
}


/** The answer (any JSON or text) names nothing of the victim's private data. */
export function expectNoLeak(s: Scenario, answer: unknown, where: string): void {
  const text = (typeof answer === "string" ? answer : JSON.stringify(answer)).toLowerCase();
  const leaked = s.forbidden.filter((f) => text.includes(f.toLowerCase()));
  expect({ where, leaked }).toEqual({ where, leaked: [] });
}

/**
 * Everything of member A's that a write could change: each owned row's version, update
 * time and archive time, the links between them, its users, saved searches and imports.
 * Equal before and after an attack means the attack changed nothing of A's.
 */
export async function victimState(server: TestServer, s: Scenario): Promise<string> {
  const m = s.victim.member.id;
  const owned = ["people", "organisations", "interactions", "visits", "partnerships", "opportunities", "follow_ups", "investor_profiles", "priorities"];
  const parts: SQL[] = [
    ...owned.map((t) => sql`select id, version, updated_at, archived_at, visibility from ${sql.identifier(t)} where owner_member_id = ${m}`),
    sql`select interaction_id, person_id from interaction_people where interaction_id in (select id from interactions where owner_member_id = ${m})`,
    sql`select interaction_id, organisation_id from interaction_organisations where interaction_id in (select id from interactions where owner_member_id = ${m})`,
    sql`select interaction_id, user_id from interaction_users where interaction_id in (select id from interactions where owner_member_id = ${m})`,
    sql`select id, person_id, organisation_id, updated_at from affiliations where person_id in (select id from people where owner_member_id = ${m})`,
    sql`select id, person_id, university_id, updated_at from alumni_ties where person_id in (select id from people where owner_member_id = ${m})`,
    sql`select id, partnership_id, organisation_id, place_id from partnership_parties where partnership_id in (select id from partnerships where owner_member_id = ${m})`,
    sql`select id, version, role, disabled_at, name from users where member_id = ${m}`,
    sql`select id, version, name, website, retention_months from members where id = ${m}`,
    sql`select id, name from saved_searches where user_id in (select id from users where member_id = ${m})`,
    sql`select id, status from import_jobs where member_id = ${m}`,
    sql`select id, name from import_mappings where member_id = ${m}`,
  ];
  // One statement (each part sorted as text): it runs around every attack.
  const json = sql.join(
    parts.map((part) => sql`(select coalesce(json_agg(r order by r::text), '[]'::json) from (${part}) r)`),
    sql`, `,
  );
  const [row] = await queryRows<{ state: unknown }>(server.db, sql`select json_build_array(${json}) as state`);
  return JSON.stringify(row?.state);
}
