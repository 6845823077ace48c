import type { Config } from "../../config.js";
import { eq } from "drizzle-orm";
import { type Context, viewerOf } from "../../context.js";
import type { Db } from "../../db/client.js";
import type { UserRow } from "../../db/rows.js";
import { users } from "../../db/tables/index.js";
import { unauthenticated } from "../../errors.js";
import { decoyHash, verifyPassword } from "../../auth/passwords.js";
import { hashRefreshToken, newRefreshToken, signAccessToken, verifyAccessToken } from "../../auth/tokens.js";
import type { Viewer } from "../../policy/sharing.policy.js";
import { transaction } from "../shared/records.js";
import { recordAudit } from "../audit/audit.repository.js";
import * as repo from "./sessions.repository.js";
import { THROTTLE, clearAccount, isLocked, recordFailure, throttleKeys } from "./throttle.js";
import { DEMO_PASSWORD, presentDemoUsers } from "../../../seeds/demo/accounts.js";

export interface SessionResult {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  user: UserRow;
}

// One message for every sign-in failure, so the API does not reveal which emails exist.
const BAD_CREDENTIALS = "Email or password is incorrect.";
const LOCKED = "Too many failed sign-in attempts. Wait 15 minutes and try again.";

async function issue(ctx: Context, db: Db, user: UserRow, familyId?: string): Promise<SessionResult> {
  const config = ctx.config;
  const refreshToken = newRefreshToken();
  const expiresAt = new Date(Date.now() + config.jwt.refreshTtlDays * 86_400_000);
  const family = await repo.insertRefreshToken(db, {
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt,
  });
  // The rest of this request (the Session.user fields) is answered as the signed-in user.
  ctx.viewer = { userId: user.id, memberId: user.memberId, role: user.role, email: user.email, sessionId: family };
  return {
    accessToken: signAccessToken(config.jwt, user.id, family),
    refreshToken,
    accessTokenExpiresAt: new Date(Date.now() + config.jwt.accessTtlSeconds * 1000),
    user,
  };
}

export async function login(ctx: Context, email: string, password: string): Promise<SessionResult> {
  const keys = throttleKeys(email, ctx.clientAddress);
  if (await isLocked(ctx.db, keys.address ? [keys.account, keys.address] : [keys.account])) {
    // Locks apply to any email string, existing or not, so this reveals nothing.
    throw unauthenticated(LOCKED);
  }
  const user = await repo.findUserByEmail(ctx.db, email.trim().toLowerCase());
  // Verify against a decoy when the email is unknown: same cost, same answer.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !ok || user.disabledAt) {
    await recordFailure(ctx.db, keys.account, THROTTLE.perAccount);
    if (keys.address) await recordFailure(ctx.db, keys.address, THROTTLE.perAddress);
    throw unauthenticated(BAD_CREDENTIALS);
  }
  await clearAccount(ctx.db, keys.account);
  return transaction(ctx, async (tx) => {
    await repo.touchLastLogin(tx, user.id);
    const session = await issue(ctx, tx, user);
    await recordAudit(tx, ctx, { action: "login", recordType: "User", recordId: user.id });
    return session;
  });
}

export async function refresh(ctx: Context, refreshToken: string): Promise<SessionResult> {
  const tokenHash = hashRefreshToken(refreshToken);
  // Refusals return null and throw only after the transaction: throwing inside it
  // would roll back the revocations that must outlive the failed request.
  const session = await transaction(ctx, async (tx) => {
    const consumed = await repo.consumeRefreshToken(tx, tokenHash);
    if (!consumed) {
      // A used or revoked token presented again: someone holds a copy. End the whole family.
      const known = await repo.findRefreshToken(tx, tokenHash);
      if (known) await repo.revokeFamily(tx, known.familyId);
      return null;
    }
    const [user] = await tx.select().from(users).where(eq(users.id, consumed.userId));
    if (!user || user.disabledAt || consumed.expiresAt.getTime() < Date.now()) {
      await repo.revokeFamily(tx, consumed.familyId);
      return null;
    }
    return issue(ctx, tx, user, consumed.familyId);
  });
  if (!session) throw unauthenticated("Your session has ended. Sign in again.");
  return session;
}

export async function logout(ctx: Context): Promise<boolean> {
  const viewer = viewerOf(ctx);
  await repo.revokeFamily(ctx.db, viewer.sessionId);
  return true;
}

export async function me(ctx: Context): Promise<UserRow> {
  const viewer = viewerOf(ctx);
  const user = await ctx.loaders.members.userById.load(viewer.userId);
  if (!user) throw unauthenticated();
  return user;
}

/** The viewer behind an Authorization header, or null for a missing, bad, expired or ended session. */
export async function viewerFromAuthorization(
  db: Db,
  config: Config,
  header: string | undefined,
): Promise<Viewer | null> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) return null;
  const claims = verifyAccessToken(config.jwt, match[1]);
  if (!claims) return null;
  const row = await repo.findSessionUser(db, claims.sub, claims.sid);
  if (!row || row.disabled || !row.session_open) return null;
  return { userId: row.id, memberId: row.member_id, role: row.role, email: row.email, sessionId: claims.sid };
}

/** Demo accounts are advertised only when the server runs demo data, and only those that exist. */
export async function demoSignIns(ctx: Context) {
  if (!ctx.config.demoData) return [];
  const present = await presentDemoUsers(ctx.db);
  return present.map((u) => ({ email: u.email, role: u.role, memberName: u.member, password: DEMO_PASSWORD }));
}
