-- Hardening (issue 11).

-- Search: `?q=` is a case-insensitive substring match (ILIKE) on title and body; one trigram
-- GIN index over both (the expression requests-store searches) answers it without scanning
-- every request; two indexes made the planner cost a BitmapOr above a scan. pg_trgm ships with PGlite (loaded in
-- pglite-db.ts) and PostgreSQL's contrib, and is a trusted extension (no superuser needed).
-- It lives in public whatever the search_path, and the operator class is named through the
-- schema it really lives in, so an install that already has it elsewhere works too.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
DO $$
DECLARE
  trgm_schema text;
BEGIN
  SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_trgm';
  EXECUTE format(
    'CREATE INDEX requests_search_trgm ON requests USING gin ((title || '' '' || body) %I.gin_trgm_ops)',
    trgm_schema);
END
$$;

-- Idempotency keys belong to their author: another caller's same key is another request.
DROP INDEX requests_idempotency_key;
CREATE UNIQUE INDEX requests_idempotency_key ON requests (project_id, author_voter, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- An anonymous id links to at most one person: keep the earliest link of any duplicates.
DELETE FROM anonymous_links a USING anonymous_links b
 WHERE a.project_id = b.project_id AND a.anonymous_id = b.anonymous_id
   AND (a.linked_at, a.person_id) > (b.linked_at, b.person_id);
ALTER TABLE anonymous_links DROP CONSTRAINT anonymous_links_pkey;
ALTER TABLE anonymous_links ADD PRIMARY KEY (project_id, anonymous_id);
