import { sql } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { citext, id, timestamps, versioned } from "./common.js";
import { organisations } from "./organisations.js";
import { owned } from "./owned.js";
import { places } from "./places.js";

export const lawfulBasis = pgEnum("lawful_basis", [
  "LEGITIMATE_INTERESTS",
  "CONSENT",
  "PUBLIC_TASK",
  "CONTRACT",
]);

export const people = pgTable(
  "people",
  {
    id: id(),
    ...owned(),
    fullName: text("full_name").notNull(),
    // Latin transliteration for names written in another script (田中 宏 → Tanaka Hiroshi).
    nameLatin: text("name_latin"),
    jobTitle: text("job_title"),
    placeId: uuid("place_id").references(() => places.id),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    bio: text("bio"),
    // Personal contact data: visible to the owner member only, whatever the visibility.
    email: citext("email"),
    phone: text("phone"),
    lawfulBasis: lawfulBasis("lawful_basis").notNull().default("LEGITIMATE_INTERESTS"),
    lawfulBasisNote: text("lawful_basis_note"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    retentionReviewOn: date("retention_review_on", { mode: "string" }),
    externalId: text("external_id"),
    ...versioned(),
  },
  (t) => [
    index("people_owner_idx").on(t.ownerMemberId, t.visibility),
    index("people_place_idx").on(t.placeId),
    index("people_sectors_idx").using("gin", t.sectors),
    index("people_email_idx").on(t.email),
    index("people_name_trgm_idx").using("gin", sql`lower(${t.fullName}) gin_trgm_ops`),
    index("people_retention_idx").on(t.ownerMemberId, t.retentionReviewOn),
    uniqueIndex("people_external_id_key").on(t.ownerMemberId, t.externalId),
  ],
);

// Sub-records below belong to their person: they share its owner and visibility.
export const affiliations = pgTable(
  "affiliations",
  {
    id: id(),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    role: text("role"),
    startedOn: date("started_on", { mode: "string" }),
    endedOn: date("ended_on", { mode: "string" }),
    ...timestamps(),
  },
  (t) => [
    index("affiliations_person_idx").on(t.personId),
    index("affiliations_organisation_idx").on(t.organisationId),
  ],
);

export const alumniTies = pgTable(
  "alumni_ties",
  {
    id: id(),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    universityId: uuid("university_id").notNull().references(() => organisations.id),
    degree: text("degree"),
    subject: text("subject"),
    graduationYear: integer("graduation_year"),
    ...timestamps(),
  },
  (t) => [
    index("alumni_ties_person_idx").on(t.personId),
    index("alumni_ties_university_idx").on(t.universityId, t.graduationYear),
  ],
);
