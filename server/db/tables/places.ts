import { sql } from "drizzle-orm";
import { type AnyPgColumn, char, doublePrecision, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, versioned } from "./common.js";

export const placeKind = pgEnum("place_kind", ["COUNTRY", "REGION", "CITY"]);

// Places are public reference data: no owner, no visibility.
export const places = pgTable(
  "places",
  {
    id: id(),
    kind: placeKind("kind").notNull(),
    name: text("name").notNull(),
    nameLatin: text("name_latin"),
    countryCode: char("country_code", { length: 2 }).notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => places.id),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    ...versioned(),
  },
  (t) => [
    index("places_country_idx").on(t.countryCode, t.kind),
    index("places_parent_idx").on(t.parentId),
    index("places_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
  ],
);
