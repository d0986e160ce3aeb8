-- A single statement that must not take effect stops itself: raising rolls the whole statement
-- back (every data-modifying CTE with it), and the caller reads why from the error.
-- SQLSTATE CMP01, message = the reason, detail = JSON. Used by order ingestion (lib/orders/ingest-order.ts).
CREATE FUNCTION "comptoir_refuse"("reason" text, "detail" jsonb DEFAULT '{}'::jsonb) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'CMP01', MESSAGE = reason, DETAIL = detail::text;
END
$$;
