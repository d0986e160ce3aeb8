-- Trigram indexes (product names, customer search) need pg_trgm on both engines.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
