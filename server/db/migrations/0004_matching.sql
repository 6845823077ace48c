-- Duplicate matching (server/modules/matching): names compared case-, accent- and word-order-insensitively.
-- unaccent() is only STABLE (it reads a dictionary), so indexes use an IMMUTABLE wrapper that names
-- the dictionary explicitly. Everything is schema-qualified so index expressions do not depend on search_path.
CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- "José MÜLLER" → "jose muller": what trigram similarity compares.
CREATE OR REPLACE FUNCTION public.entente_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.immutable_unaccent($1)) $$;
--> statement-breakpoint
-- "TANAKA, Hiroshi" and "Hiroshi Tanaka" → "hiroshi tanaka"; "宏　田中" and "田中 宏" → "宏 田中":
-- folded words in sorted order, for exact matches whatever the word order and script.
CREATE OR REPLACE FUNCTION public.entente_name_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string(array(
    SELECT w FROM unnest(regexp_split_to_array(public.entente_fold($1), '[[:space:][:punct:]\u3000]+')) AS w
    WHERE w <> '' ORDER BY w), ' ') $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_full_name_fold_trgm_idx" ON "people" USING gin (public.entente_fold("full_name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_latin_fold_trgm_idx" ON "people" USING gin (public.entente_fold("name_latin") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_full_name_key_idx" ON "people" (public.entente_name_key("full_name"));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_latin_key_idx" ON "people" (public.entente_name_key("name_latin"));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_name_fold_trgm_idx" ON "organisations" USING gin (public.entente_fold("name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_name_latin_fold_trgm_idx" ON "organisations" USING gin (public.entente_fold("name_latin") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_name_key_idx" ON "organisations" (public.entente_name_key("name"));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_name_latin_key_idx" ON "organisations" (public.entente_name_key("name_latin"));
--> statement-breakpoint
-- Timelines (server/modules/timelines) reach follow-ups through their visit and partnership too.
CREATE INDEX IF NOT EXISTS "follow_ups_visit_timeline_idx" ON "follow_ups" ("visit_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "follow_ups_partnership_timeline_idx" ON "follow_ups" ("partnership_id");
