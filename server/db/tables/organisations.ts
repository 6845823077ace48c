import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, versioned } from "./common.js";
import { owned } from "./owned.js";
import { places } from "./places.js";

export const organisationKind = pgEnum("organisation_kind", [
  "CITY_GOVERNMENT",
  "REGIONAL_GOVERNMENT",
  "NATIONAL_GOVERNMENT",
  "DIPLOMATIC_POST",
  "UNIVERSITY",
  "COMPANY",
  "INVESTOR",
  "TRADE_BODY",
  "NGO",
  "OTHER",
]);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    ...owned(),
    name: text("name").notNull(),
    nameLatin: text("name_latin"),
    kind: organisationKind("kind").notNull(),
    placeId: uuid("place_id").references(() => places.id),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    website: text("website"),
    description: text("description"),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
    // The member's own identifier from its previous system, for re-imports.
    externalId: text("external_id"),
    ...versioned(),
  },
  (t) => [
    index("organisations_owner_idx").on(t.ownerMemberId, t.visibility),
    index("organisations_place_idx").on(t.placeId),
    index("organisations_parent_idx").on(t.parentId),
    // alumniInvestors finds the member universities' own records among universities by owner.
    index("organisations_university_owner_idx").on(t.ownerMemberId).where(sql`${t.kind} = 'UNIVERSITY'`),
    index("organisations_sectors_idx").using("gin", t.sectors),
    index("organisations_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    uniqueIndex("organisations_external_id_key").on(t.ownerMemberId, t.externalId),
  ],
);
