-- v2 project settings (spec/api.md "Project settings") and the per-project audit log
-- ("Team accounts"): who changed what, kept in the database so the dashboard can show it.
ALTER TABLE projects ADD COLUMN require_identity boolean NOT NULL DEFAULT false;
ALTER TABLE projects ADD COLUMN allow_anonymous_comments boolean NOT NULL DEFAULT false;

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  project_id text REFERENCES projects (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  -- The member's email, or 'admin-token' for the bearer token.
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL DEFAULT '',
  detail jsonb
);
CREATE INDEX audit_log_by_project ON audit_log (project_id, at DESC, id DESC);
