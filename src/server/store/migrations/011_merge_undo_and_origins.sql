-- Undoing a merge (issue 19): what a merge moved, recorded at merge time so that unmerge can
-- put it back. The source's vote rows are kept as they were (a voter of both requests loses
-- the source row at merge time), with the voters whose rows moved to the target, the comments
-- that moved and the requests that had been merged into the source and now point at the
-- target. Counters are not stored: unmerge recounts both requests from their votes.
CREATE TABLE request_merges (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  source_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  target_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  source_votes jsonb NOT NULL,
  moved_voters text[] NOT NULL,
  moved_comments text[] NOT NULL,
  repointed text[] NOT NULL,
  merged_at timestamptz NOT NULL,
  undone_at timestamptz
);
CREATE INDEX request_merges_by_source ON request_merges (source_id, merged_at DESC)
  WHERE undone_at IS NULL;
CREATE INDEX request_merges_by_target ON request_merges (target_id, merged_at DESC)
  WHERE undone_at IS NULL;

-- Where the widget runs (issue 19, "widget seen on <origin>"): the Origin of public requests,
-- first and latest sighting per project and origin. Written at most once a minute per origin.
CREATE TABLE project_origins (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  origin text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, origin)
);
