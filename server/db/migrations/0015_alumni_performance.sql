-- alumniInvestors (server/modules/alumni/alumni.repository.ts).
-- The member universities' own records are found among the ~8% of organisations that are
-- universities, by their owner, instead of by a scan of every organisation.
CREATE INDEX IF NOT EXISTS "organisations_university_owner_idx" ON "organisations" USING btree ("owner_member_id") WHERE "kind" = 'UNIVERSITY';--> statement-breakpoint
-- The current affiliations of every alumnus, index-only: which organisations (and so which
-- investor profiles) a person works for, read without the affiliations rows themselves.
-- Drizzle cannot declare INCLUDE, so like 0012's covering indexes it lives here only.
CREATE INDEX IF NOT EXISTS "affiliations_person_cover_idx" ON "affiliations" USING btree ("person_id") INCLUDE ("organisation_id", "ended_on");
