CREATE INDEX "follow_ups_partnership_idx" ON "follow_ups" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "follow_ups_visit_idx" ON "follow_ups" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "follow_ups_opportunity_idx" ON "follow_ups" USING btree ("opportunity_id");