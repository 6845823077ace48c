import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid, char } from "drizzle-orm/pg-core";
import { id, versioned } from "./common.js";
import { users } from "./members.js";
import { organisations } from "./organisations.js";
import { owned } from "./owned.js";
import { people } from "./people.js";
import { interactions } from "./interactions.js";
import { partnerships } from "./partnerships.js";
import { visits } from "./visits.js";

export const followUpStatus = pgEnum("follow_up_status", ["OPEN", "DONE", "CANCELLED"]);
export const opportunityStage = pgEnum("opportunity_stage", ["PROSPECT", "ACTIVE", "VERIFY_WIN", "WON", "LOST"]);
export const priorityScope = pgEnum("priority_scope", ["NATIONAL", "MEMBER"]);

export const opportunities = pgTable(
  "opportunities",
  {
    id: id(),
    ...owned(),
    title: text("title").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    sector: text("sector"),
    stage: opportunityStage("stage").notNull().default("PROSPECT"),
    capitalValueGbp: bigint("capital_value_gbp", { mode: "number" }),
    jobs: integer("jobs"),
    likelihood: integer("likelihood"),
    landOn: date("land_on", { mode: "string" }),
    ...versioned(),
  },
  (t) => [
    index("opportunities_owner_idx").on(t.ownerMemberId, t.visibility),
    index("opportunities_organisation_idx").on(t.organisationId),
    index("opportunities_person_idx").on(t.personId),
    check("opportunities_likelihood_range", sql`${t.likelihood} is null or ${t.likelihood} between 0 and 100`),
  ],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: id(),
    ...owned(),
    title: text("title").notNull(),
    // Details, e.g. the message of an introduction request from another member.
    notes: text("notes"),
    dueOn: date("due_on", { mode: "string" }),
    assigneeId: uuid("assignee_id").references(() => users.id),
    status: followUpStatus("status").notNull().default("OPEN"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    // What the follow-up is about: at most one of these, or none.
    interactionId: uuid("interaction_id").references(() => interactions.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    partnershipId: uuid("partnership_id").references(() => partnerships.id),
    visitId: uuid("visit_id").references(() => visits.id),
    opportunityId: uuid("opportunity_id").references(() => opportunities.id),
    ...versioned(),
  },
  (t) => [
    index("follow_ups_owner_idx").on(t.ownerMemberId, t.status, t.dueOn),
    index("follow_ups_assignee_idx").on(t.assigneeId, t.status, t.dueOn),
    index("follow_ups_interaction_idx").on(t.interactionId),
    index("follow_ups_person_idx").on(t.personId),
    index("follow_ups_organisation_idx").on(t.organisationId),
    // Briefings find the follow-ups about a partnership, a visit or an opportunity.
    index("follow_ups_partnership_idx").on(t.partnershipId),
    index("follow_ups_visit_idx").on(t.visitId),
    index("follow_ups_opportunity_idx").on(t.opportunityId),
  ],
);

export const priorities = pgTable(
  "priorities",
  {
    id: id(),
    ...owned(),
    name: text("name").notNull(),
    scope: priorityScope("scope").notNull(),
    countryCode: char("country_code", { length: 2 }),
    sector: text("sector"),
    weight: integer("weight").notNull().default(1),
    description: text("description"),
    ...versioned(),
  },
  (t) => [
    index("priorities_owner_idx").on(t.ownerMemberId, t.visibility),
    index("priorities_country_idx").on(t.countryCode),
    check("priorities_market_or_sector", sql`num_nonnulls(${t.countryCode}, ${t.sector}) >= 1`),
    check("priorities_weight_range", sql`${t.weight} between 1 and 10`),
  ],
);
