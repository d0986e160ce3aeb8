-- The vocabulary of customers' names (customer_name_words, migration 0030) and what keeps it:
-- lib/customers/search.ts matches each typed word against the vocabulary with trigrams (tens of
-- thousands of words), then reads the customers holding the words found through
-- customers_name_words_idx, so a name query no longer rechecks the trigrams of a million names.
-- search_words() splits a name as the index and the search do: folded (search_fold), cut at ASCII
-- spaces and punctuation. The index lives here, not in db/schema (drizzle-kit cannot express the
-- function it depends on).
CREATE OR REPLACE FUNCTION search_words(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT array_remove(regexp_split_to_array(public.search_fold(value), '[[:space:][:punct:]]+'), '') $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS customers_name_words_idx ON customers
  USING gin (search_words(first_name || ' ' || last_name));
--> statement-breakpoint
-- Kept in the writing transaction (no indexing delay): a new name's words are added; the words a
-- renamed or erased customer was the last to hold are removed (an erased name leaves no trace). Under
-- a race (the last holder of a word renamed while another customer with it is created) a word can go
-- missing: the search always tries the typed words themselves too, so that name is still found
-- when spelt right.
CREATE OR REPLACE FUNCTION customer_name_words_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  added text[] := CASE WHEN TG_OP <> 'DELETE' THEN search_words(NEW.first_name || ' ' || NEW.last_name) ELSE '{}' END;
  removed text[] := CASE WHEN TG_OP <> 'INSERT' THEN search_words(OLD.first_name || ' ' || OLD.last_name) ELSE '{}' END;
BEGIN
  IF added IS NOT NULL AND cardinality(added) > 0 THEN
    INSERT INTO customer_name_words (word)
      SELECT DISTINCT w FROM unnest(added) w WHERE removed IS NULL OR NOT (w = ANY (removed))
      ON CONFLICT (word) DO NOTHING;
  END IF;
  IF removed IS NOT NULL AND cardinality(removed) > 0 THEN
    DELETE FROM customer_name_words v
      WHERE v.word = ANY (removed) AND (added IS NULL OR NOT (v.word = ANY (added)))
        AND NOT EXISTS (SELECT 1 FROM customers c WHERE search_words(c.first_name || ' ' || c.last_name) @> ARRAY[v.word]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_name_words_sync
  AFTER INSERT OR UPDATE OF first_name, last_name OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION customer_name_words_sync();
--> statement-breakpoint
INSERT INTO customer_name_words (word)
  SELECT DISTINCT unnest(search_words(first_name || ' ' || last_name)) FROM customers
  ON CONFLICT (word) DO NOTHING;
--> statement-breakpoint
ANALYZE customer_name_words;
