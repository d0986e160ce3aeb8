-- What keeps pickups.order_number and pickups.search_name (migration 0034) equal to their order's
-- number and the folded name of their order's customer (customers.search_name), so the counter's
-- lookup (lib/pickups/lookup.ts) matches the store's ready parcels in pickups_ready_due_idx alone.
-- In the writing transaction, by the database, whatever writes: ingestion gives both when it inserts
-- the pickup (its statement knows them); any other insert gets them from the order here. Then the
-- name follows the customer: renamed (a profile edit, a name an order fills in, a merge taking the
-- other profile's name, an undo putting it back), erased (the name emptied), or the order moved to
-- another customer (a merge or its undo). Only a real change of name or customer does any work.
CREATE OR REPLACE FUNCTION pickups_lookup_fill() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.number, coalesce(NEW.search_name, c.search_name) INTO NEW.order_number, NEW.search_name
    FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id = NEW.order_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER pickups_lookup_fill
  BEFORE INSERT ON pickups
  FOR EACH ROW WHEN (NEW.order_number IS NULL) EXECUTE FUNCTION pickups_lookup_fill();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pickups_customer_renamed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE pickups p SET search_name = NEW.search_name
    FROM orders o
    WHERE o.customer_id = NEW.id AND p.order_id = o.id AND p.search_name IS DISTINCT FROM NEW.search_name;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pickups_customer_renamed
  AFTER UPDATE OF first_name, last_name ON customers
  FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name)
  EXECUTE FUNCTION pickups_customer_renamed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pickups_order_customer_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE pickups p SET search_name = (SELECT c.search_name FROM customers c WHERE c.id = NEW.customer_id)
    WHERE p.order_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pickups_order_customer_changed
  AFTER UPDATE OF customer_id ON orders
  FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
  EXECUTE FUNCTION pickups_order_customer_changed();
--> statement-breakpoint
UPDATE pickups p SET order_number = o.number, search_name = c.search_name
  FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
  WHERE o.id = p.order_id;
--> statement-breakpoint
ANALYZE pickups;
