import { sql } from "drizzle-orm";
import { bigint, check, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, versioned } from "./common.js";
import { organisations } from "./organisations.js";
import { owned } from "./owned.js";
import { people } from "./people.js";

export const investorType = pgEnum("investor_type", [
  "ANGEL",
  "VENTURE_CAPITAL",
  "PRIVATE_EQUITY",
  "CORPORATE",
  "SOVEREIGN_WEALTH",
  "FAMILY_OFFICE",
  "INSTITUTIONAL",
  "OTHER",
]);

export const investorProfiles = pgTable(
  "investor_profiles",
  {
    id: id(),
    ...owned(),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    investorType: investorType("investor_type").notNull(),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    ticketMinGbp: bigint("ticket_min_gbp", { mode: "number" }),
    ticketMaxGbp: bigint("ticket_max_gbp", { mode: "number" }),
    stages: text("stages").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    ...versioned(),
  },
  (t) => [
    index("investor_profiles_person_idx").on(t.personId),
    index("investor_profiles_organisation_idx").on(t.organisationId),
    index("investor_profiles_sectors_idx").using("gin", t.sectors),
    check("investor_profiles_one_subject", sql`num_nonnulls(${t.personId}, ${t.organisationId}) = 1`),
    check("investor_profiles_ticket_range", sql`${t.ticketMinGbp} is null or ${t.ticketMaxGbp} is null or ${t.ticketMinGbp} <= ${t.ticketMaxGbp}`),
  ],
);
