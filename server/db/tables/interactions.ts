import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, versioned } from "./common.js";
import { users } from "./members.js";
import { organisations } from "./organisations.js";
import { owned } from "./owned.js";
import { people } from "./people.js";
import { places } from "./places.js";
import { visits } from "./visits.js";

export const interactionKind = pgEnum("interaction_kind", [
  "MEETING",
  "CALL",
  "EMAIL",
  "EVENT",
  "MISSION_MEETING",
  "INWARD_DELEGATION",
  "MOU_SIGNING",
  "ROUNDTABLE",
  "SITE_VISIT",
]);
export const interactionChannel = pgEnum("interaction_channel", ["IN_PERSON", "VIDEO", "PHONE", "EMAIL", "OTHER"]);

export const interactions = pgTable(
  "interactions",
  {
    id: id(),
    ...owned(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    kind: interactionKind("kind").notNull(),
    channel: interactionChannel("channel").notNull().default("IN_PERSON"),
    subject: text("subject").notNull(),
    notes: text("notes"),
    // Sensitive notes are shown to the owner member only, even on a NETWORK record.
    notesSensitive: boolean("notes_sensitive").notNull().default(false),
    outcome: text("outcome"),
    placeId: uuid("place_id").references(() => places.id),
    visitId: uuid("visit_id").references(() => visits.id),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    // Client-generated, so a retried submission from a phone creates one interaction.
    idempotencyKey: text("idempotency_key"),
    // The member's own identifier from its previous system, for re-imports.
    externalId: text("external_id"),
    ...versioned(),
  },
  (t) => [
    index("interactions_owner_idx").on(t.ownerMemberId, t.visibility, t.occurredAt),
    index("interactions_occurred_idx").on(t.occurredAt),
    index("interactions_place_idx").on(t.placeId, t.occurredAt),
    index("interactions_visit_idx").on(t.visitId),
    uniqueIndex("interactions_idempotency_key").on(t.ownerMemberId, t.idempotencyKey),
    uniqueIndex("interactions_external_id_key").on(t.ownerMemberId, t.externalId),
  ],
);

export const interactionPeople = pgTable(
  "interaction_people",
  {
    interactionId: uuid("interaction_id").notNull().references(() => interactions.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.personId] }), index("interaction_people_person_idx").on(t.personId)],
);

export const interactionUsers = pgTable(
  "interaction_users",
  {
    interactionId: uuid("interaction_id").notNull().references(() => interactions.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.userId] }), index("interaction_users_user_idx").on(t.userId)],
);

export const interactionOrganisations = pgTable(
  "interaction_organisations",
  {
    interactionId: uuid("interaction_id").notNull().references(() => interactions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.organisationId] }),
    index("interaction_organisations_organisation_idx").on(t.organisationId),
  ],
);
