-- Search (server/modules/search): stored, generated search columns on every searchable table.
--   search_vector  tsvector, weighted: A names (not stemmed), B titles, C bios/descriptions/outcomes, D sectors/themes
--   search_names   the folded names (lower case, no accents), for trigram typo tolerance and substring matching
--   search_notes   interactions only: the notes, kept apart so they are consulted only where the viewer may read them
-- Owner-only fields (email, phone, data-protection notes) are in none of them.
-- These columns are not declared in the Drizzle tables on purpose: they are read only by hand-written search SQL,
-- and ordinary selects, inserts and audit diffs never carry them.

-- unaccent() is only STABLE; an IMMUTABLE wrapper naming its dictionary can be used in generated columns and indexes.
-- (Same definition as 0004_matching.)
CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- array_to_string() is only STABLE (element output functions may be); for text[] it is immutable.
CREATE OR REPLACE FUNCTION public.entente_search_tags(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
--> statement-breakpoint
-- Text search configurations that fold accents before the dictionary: "Osnabrück" is indexed as osnabruck.
CREATE TEXT SEARCH CONFIGURATION public.entente_simple (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.entente_simple
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, pg_catalog.simple;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION public.entente_english (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.entente_english
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, pg_catalog.english_stem;
--> statement-breakpoint
ALTER TABLE "people"
  ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(public.immutable_unaccent("full_name" || ' ' || coalesce("name_latin", '')))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_simple'::regconfig, "full_name" || ' ' || coalesce("name_latin", '')), 'A') ||
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("job_title", '')), 'B') ||
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("bio", '')), 'C') ||
    setweight(to_tsvector('public.entente_english'::regconfig, public.entente_search_tags("sectors")), 'D')
  ) STORED;
--> statement-breakpoint
ALTER TABLE "organisations"
  ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(public.immutable_unaccent("name" || ' ' || coalesce("name_latin", '')))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_simple'::regconfig, "name" || ' ' || coalesce("name_latin", '')), 'A') ||
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("description", '')), 'C') ||
    setweight(to_tsvector('public.entente_english'::regconfig, public.entente_search_tags("sectors")), 'D')
  ) STORED;
--> statement-breakpoint
ALTER TABLE "places"
  ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(public.immutable_unaccent("name" || ' ' || coalesce("name_latin", '')))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_simple'::regconfig, "name" || ' ' || coalesce("name_latin", '')), 'A')
  ) STORED;
--> statement-breakpoint
ALTER TABLE "partnerships"
  ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(public.immutable_unaccent("name"))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_simple'::regconfig, "name"), 'A') ||
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("description", '')), 'C') ||
    setweight(to_tsvector('public.entente_english'::regconfig, public.entente_search_tags("themes")), 'D')
  ) STORED;
--> statement-breakpoint
ALTER TABLE "visits"
  ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(public.immutable_unaccent("title"))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_simple'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("objectives", '')), 'C')
  ) STORED;
--> statement-breakpoint
ALTER TABLE "interactions"
  ADD COLUMN "search_names" text GENERATED ALWAYS AS (lower(public.immutable_unaccent("subject"))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_simple'::regconfig, "subject"), 'A') ||
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("outcome", '')), 'C') ||
    setweight(to_tsvector('public.entente_english'::regconfig, public.entente_search_tags("themes")), 'D')
  ) STORED,
  ADD COLUMN "search_notes" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.entente_english'::regconfig, coalesce("notes", '')), 'C')
  ) STORED;
--> statement-breakpoint
CREATE INDEX "people_search_vector_idx" ON "people" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "people_search_names_trgm_idx" ON "people" USING gin ("search_names" public.gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "organisations_search_vector_idx" ON "organisations" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "organisations_search_names_trgm_idx" ON "organisations" USING gin ("search_names" public.gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "places_search_vector_idx" ON "places" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "places_search_names_trgm_idx" ON "places" USING gin ("search_names" public.gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "partnerships_search_vector_idx" ON "partnerships" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "partnerships_search_names_trgm_idx" ON "partnerships" USING gin ("search_names" public.gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "visits_search_vector_idx" ON "visits" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "visits_search_names_trgm_idx" ON "visits" USING gin ("search_names" public.gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "interactions_search_vector_idx" ON "interactions" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "interactions_search_notes_idx" ON "interactions" USING gin ("search_notes");
--> statement-breakpoint
CREATE INDEX "interactions_search_names_trgm_idx" ON "interactions" USING gin ("search_names" public.gin_trgm_ops);
--> statement-breakpoint
-- Typo tolerance: records of the given kinds whose folded names are word-similar to every (folded) word
-- of the query; `lead` (the longest word) drives the trigram index. The threshold (0.5; "Brimingham" vs
-- "Birmingham" is 0.55) is set for this function only. Visibility is applied by the caller, which joins these ids.
CREATE OR REPLACE FUNCTION public.entente_search_fuzzy(lead text, words text[], kinds text[])
  RETURNS TABLE (hit_kind text, hit_id uuid)
  LANGUAGE sql STABLE
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$
    SELECT 'Person', t.id FROM public.people t
      WHERE 'Person' = ANY (kinds) AND lead OPERATOR(public.<%) t.search_names AND t.search_names OPERATOR(public.%>) ALL (words)
    UNION ALL
    SELECT 'Organisation', t.id FROM public.organisations t
      WHERE 'Organisation' = ANY (kinds) AND lead OPERATOR(public.<%) t.search_names AND t.search_names OPERATOR(public.%>) ALL (words)
    UNION ALL
    SELECT 'Place', t.id FROM public.places t
      WHERE 'Place' = ANY (kinds) AND lead OPERATOR(public.<%) t.search_names AND t.search_names OPERATOR(public.%>) ALL (words)
    UNION ALL
    SELECT 'Partnership', t.id FROM public.partnerships t
      WHERE 'Partnership' = ANY (kinds) AND lead OPERATOR(public.<%) t.search_names AND t.search_names OPERATOR(public.%>) ALL (words)
    UNION ALL
    SELECT 'Visit', t.id FROM public.visits t
      WHERE 'Visit' = ANY (kinds) AND lead OPERATOR(public.<%) t.search_names AND t.search_names OPERATOR(public.%>) ALL (words)
    UNION ALL
    SELECT 'Interaction', t.id FROM public.interactions t
      WHERE 'Interaction' = ANY (kinds) AND lead OPERATOR(public.<%) t.search_names AND t.search_names OPERATOR(public.%>) ALL (words)
  $$;
