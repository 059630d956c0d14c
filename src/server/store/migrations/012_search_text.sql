-- Search (issue 11): `?q=` over 10,000 requests answered from the index, on PGlite too.
--
-- search_text is title and body lowered once, when they are written: ILIKE lowers both sides
-- of every row it looks at (three quarters of a scan's time), while LIKE on the lowered copy
-- with lower(q) matches exactly the same rows (ILIKE is defined as that on UTF-8 databases).
-- Reads name their columns (REQUEST_COLUMNS in rows.ts) so that this copy is not read with
-- every request.
ALTER TABLE requests
  ADD COLUMN search_text text GENERATED ALWAYS AS (lower(title || ' ' || body)) STORED;

-- The trigram index moves to the lowered copy, with a pending list of 64 kB rather than 4 MB.
-- GIN queues new entries (and every vote writes a new row version) in an unsorted pending list
-- that each search reads in full, until VACUUM merges it or it outgrows the limit. PGlite never
-- vacuums by itself: searches read up to 4 MB of it, and the planner, seeing that cost,
-- scanned the table instead. 64 kB (the least allowed) keeps that read small while inserts are
-- still merged in batches (fastupdate = off made bulk inserts several times slower).
DROP INDEX requests_search_trgm;
DO $$
DECLARE
  trgm_schema text;
BEGIN
  SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_trgm';
  EXECUTE format(
    'CREATE INDEX requests_search_trgm ON requests USING gin (search_text %I.gin_trgm_ops)'
    ' WITH (gin_pending_list_limit = 64)',
    trgm_schema);
END
$$;
