-- The vocabulary of customers' names (customer_name_words, migrations 0030 and 0031) is kept by
-- statement triggers instead of a row trigger. Per row, a statement deleting or renaming many
-- customers who share a word looked for another holder of that word once for each of them, and each
-- look walked, through customers_name_words_idx, every row the same statement had deleted or renamed:
-- quadratic (pickups.expiry's cleanup of 100,000 "Bench Expiry n" ran for more than 13 minutes). Now
-- a statement takes the words it added and the words it removed from its transition tables, each
-- distinct word once, and looks for a remaining holder of each removed word once (100,000 "Bench
-- Expiry n" deleted in one statement: 4.6 s).
--
-- Kept in the writing transaction (no indexing delay): a new name's words are added; the words a
-- renamed or erased customer was the last to hold are removed (an erased name leaves no trace). Under
-- a race (the last holder of a word renamed while another customer with it is created) a word can go
-- missing: the search always tries the typed words themselves too, so that name is still found
-- when spelt right.
--
-- Transition tables take one trigger per event, and an UPDATE trigger with them cannot name its
-- columns: customers_name_words_update runs after every update of customers and pairs the old and new
-- rows by id itself, so an update that leaves the names alone adds and removes nothing.
DROP TRIGGER IF EXISTS customers_name_words_sync ON customers;
--> statement-breakpoint
-- Removes words from the vocabulary through its primary key. The trigram index answers = too, and
-- right after many new words its statistics (kept by VACUUM) make it look cheap: the planner probed it
-- for each word, 11 s for 2,000 short ones ("1", "12"… share most of their trigrams). Bitmap scans,
-- the only way to read a GIN index, are off inside this function only.
CREATE OR REPLACE FUNCTION customer_name_words_forget(gone text[]) RETURNS void
  LANGUAGE sql SET enable_bitmapscan = off
  AS $$ DELETE FROM customer_name_words WHERE word = ANY (gone) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_name_words_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  added text[] := '{}';
  removed text[] := '{}';
  gone text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    added := ARRAY(SELECT DISTINCT w FROM new_customers n, unnest(search_words(n.first_name || ' ' || n.last_name)) w);
  ELSIF TG_OP = 'DELETE' THEN
    removed := ARRAY(SELECT DISTINCT w FROM old_customers o, unnest(search_words(o.first_name || ' ' || o.last_name)) w);
  ELSE
    -- A word a renamed customer keeps is neither added nor removed by that customer.
    WITH renamed AS (
      SELECT search_words(o.first_name || ' ' || o.last_name) AS before,
             search_words(n.first_name || ' ' || n.last_name) AS after
        FROM old_customers o JOIN new_customers n ON n.id = o.id
        WHERE o.first_name <> n.first_name OR o.last_name <> n.last_name)
    SELECT ARRAY(SELECT DISTINCT w FROM renamed r, unnest(r.after) w WHERE w <> ALL (r.before)),
           ARRAY(SELECT DISTINCT w FROM renamed r, unnest(r.before) w WHERE w <> ALL (r.after))
      INTO added, removed;
  END IF;
  IF cardinality(added) > 0 THEN
    INSERT INTO customer_name_words (word) SELECT unnest(added) ON CONFLICT (word) DO NOTHING;
  END IF;
  IF cardinality(removed) > 0 THEN
    gone := ARRAY(SELECT w FROM unnest(removed) w WHERE NOT EXISTS (
      SELECT 1 FROM customers c WHERE search_words(c.first_name || ' ' || c.last_name) @> ARRAY[w]));
    IF cardinality(gone) > 0 THEN
      PERFORM customer_name_words_forget(gone);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_name_words_insert
  AFTER INSERT ON customers REFERENCING NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_name_words_sync();
--> statement-breakpoint
CREATE TRIGGER customers_name_words_update
  AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_customers NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_name_words_sync();
--> statement-breakpoint
CREATE TRIGGER customers_name_words_delete
  AFTER DELETE ON customers REFERENCING OLD TABLE AS old_customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_name_words_sync();
--> statement-breakpoint
-- Each word a statement removes is looked up in customers_name_words_idx. With GIN's fast update (the
-- default) new entries wait in a pending list, up to 4 MB, that every lookup reads through: right
-- after 22,000 customers were inserted, deleting 20,000 of them took 7 minutes (20 ms a word, on 2
-- busy cores); with new entries written straight into the index, 2 s. Inserting a customer costs
-- ~10 µs more; the name search reads no pending list either.
ALTER INDEX customers_name_words_idx SET (fastupdate = off);
