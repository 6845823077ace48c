-- A read model for the briefing's key people: per person, owner member and visibility,
-- how many live interactions they took part in and the latest one. The briefing ranks
-- its candidates by the visible ones (the viewer's member's own, or NETWORK ones); read
-- from interaction_people it cost the candidates' whole history (a busy city: 14k
-- candidates, 900k links). Kept exact by the statement triggers below, on every path
-- that writes interactions or their participants (API, imports, merges, erasure,
-- FK cascades); the bulk loader disables them and calls person_interaction_stats_rebuild().
CREATE TABLE IF NOT EXISTS "person_interaction_stats" (
	"person_id" uuid NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" NOT NULL,
	"interactions" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_interaction_stats_pkey" PRIMARY KEY("person_id","owner_member_id","visibility")
);
--> statement-breakpoint
-- A viewer's own PRIVATE rows, index-only.
CREATE INDEX IF NOT EXISTS "person_interaction_stats_owner_idx" ON "person_interaction_stats" USING btree ("owner_member_id","visibility","person_id") INCLUDE ("interactions","last_at");
--> statement-breakpoint
-- The NETWORK part summed over members, one row per person: every viewer sees it, so a
-- ranking reads one row here and at most one PRIVATE row of the viewer's member above.
CREATE TABLE IF NOT EXISTS "person_interaction_totals" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"network_interactions" integer NOT NULL,
	"network_last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_interaction_totals" ADD CONSTRAINT "person_interaction_totals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_interaction_stats" ADD CONSTRAINT "person_interaction_stats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Writers of the same people are serialised (else each would count without the other's
-- uncommitted links): per person for ordinary writes, the whole table for large ones (a
-- lock per person would exhaust the lock table).
CREATE OR REPLACE FUNCTION person_interaction_stats_lock(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF cardinality(ids) > 500 THEN
		LOCK TABLE person_interaction_stats IN SHARE ROW EXCLUSIVE MODE;
	ELSE
		PERFORM pg_advisory_xact_lock(hashtextextended(x::text, 7401)) FROM (SELECT DISTINCT unnest(ids) AS x ORDER BY 1) s;
	END IF;
END $$;
--> statement-breakpoint
-- Recomputes the rows of these people from interaction_people and interactions.
CREATE OR REPLACE FUNCTION person_interaction_stats_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF ids IS NULL OR cardinality(ids) = 0 THEN
		RETURN;
	END IF;
	PERFORM person_interaction_stats_lock(ids);
	DELETE FROM person_interaction_stats s WHERE s.person_id = ANY(ids);
	DELETE FROM person_interaction_totals t WHERE t.person_id = ANY(ids);
	INSERT INTO person_interaction_stats (person_id, owner_member_id, visibility, interactions, last_at)
	SELECT ip.person_id, i.owner_member_id, i.visibility, count(*)::int, max(i.occurred_at)
	FROM interaction_people ip
	JOIN interactions i ON i.id = ip.interaction_id AND i.archived_at IS NULL
	WHERE ip.person_id = ANY(ids)
	GROUP BY ip.person_id, i.owner_member_id, i.visibility;
	INSERT INTO person_interaction_totals (person_id, network_interactions, network_last_at)
	SELECT s.person_id, sum(s.interactions)::int, max(s.last_at)
	FROM person_interaction_stats s
	WHERE s.person_id = ANY(ids) AND s.visibility = 'NETWORK'
	GROUP BY s.person_id;
END $$;
--> statement-breakpoint
-- Recomputes the whole table (the migration's backfill; the bulk loader after a load).
CREATE OR REPLACE FUNCTION person_interaction_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	LOCK TABLE person_interaction_stats IN SHARE ROW EXCLUSIVE MODE;
	DELETE FROM person_interaction_stats;
	DELETE FROM person_interaction_totals;
	INSERT INTO person_interaction_stats (person_id, owner_member_id, visibility, interactions, last_at)
	SELECT ip.person_id, i.owner_member_id, i.visibility, count(*)::int, max(i.occurred_at)
	FROM interaction_people ip
	JOIN interactions i ON i.id = ip.interaction_id AND i.archived_at IS NULL
	GROUP BY ip.person_id, i.owner_member_id, i.visibility;
	INSERT INTO person_interaction_totals (person_id, network_interactions, network_last_at)
	SELECT s.person_id, sum(s.interactions)::int, max(s.last_at)
	FROM person_interaction_stats s
	WHERE s.visibility = 'NETWORK'
	GROUP BY s.person_id;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION person_interaction_stats_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- New participations only add: counted in, not recounted (a person met 10,000 times
		-- would otherwise cost 10,000 rows per new meeting).
		PERFORM person_interaction_stats_lock(array(SELECT DISTINCT person_id FROM new_links));
		INSERT INTO person_interaction_stats AS s (person_id, owner_member_id, visibility, interactions, last_at)
		SELECT n.person_id, i.owner_member_id, i.visibility, count(*)::int, max(i.occurred_at)
		FROM new_links n
		JOIN interactions i ON i.id = n.interaction_id AND i.archived_at IS NULL
		GROUP BY n.person_id, i.owner_member_id, i.visibility
		ON CONFLICT (person_id, owner_member_id, visibility)
			DO UPDATE SET interactions = s.interactions + excluded.interactions, last_at = greatest(s.last_at, excluded.last_at);
		INSERT INTO person_interaction_totals AS t (person_id, network_interactions, network_last_at)
		SELECT n.person_id, count(*)::int, max(i.occurred_at)
		FROM new_links n
		JOIN interactions i ON i.id = n.interaction_id AND i.archived_at IS NULL AND i.visibility = 'NETWORK'
		GROUP BY n.person_id
		ON CONFLICT (person_id)
			DO UPDATE SET network_interactions = t.network_interactions + excluded.network_interactions,
				network_last_at = greatest(t.network_last_at, excluded.network_last_at);
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM person_interaction_stats_refresh(array(SELECT DISTINCT person_id FROM old_links));
	ELSE
		PERFORM person_interaction_stats_refresh(array(SELECT person_id FROM old_links UNION SELECT person_id FROM new_links));
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Only the columns the counts read matter: owner, visibility, archiving, date.
CREATE OR REPLACE FUNCTION person_interaction_stats_interactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM person_interaction_stats_refresh(array(
			SELECT DISTINCT ip.person_id FROM interaction_people ip WHERE ip.interaction_id IN (SELECT id FROM new_interactions)));
	ELSE
		PERFORM person_interaction_stats_refresh(array(
			SELECT DISTINCT ip.person_id FROM interaction_people ip WHERE ip.interaction_id IN (
				SELECT n.id FROM new_interactions n JOIN old_interactions o ON o.id = n.id
				WHERE (n.owner_member_id, n.visibility, n.archived_at, n.occurred_at)
					IS DISTINCT FROM (o.owner_member_id, o.visibility, o.archived_at, o.occurred_at))));
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION person_interaction_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE person_interaction_stats, person_interaction_totals;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- A deleted interaction's links go by FK cascade, which fires the links' delete trigger.
CREATE TRIGGER person_interaction_stats_links_insert AFTER INSERT ON interaction_people
	REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION person_interaction_stats_links();
--> statement-breakpoint
CREATE TRIGGER person_interaction_stats_links_delete AFTER DELETE ON interaction_people
	REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION person_interaction_stats_links();
--> statement-breakpoint
CREATE TRIGGER person_interaction_stats_links_update AFTER UPDATE ON interaction_people
	REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION person_interaction_stats_links();
--> statement-breakpoint
CREATE TRIGGER person_interaction_stats_links_truncate AFTER TRUNCATE ON interaction_people
	FOR EACH STATEMENT EXECUTE FUNCTION person_interaction_stats_truncate();
--> statement-breakpoint
CREATE TRIGGER person_interaction_stats_interactions_insert AFTER INSERT ON interactions
	REFERENCING NEW TABLE AS new_interactions FOR EACH STATEMENT EXECUTE FUNCTION person_interaction_stats_interactions();
--> statement-breakpoint
CREATE TRIGGER person_interaction_stats_interactions_update AFTER UPDATE ON interactions
	REFERENCING OLD TABLE AS old_interactions NEW TABLE AS new_interactions FOR EACH STATEMENT EXECUTE FUNCTION person_interaction_stats_interactions();
--> statement-breakpoint
-- Interactions by place, index-only: the briefing's scope (every interaction at the places
-- covered) and partnership activity (interactions at a party place) read only the ids.
CREATE INDEX IF NOT EXISTS "interactions_place_cover_idx" ON "interactions" USING btree ("place_id") INCLUDE ("id");
--> statement-breakpoint
-- The themes of live interactions by id, index-only: the briefing's sector priorities read
-- the themes of the scope's recent interactions (35k in a busy city; from the wide heap
-- rows that took 300 ms).
CREATE INDEX IF NOT EXISTS "interactions_live_themes_idx" ON "interactions" USING btree ("id") INCLUDE ("themes") WHERE "archived_at" IS NULL;
--> statement-breakpoint
SELECT person_interaction_stats_rebuild();
--> statement-breakpoint
ANALYZE person_interaction_stats;
--> statement-breakpoint
ANALYZE person_interaction_totals;
