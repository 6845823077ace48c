import { randomInt } from "node:crypto";
import type { Config } from "../../../server/config.js";
import type { Db } from "../../../server/db/client.js";
import { makeMember, makeUser, signIn } from "../../support/factories.js";
import type { Kind, Rec, World } from "./run-as-world.js";

// Builds a resolved world through the API, as its members' writers would:
// every record is created shared (so any member may refer to it), then the
// private ones are made private and the archived ones archived, each by its
// owner. Only members and users are inserted directly: the API cannot create
// a member, and signing in is not what this test is about.

export interface Reply {
  status: number;
  /** The body exactly as the server sent it (leak checks read this). */
  text: string;
  data: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export async function gql(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<Reply> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Reply["errors"] };
  return { status: res.status, text, data: body.data ?? null, errors: body.errors };
}

/** Consonants only (no s, y or vowels): a word the English stemmer leaves whole, so prefix search finds it. */
function word(length: number): string {
  const letters = "bcdfghjkmnpqrtvwxz";
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join("");
}

export const uuidOf = (gid: string) => Buffer.from(gid, "base64url").toString("utf8").split(":")[1]!;

/** Who the leak checks think can see a record: set as the server confirms each step. */
export interface Built {
  /** Unset until created; NETWORK when created, PRIVATE once made private, GONE once erased. */
  actual: Map<Rec, "PRIVATE" | "NETWORK" | "GONE">;
}

const CREATE: Record<Kind, [mutation: string, input: string]> = {
  Organisation: ["createOrganisation", "CreateOrganisationInput"],
  Person: ["createPerson", "CreatePersonInput"],
  Visit: ["createVisit", "CreateVisitInput"],
  Partnership: ["createPartnership", "CreatePartnershipInput"],
  Interaction: ["createInteraction", "CreateInteractionInput"],
  Opportunity: ["createOpportunity", "CreateOpportunityInput"],
  InvestorProfile: ["createInvestorProfile", "CreateInvestorProfileInput"],
  FollowUp: ["createFollowUp", "CreateFollowUpInput"],
  Priority: ["createPriority", "CreatePriorityInput"],
};
const UPDATE: Record<Kind, string> = {
  Organisation: "updateOrganisation",
  Person: "updatePerson",
  Visit: "updateVisit",
  Partnership: "updatePartnership",
  Interaction: "updateInteraction",
  Opportunity: "updateOpportunity",
  InvestorProfile: "updateInvestorProfile",
  FollowUp: "updateFollowUp",
  Priority: "updatePriority",
};
const ABOUT_FIELD: Partial<Record<Kind, string>> = {
  Interaction: "interactionId",
  Person: "personId",
  Organisation: "organisationId",
  Partnership: "partnershipId",
  Visit: "visitId",
  Opportunity: "opportunityId",
};

function input(w: World, r: Rec): Record<string, unknown> {
  const shared = { visibility: "NETWORK" };
  const city = w.city.gid;
  switch (r.kind) {
    case "Organisation":
      return {
        ...shared,
        name: `Organisation ${r.label}`,
        kind: r.university ? "UNIVERSITY" : "COMPANY",
        ...(r.placed ? { placeId: city } : {}),
        ...(r.parent ? { parentId: r.parent.gid } : {}),
      };
    case "Person":
      return {
        ...shared,
        fullName: `Person ${r.label}`,
        email: `${w.sec}${r.key}m@example.org`,
        phone: "+44 7700 900123",
        lawfulBasis: "LEGITIMATE_INTERESTS",
        lawfulBasisNote: `Assessed ${w.sec}${r.key}l`,
        ...(r.placed ? { placeId: city } : {}),
        affiliations: r.affiliations.map((o) => ({ organisationId: o.gid, role: "Adviser" })),
        alumniTies: r.ties.map((u) => ({ universityId: u.gid, degree: "MSc", graduationYear: 2001 })),
      };
    case "Visit":
      return {
        ...shared,
        title: `Visit ${r.label}`,
        direction: "OUTBOUND",
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        participatingMemberIds: r.participants.map((m) => w.members[m]!.gid),
        destinationIds: [city],
      };
    case "Partnership":
      return {
        ...shared,
        name: `Partnership ${r.label}`,
        kind: "SISTER_CITY",
        status: r.status,
        ...(r.lead === null ? {} : { leadMemberId: w.members[r.lead]!.gid }),
        parties: [{ side: "INTERNATIONAL", placeId: city }, ...r.orgParties.map((p) => ({ side: p.side, organisationId: p.org.gid }))],
      };
    case "Interaction":
      return {
        ...shared,
        occurredAt: r.occurredAt,
        kind: "MEETING",
        subject: `Interaction ${r.label}`,
        notes: `Notes ${w.sec}${r.key}n`,
        notesSensitive: r.sensitive,
        ...(r.placed ? { placeId: city } : {}),
        ...(r.visit ? { visitId: r.visit.gid } : {}),
        participantIds: r.participants.map((p) => p.gid),
        organisationIds: r.orgs.map((o) => o.gid),
        internalAttendeeIds: r.attendees.map((u) => w.members[r.owner]!.users[u]!.gid),
      };
    case "Opportunity":
      return {
        ...shared,
        title: `Opportunity ${r.label}`,
        stage: r.stage,
        ...(r.org ? { organisationId: r.org.gid } : {}),
        ...(r.person ? { personId: r.person.gid } : {}),
      };
    case "InvestorProfile":
      return { ...shared, investorType: "ANGEL", ...(r.person ? { personId: r.person.gid } : { organisationId: r.org!.gid }) };
    case "FollowUp":
      return {
        ...shared,
        title: `Follow-up ${r.label}`,
        status: r.status,
        ...(r.dueOn ? { dueOn: r.dueOn } : {}),
        assigneeId: r.assignee === null ? null : w.members[r.owner]!.users[r.assignee]!.gid,
        ...(r.about ? { [ABOUT_FIELD[r.about.kind]!]: r.about.gid } : {}),
      };
    case "Priority":
      return { ...shared, name: `Priority ${r.label}`, scope: "MEMBER", countryCode: w.country };
  }
}

interface Op {
  rec: Rec;
  /** The field text, with $v<n> for its variables. */
  field: string;
  variables: { type: string; value: unknown }[];
}

/** Runs each owner's operations as aliased fields of one mutation (a few per request); returns each field's result. */
async function run(url: string, w: World, ops: Op[], done: (op: Op, result: Record<string, unknown>) => void): Promise<void> {
  const byOwner = new Map<number, Op[]>();
  for (const op of ops) byOwner.set(op.rec.owner, [...(byOwner.get(op.rec.owner) ?? []), op]);
  for (const [owner, list] of byOwner) {
    const writer = w.members[owner]!.users[0]!;
    for (let start = 0; start < list.length; start += 20) {
      const chunk = list.slice(start, start + 20);
      const decls: string[] = [];
      const fields: string[] = [];
      const variables: Record<string, unknown> = {};
      chunk.forEach((op, i) => {
        op.variables.forEach((v, j) => {
          decls.push(`$x${i}_${j}: ${v.type}`);
          variables[`x${i}_${j}`] = v.value;
        });
        fields.push(`a${i}: ${op.field.replace(/\$v(\d+)/g, (_, j: string) => `$x${i}_${j}`)}`);
      });
      const reply = await gql(url, `mutation(${decls.join(", ")}) { ${fields.join(" ")} }`, variables, writer.token);
      if (reply.errors?.length || !reply.data) {
        throw new Error(`building the world failed for M${owner}: ${JSON.stringify(reply.errors ?? reply.text)}`);
      }
      chunk.forEach((op, i) => done(op, reply.data![`a${i}`] as Record<string, unknown>));
    }
  }
}

export async function buildWorld(url: string, db: Db, config: Config, w: World, built: Built): Promise<void> {
  w.tag = word(8);
  w.sec = word(8);
  w.country = `${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[randomInt(26)]}${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[randomInt(26)]}`;
  for (const [i, m] of w.members.entries()) {
    const row = await makeMember(db, { name: `Member ${w.tag}m${i}` });
    m.id = row.id;
    m.gid = Buffer.from(`Member:${row.id}`).toString("base64url");
    for (const u of m.users) {
      const user = await makeUser(db, { memberId: row.id, role: u.role, name: `User ${w.tag}n${u.key}`, email: `${w.sec}${u.key}@test.example` });
      u.id = user.id;
      u.gid = Buffer.from(`User:${user.id}`).toString("base64url");
      u.email = user.email;
      u.token = await signIn(db, config, user);
    }
  }
  for (const r of w.records) r.label = `${w.tag}${r.key}`;
  w.city.label = `${w.tag}c`;
  const place = await gql(
    url,
    `mutation($input: CreatePlaceInput!) { createPlace(input: $input) { id } }`,
    { input: { kind: "CITY", name: `City ${w.city.label}`, countryCode: w.country } },
    w.members[0]!.users[0]!.token,
  );
  if (place.errors?.length || !place.data) throw new Error(`creating the city failed: ${place.text}`);
  w.city.gid = (place.data.createPlace as { id: string }).id;
  w.city.id = uuidOf(w.city.gid);

  // Layers: a record is created after everything it refers to.
  const layers: Rec[][] = [
    [...w.orgs.filter((o) => !o.parent), ...w.visits, ...w.priorities],
    w.orgs.filter((o) => o.parent),
    [...w.people, ...w.partnerships],
    [...w.interactions, ...w.opportunities, ...w.profiles],
    w.followUps,
  ];
  for (const layer of layers) {
    const ops = layer.map((rec): Op => {
      const [mutation, type] = CREATE[rec.kind];
      return { rec, field: `${mutation}(input: $v0) { id }`, variables: [{ type: `${type}!`, value: input(w, rec) }] };
    });
    await run(url, w, ops, (op, result) => {
      op.rec.gid = result.id as string;
      op.rec.id = uuidOf(op.rec.gid);
      built.actual.set(op.rec, "NETWORK");
    });
  }
  // Archive first, while everything is still shared; then make records private, those that refer
  // to others first: a profile whose subject went private is hidden even from its owner.
  await run(
    url,
    w,
    w.records
      .filter((r) => r.archived)
      .map((rec) => ({ rec, field: `archive(id: $v0, version: 1) { id }`, variables: [{ type: "ID!", value: rec.gid }] })),
    () => undefined,
  );
  for (const layer of [...layers].reverse()) {
    await run(
      url,
      w,
      layer
        .filter((r) => r.visibility === "PRIVATE")
        .map((rec) => ({
          rec,
          field: `${UPDATE[rec.kind]}(id: $v0, version: ${rec.archived ? 2 : 1}, input: { visibility: PRIVATE }) { id }`,
          variables: [{ type: "ID!", value: rec.gid }],
        })),
      (op) => built.actual.set(op.rec, "PRIVATE"),
    );
  }
  // Erasure last, by the member's admin (its writer): the person, their profiles and follow-ups about them go.
  await run(
    url,
    w,
    w.people
      .filter((p) => p.erased)
      .map((rec) => ({ rec, field: `erasePerson(personId: $v0, reason: "Subject's request") { erased }`, variables: [{ type: "ID!", value: rec.gid }] })),
    (op) => {
      for (const r of w.records) {
        const about = r.kind === "FollowUp" ? r.about : r.kind === "InvestorProfile" ? r.person : null;
        if (r === op.rec || about === op.rec) built.actual.set(r, "GONE");
      }
    },
  );
}
