-- Bounded search (issue 24): the trigram index learns which project a row belongs to.
--
-- A search asks the index for rows holding a few whole trigrams of q, and reads at most a fixed
-- number of them (request-search.ts). On an index of search_text alone the project could only
-- be a filter after the index: rows of other projects holding those trigrams were read and
-- dropped without limit, or the planner (with no statistics on PGlite) walked the project's
-- rows instead. Keyed by `project_id || ' ' || search_text`, the project's own trigrams narrow
-- the index scan to that project, so every row it returns counts toward the limit.
DROP INDEX requests_search_trgm;
DO $$
DECLARE
  trgm_schema text;
BEGIN
  SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_trgm';
  EXECUTE format(
    'CREATE INDEX requests_search_in_project_trgm ON requests'
    ' USING gin ((project_id || '' '' || search_text) %I.gin_trgm_ops)'
    ' WITH (gin_pending_list_limit = 64)',
    trgm_schema);
END
$$;
