import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Append-only: a trigger in the migrations refuses UPDATE and DELETE.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    memberId: uuid("member_id"),
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id"),
    changes: jsonb("changes"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_record_idx").on(t.recordType, t.recordId, t.at),
    index("audit_events_user_idx").on(t.userId, t.at),
    index("audit_events_member_idx").on(t.memberId, t.at),
  ],
);
