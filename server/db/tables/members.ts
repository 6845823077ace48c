import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { citext, id, timestamps, versioned } from "./common.js";

export const memberKind = pgEnum("member_kind", [
  "COMBINED_AUTHORITY",
  "COUNCIL",
  "UNIVERSITY",
  "GOVERNMENT_UNIT",
  "GROWTH_AGENCY",
  "NETWORK_UNIT",
  "OTHER",
]);
export const role = pgEnum("role", ["ADMIN", "EDITOR", "VIEWER"]);

export const members = pgTable(
  "members",
  {
    id: id(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: memberKind("kind").notNull(),
    website: text("website"),
    // Default retention review period for personal records (UK GDPR storage limitation).
    retentionMonths: integer("retention_months").notNull().default(24),
    ...versioned(),
  },
  (t) => [uniqueIndex("members_name_key").on(t.name)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: citext("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    memberId: uuid("member_id").notNull().references(() => members.id),
    role: role("role").notNull().default("VIEWER"),
    jobTitle: text("job_title"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...versioned(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_member_idx").on(t.memberId)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    // All tokens descended from one login share a family; reuse of a rotated
    // token revokes the family, which is how a stolen token is detected.
    familyId: uuid("family_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("refresh_tokens_hash_key").on(t.tokenHash),
    index("refresh_tokens_family_idx").on(t.familyId),
    index("refresh_tokens_user_idx").on(t.userId),
  ],
);


// Sign-in throttling lives in the database so it holds across server instances.
// key: "account:<email>" or "ip:<address>".
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
