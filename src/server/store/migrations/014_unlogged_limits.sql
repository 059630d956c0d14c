-- Rate limits are counters, not records (issue 23): UNLOGGED tables write no WAL, so a limit
-- check commits without waiting for a disk flush, and they are not shipped to replicas. After
-- a PostgreSQL crash (not a clean restart) they come back empty: every budget starts full again.
ALTER TABLE rate_buckets SET UNLOGGED;
ALTER TABLE distinct_members SET UNLOGGED;
ALTER TABLE auth_failures SET UNLOGGED;

-- A bucket's size, so processes that report their spends in batches (limits/batched-buckets.ts)
-- can refill it in one statement for many keys. Null on rows written before this column.
ALTER TABLE rate_buckets ADD COLUMN capacity double precision;
