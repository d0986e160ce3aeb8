-- Customer search (issue 12): names are matched accent- and case-insensitively with trigrams
-- ("Lefevre" finds "Lefèvre", "Dubios" finds "Dubois"). unaccent() is only STABLE (its dictionary
-- could change), so an index needs an IMMUTABLE wrapper that names the dictionary explicitly;
-- lib/customers/search.ts calls search_fold() with the same expression so the index is used.
-- The index lives here, not in db/schema (drizzle-kit cannot express the function it depends on).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS customers_search_name_trgm_idx ON customers
  USING gin (search_fold(first_name || ' ' || last_name) gin_trgm_ops);
