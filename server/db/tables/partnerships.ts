import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, versioned } from "./common.js";
import { members } from "./members.js";
import { organisations } from "./organisations.js";
import { owned } from "./owned.js";
import { places } from "./places.js";

export const partnershipKind = pgEnum("partnership_kind", [
  "SISTER_CITY",
  "PARTNER_CITY",
  "FRIENDSHIP",
  "MOU",
  "RESEARCH_COLLABORATION",
  "TRADE_AGREEMENT",
  "INVESTMENT_AGREEMENT",
]);
export const partnershipStatus = pgEnum("partnership_status", ["PROPOSED", "ACTIVE", "DORMANT", "ENDED"]);
export const partySide = pgEnum("party_side", ["UK", "INTERNATIONAL"]);

export const partnerships = pgTable(
  "partnerships",
  {
    id: id(),
    ...owned(),
    name: text("name").notNull(),
    kind: partnershipKind("kind").notNull(),
    status: partnershipStatus("status").notNull().default("ACTIVE"),
    signedOn: date("signed_on", { mode: "string" }),
    renewalDueOn: date("renewal_due_on", { mode: "string" }),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    leadMemberId: uuid("lead_member_id").references(() => members.id),
    description: text("description"),
    ...versioned(),
  },
  (t) => [
    index("partnerships_owner_idx").on(t.ownerMemberId, t.visibility),
    index("partnerships_lead_idx").on(t.leadMemberId),
    index("partnerships_renewal_idx").on(t.renewalDueOn),
  ],
);

export const partnershipParties = pgTable(
  "partnership_parties",
  {
    id: id(),
    partnershipId: uuid("partnership_id").notNull().references(() => partnerships.id, { onDelete: "cascade" }),
    side: partySide("side").notNull(),
    placeId: uuid("place_id").references(() => places.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    ...timestamps(),
  },
  (t) => [
    index("partnership_parties_partnership_idx").on(t.partnershipId),
    index("partnership_parties_place_idx").on(t.placeId),
    index("partnership_parties_organisation_idx").on(t.organisationId),
    check("partnership_parties_one_party", sql`num_nonnulls(${t.placeId}, ${t.organisationId}) = 1`),
  ],
);
