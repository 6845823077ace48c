-- Covering indexes for the read paths that go from a person, an organisation or a set
-- of interaction ids to the interactions a viewer may see (briefings, timelines,
-- alumni warmth, partnership activity). With them those lookups are index-only: the
-- wide interactions rows (notes, search vectors) are not read just to check
-- visibility, archiving and the date. docs/performance.md has the plans.
CREATE INDEX IF NOT EXISTS "interactions_live_cover_idx" ON "interactions" USING btree ("id") INCLUDE ("owner_member_id", "visibility", "occurred_at") WHERE "archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "interaction_people_person_cover_idx" ON "interaction_people" USING btree ("person_id", "interaction_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "interaction_organisations_organisation_cover_idx" ON "interaction_organisations" USING btree ("organisation_id", "interaction_id");
