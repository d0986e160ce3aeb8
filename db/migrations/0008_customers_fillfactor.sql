-- Every order updates its customer's summary (order count, lifetime value, last order). With
-- no index on those columns (0007) the update is HOT — no index entry, not even in the trigram
-- indexes — as long as the row's page has room: leave 10% of each page for it. Applies to pages
-- written from now on (the seeds load after migrating); VACUUM FULL customers rewrites old ones.
ALTER TABLE "customers" SET (fillfactor = 90);
