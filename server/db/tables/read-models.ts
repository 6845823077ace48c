import { index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { visibility } from "./common.js";
import { people } from "./people.js";

/**
 * Derived, never written by the application: per person, owner member and visibility,
 * the live interactions they took part in and the latest one. Kept by statement
 * triggers on interactions and interaction_people (migration 0014); the briefing ranks
 * key people from it without reading their whole history.
 */
export const personInteractionStats = pgTable(
  "person_interaction_stats",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    ownerMemberId: uuid("owner_member_id").notNull(),
    visibility: visibility("visibility").notNull(),
    interactions: integer("interactions").notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "person_interaction_stats_pkey", columns: [t.personId, t.ownerMemberId, t.visibility] }),
    // A viewer's own PRIVATE rows, index-only (covering columns are in the migration).
    index("person_interaction_stats_owner_idx").on(t.ownerMemberId, t.visibility, t.personId),
  ],
);

/** Derived like personInteractionStats: each person's NETWORK interactions summed over members. */
export const personInteractionTotals = pgTable("person_interaction_totals", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  networkInteractions: integer("network_interactions").notNull(),
  networkLastAt: timestamp("network_last_at", { withTimezone: true }).notNull(),
});
