-- Issues in the team's trackers linked to requests (spec/api.md v3 "The team's tools"). `issue_key`
-- is how the tracker's webhooks name the issue, whatever the URL looked like: GitHub
-- `owner/name#n` (lower case: GitHub's names ignore case), Linear the identifier `KEY-n`. An
-- inbound event finds its requests by (project, kind, issue_key).
CREATE TABLE request_links (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('github', 'linear')),
  issue_key text NOT NULL,
  url text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT request_links_once UNIQUE (request_id, kind, issue_key)
);
CREATE INDEX request_links_by_issue ON request_links (project_id, kind, issue_key);
