import { randomUUID } from "node:crypto";
import { hashPassword } from "../../server/auth/passwords.js";
import { hashRefreshToken, newRefreshToken, signAccessToken } from "../../server/auth/tokens.js";
import type { Config } from "../../server/config.js";
import type { Db } from "../../server/db/client.js";
import type { MemberRow, OrganisationRow, PersonRow, PlaceRow, UserRow } from "../../server/db/rows.js";
import { members, organisations, people, places, refreshTokens, users } from "../../server/db/tables/index.js";
import { toGlobalId } from "../../server/graphql/global-id.js";
import type { Role, Visibility } from "../../server/policy/sharing.policy.js";

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
