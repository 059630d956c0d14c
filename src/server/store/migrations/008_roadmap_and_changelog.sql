-- Roadmap and changelog (spec/api.md v2 "Roadmap and changelog").

-- When a request last changed status: the roadmap's done lane shows the most recently
-- completed first. Existing rows start from their last update.
ALTER TABLE requests ADD COLUMN status_changed_at timestamptz;
UPDATE requests SET status_changed_at = updated_at;
CREATE INDEX requests_by_status ON requests (project_id, status, status_changed_at DESC)
  WHERE merged_into IS NULL;

-- An entry is a draft while published_at is null.
CREATE TABLE changelog_entries (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  published_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX changelog_entries_published ON changelog_entries (project_id, published_at DESC)
  WHERE published_at IS NOT NULL;
CREATE INDEX changelog_entries_by_project ON changelog_entries (project_id, created_at DESC);

-- The requests an entry ships, in the order the owner linked them.
CREATE TABLE changelog_requests (
  entry_id text NOT NULL REFERENCES changelog_entries (id) ON DELETE CASCADE,
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  position integer NOT NULL,
  PRIMARY KEY (entry_id, request_id)
);
CREATE INDEX changelog_requests_by_request ON changelog_requests (request_id);
