-- The team's tools (spec/api.md v3 "The team's tools"): one row per project and kind. `settings`
-- holds what the kind needs and may be shown to the team (Slack: {webhookUrl, events}; GitHub:
-- {repository}; Linear: {teamId}). `token` is the tracker API token the owner gave and
-- `inbound_secret` the secret that signs the tracker's webhooks to us: neither is ever answered
-- after the call that set it (the secret is shown once, when made).
CREATE TABLE integrations (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('slack', 'github', 'linear')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  token text,
  inbound_secret text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, kind)
);
