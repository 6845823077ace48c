import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { signInThrottles } from "../../db/tables/index.js";

// Failed sign-ins are counted per account and per client address in a sliding
// 15-minute window; past the limit the key is locked for 15 minutes. Stored in
// PostgreSQL, so every server instance sees the same counts.
export const THROTTLE = { windowMinutes: 15, lockMinutes: 15, perAccount: 5, perAddress: 30 };

export function throttleKeys(email: string, address: string | undefined) {
  return { account: `account:${email.trim().toLowerCase()}`, address: address ? `ip:${address}` : null };
}

export async function isLocked(db: Db, keys: string[]): Promise<boolean> {
  const rows = await db
    .select({ key: signInThrottles.key })
    .from(signInThrottles)
    .where(sql`${inArray(signInThrottles.key, keys)} and ${signInThrottles.lockedUntil} > now()`);
  return rows.length > 0;
}

/** Counts one failure against each key atomically (insert … on conflict), locking at the limit. */
export async function recordFailure(db: Db, key: string, limit: number): Promise<void> {
  const window = sql.raw(`interval '${THROTTLE.windowMinutes} minutes'`);
  const lock = sql.raw(`interval '${THROTTLE.lockMinutes} minutes'`);
  await db.execute(sql`
    insert into ${signInThrottles} (key, failures, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when ${signInThrottles.windowStartedAt} < now() - ${window} then 1 else ${signInThrottles.failures} + 1 end,
      window_started_at = case when ${signInThrottles.windowStartedAt} < now() - ${window} then now() else ${signInThrottles.windowStartedAt} end,
      locked_until = case
        when ${signInThrottles.windowStartedAt} >= now() - ${window} and ${signInThrottles.failures} + 1 >= ${limit} then now() + ${lock}
        else ${signInThrottles.lockedUntil} end`);
}

export async function clearAccount(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, [key]));
}
