import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { refreshTokens, users } from "../../db/tables/index.js";
import type { Role } from "../../policy/sharing.policy.js";

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user ?? null;
}

/**
 * The viewer for an access token, in one statement: the user (role read fresh,
 * so a demotion applies at once), whether they are disabled, and whether the
 * session the token belongs to is still open (logout applies at once).
 */
export async function findSessionUser(db: Db, userId: string, sessionId: string) {
  const rows = await queryRows<{
    id: string;
    member_id: string;
    role: Role;
    email: string;
    disabled: boolean;
    session_open: boolean;
  }>(
    db,
    sql`
    select u.id, u.member_id, u.role, u.email, u.disabled_at is not null as disabled,
      exists (select 1 from ${refreshTokens} r
              where r.family_id = ${sessionId} and r.user_id = u.id and r.revoked_at is null) as session_open
    from ${users} u where u.id = ${userId}`);
  return rows[0] ?? null;
}

export async function insertRefreshToken(
  db: Db,
  values: { userId: string; familyId?: string; tokenHash: string; expiresAt: Date },
) {
  const familyId = values.familyId ?? randomUUID();
  await db.insert(refreshTokens).values({ ...values, familyId });
  return familyId;
}

/** Marks a refresh token used, atomically: of two concurrent uses only one wins. */
export async function consumeRefreshToken(db: Db, tokenHash: string) {
  const [used] = await db
    .update(refreshTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning();
  return used ?? null;
}

export async function findRefreshToken(db: Db, tokenHash: string) {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  return row ?? null;
}

export async function revokeFamily(db: Db, familyId: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeAllForUser(db: Db, userId: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

export async function touchLastLogin(db: Db, userId: string) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}
