import { randomUUID } from "node:crypto";
import { hashPassword } from "../../server/auth/passwords.js";
import { hashRefreshToken, newRefreshToken, signAccessToken } from "../../server/auth/tokens.js";
import type { Config } from "../../server/config.js";
import type { Db } from "../../server/db/client.js";
import type { FollowUpRow, InvestorProfileRow, MemberRow, OpportunityRow, OrganisationRow, PartnershipPartyRow, PartnershipRow, PersonRow, PlaceRow, PriorityRow, UserRow } from "../../server/db/rows.js";
import { followUps, investorProfiles, members, opportunities, organisations, partnershipParties, partnerships, people, places, priorities, refreshTokens, users } from "../../server/db/tables/index.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import type { Role, Visibility } from "../../server/policy/sharing.policy.js";
import type { InteractionRow, VisitRow } from "../../server/db/rows.js";
import { interactionOrganisations, interactionPeople, interactionUsers, interactions, visitDestinations, visitMembers, visits } from "../../server/db/tables/index.js";
import { affiliations, alumniTies } from "../../server/db/tables/index.js";

// Small factories: each test makes exactly the data it needs. They insert
// directly (fast); the behaviour under test always goes through the API.

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function makeMember(db: Db, values: Partial<typeof members.$inferInsert> = {}): Promise<MemberRow> {
  const [row] = await db
    .insert(members)
    .values({ name: `Member ${next()}`, kind: "COUNCIL", ...values })
    .returning();
  return row!;
}

export async function makeUser(
  db: Db,
  values: Partial<typeof users.$inferInsert> & { memberId: string },
): Promise<UserRow> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({ email: `user-${next()}@test.example`, name: `User ${next()}`, role: "EDITOR", passwordHash: await passwordHash, ...values })
    .returning();
  return row!;
}

/** A signed-in user: an open session and a valid access token, without the cost of a password login. */
export async function signIn(db: Db, config: Config, user: UserRow): Promise<string> {
  const familyId = randomUUID();
  await db.insert(refreshTokens).values({
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(newRefreshToken()),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return signAccessToken(config.jwt, user.id, familyId);
}

export interface Actor {
  member: MemberRow;
  user: UserRow;
  token: string;
}

/** A member with one signed-in user of the given role. */
export async function makeActor(db: Db, config: Config, role: Role = "EDITOR", memberValues: Partial<typeof members.$inferInsert> = {}): Promise<Actor> {
  const member = await makeMember(db, memberValues);
  const user = await makeUser(db, { memberId: member.id, role });
  return { member, user, token: await signIn(db, config, user) };
}

/** Another user of the same member. */
export async function makeColleague(db: Db, config: Config, actor: Actor, role: Role = "EDITOR"): Promise<Actor> {
  const user = await makeUser(db, { memberId: actor.member.id, role });
  return { member: actor.member, user, token: await signIn(db, config, user) };
}

export async function makePlace(db: Db, values: Partial<typeof places.$inferInsert> = {}): Promise<PlaceRow> {
  const [row] = await db
    .insert(places)
    .values({ kind: "CITY", name: `City ${next()}`, countryCode: "JP", ...values })
    .returning();
  return row!;
}

export async function makeOrganisation(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof organisations.$inferInsert> & { visibility?: Visibility } = {},
): Promise<OrganisationRow> {
  const [row] = await db
    .insert(organisations)
    .values({ name: `Organisation ${next()}`, kind: "COMPANY", ownerMemberId: owner.member.id, ...values })
    .returning();
  return row!;
}

export async function makePerson(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof people.$inferInsert> & { visibility?: Visibility } = {},
): Promise<PersonRow> {
  const [row] = await db
    .insert(people)
    .values({ fullName: `Person ${next()}`, ownerMemberId: owner.member.id, ...values })
    .returning();
  return row!;
}

export const gid = toGlobalId;

/** An investor profile of a person or an organisation, owned by `owner`'s member. */
export async function makeInvestorProfile(
  db: Db,
  owner: { member: MemberRow },
  subject: { personId: string } | { organisationId: string },
  values: Partial<typeof investorProfiles.$inferInsert> & { visibility?: Visibility } = {},
): Promise<InvestorProfileRow> {
  const [row] = await db
    .insert(investorProfiles)
    .values({ investorType: "ANGEL", ownerMemberId: owner.member.id, ...subject, ...values })
    .returning();
  return row!;
}

export async function makePartnership(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof partnerships.$inferInsert> & { visibility?: Visibility } = {},
): Promise<PartnershipRow> {
  const [row] = await db
    .insert(partnerships)
    .values({ name: `Partnership ${next()}`, kind: "SISTER_CITY", ownerMemberId: owner.member.id, ...values })
    .returning();
  return row!;
}

/** One party of a partnership: a place or an organisation. */
export async function makeParty(
  db: Db,
  partnership: { id: string },
  party: ({ placeId: string } | { organisationId: string }) & { side?: "UK" | "INTERNATIONAL" },
): Promise<PartnershipPartyRow> {
  const [row] = await db
    .insert(partnershipParties)
    .values({ side: "INTERNATIONAL", partnershipId: partnership.id, ...party })
    .returning();
  return row!;
}

export async function makePriority(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof priorities.$inferInsert> & { visibility?: Visibility } = {},
): Promise<PriorityRow> {
  const [row] = await db
    .insert(priorities)
    .values({ name: `Priority ${next()}`, scope: "MEMBER", countryCode: "JP", ownerMemberId: owner.member.id, ...values })
    .returning();
  return row!;
}

export async function makeOpportunity(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof opportunities.$inferInsert> & { visibility?: Visibility } = {},
): Promise<OpportunityRow> {
  const [row] = await db
    .insert(opportunities)
    .values({ title: `Opportunity ${next()}`, ownerMemberId: owner.member.id, ...values })
    .returning();
  return row!;
}

export async function makeFollowUp(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof followUps.$inferInsert> & { visibility?: Visibility } = {},
): Promise<FollowUpRow> {
  const [row] = await db
    .insert(followUps)
    .values({ title: `Follow-up ${next()}`, ownerMemberId: owner.member.id, ...values })
    .returning();
  return row!;
}

/** A visit owned by `owner`'s member (led by it unless given), with destinations in order and participating members. */
export async function makeVisit(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof visits.$inferInsert> & { visibility?: Visibility; destinationIds?: string[]; memberIds?: string[] } = {},
): Promise<VisitRow> {
  const { destinationIds = [], memberIds = [], ...rest } = values;
  const [row] = await db
    .insert(visits)
    .values({
      title: `Visit ${next()}`,
      direction: "OUTBOUND",
      startsOn: "2026-04-01",
      endsOn: "2026-04-05",
      leadMemberId: owner.member.id,
      ownerMemberId: owner.member.id,
      ...rest,
    })
    .returning();
  if (destinationIds.length) {
    await db.insert(visitDestinations).values(destinationIds.map((placeId, position) => ({ visitId: row!.id, placeId, position })));
  }
  if (memberIds.length) await db.insert(visitMembers).values(memberIds.map((memberId) => ({ visitId: row!.id, memberId })));
  return row!;
}

/** An interaction owned by `owner`'s member, with participants (people), organisations and internal attendees (users). */
export async function makeInteraction(
  db: Db,
  owner: { member: MemberRow },
  values: Partial<typeof interactions.$inferInsert> & {
    visibility?: Visibility;
    personIds?: string[];
    organisationIds?: string[];
    userIds?: string[];
  } = {},
): Promise<InteractionRow> {
  const { personIds = [], organisationIds = [], userIds = [], ...rest } = values;
  const [row] = await db
    .insert(interactions)
    .values({
      occurredAt: new Date("2026-02-22T09:30:00Z"),
      kind: "MEETING",
      subject: `Interaction ${next()}`,
      ownerMemberId: owner.member.id,
      ...rest,
    })
    .returning();
  const interactionId = row!.id;
  if (personIds.length) await db.insert(interactionPeople).values(personIds.map((personId) => ({ interactionId, personId })));
  if (organisationIds.length) {
    await db.insert(interactionOrganisations).values(organisationIds.map((organisationId) => ({ interactionId, organisationId })));
  }
  if (userIds.length) await db.insert(interactionUsers).values(userIds.map((userId) => ({ interactionId, userId })));
  return row!;
}

/** A person's affiliation with an organisation (shares the person's owner and visibility). */
export async function makeAffiliation(
  db: Db,
  person: { id: string },
  organisation: { id: string },
  values: Partial<typeof affiliations.$inferInsert> = {},
): Promise<typeof affiliations.$inferSelect> {
  const [row] = await db.insert(affiliations).values({ personId: person.id, organisationId: organisation.id, ...values }).returning();
  return row!;
}

/** A person's degree from a university (an organisation). */
export async function makeAlumniTie(
  db: Db,
  person: { id: string },
  university: { id: string },
  values: Partial<typeof alumniTies.$inferInsert> = {},
): Promise<typeof alumniTies.$inferSelect> {
  const [row] = await db.insert(alumniTies).values({ personId: person.id, universityId: university.id, ...values }).returning();
  return row!;
}
