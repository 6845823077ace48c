import { date, index, integer, pgEnum, pgTable, primaryKey, text, uuid, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, versioned } from "./common.js";
import { members } from "./members.js";
import { owned } from "./owned.js";
import { places } from "./places.js";

export const visitDirection = pgEnum("visit_direction", ["OUTBOUND", "INBOUND"]);
export const visitStatus = pgEnum("visit_status", ["PLANNED", "CONFIRMED", "COMPLETED", "CANCELLED"]);

export const visits = pgTable(
  "visits",
  {
    id: id(),
    ...owned(),
    title: text("title").notNull(),
    direction: visitDirection("direction").notNull(),
    status: visitStatus("status").notNull().default("PLANNED"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    leadMemberId: uuid("lead_member_id").notNull().references(() => members.id),
    objectives: text("objectives"),
    ...versioned(),
  },
  (t) => [
    index("visits_owner_idx").on(t.ownerMemberId, t.visibility),
    index("visits_dates_idx").on(t.startsOn, t.endsOn),
    index("visits_lead_idx").on(t.leadMemberId),
    check("visits_dates_order", sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const visitDestinations = pgTable(
  "visit_destinations",
  {
    visitId: uuid("visit_id").notNull().references(() => visits.id, { onDelete: "cascade" }),
    placeId: uuid("place_id").notNull().references(() => places.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.placeId] }), index("visit_destinations_place_idx").on(t.placeId)],
);

export const visitMembers = pgTable(
  "visit_members",
  {
    visitId: uuid("visit_id").notNull().references(() => visits.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").notNull().references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.memberId] }), index("visit_members_member_idx").on(t.memberId)],
);
