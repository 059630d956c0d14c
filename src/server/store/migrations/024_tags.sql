-- v3 tags (spec/api.md "Intake and moderation"): a project's own vocabulary (name and colour)
-- that the team puts on requests, and that the public list and the backlog filter by. A name is
-- unique within its project whatever its case ("Billing" and "billing" are one tag: 409).
-- Deleting a tag takes it off every request (ON DELETE CASCADE); a request merged into another
-- keeps its own tags, so an unmerge gives them back.
CREATE TABLE tags (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- '#rrggbb', lower case.
  color text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX tags_name_per_project ON tags (project_id, lower(name));

CREATE TABLE request_tags (
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  tag_id text NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (request_id, tag_id)
);
-- ?tag= walks a tag's requests; the primary key serves every request's own tags.
CREATE INDEX request_tags_by_tag ON request_tags (tag_id, request_id);
