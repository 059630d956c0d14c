-- v3 portal sign-in (spec/api.md "Signing in from the customer's app"): a person who arrives
-- through the project's ssoUrl gets a portal session. Only the sha256 of the random id in the
-- cookie is kept, so a copy of the database signs nobody in. The person is kept as the token
-- described them then (name, plan, company…), which the portal's writes act as.
-- 021: after portal-settings' 020_portal_settings.sql (the two are independent).
CREATE TABLE portal_sessions (
  id_hash text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  sub text NOT NULL,
  person jsonb NOT NULL,
  -- The project's secret generation the token was verified under: a rotation ends these
  -- sessions when the previous secret stops verifying.
  secret_generation integer NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX portal_sessions_by_person ON portal_sessions (project_id, sub);
CREATE INDEX portal_sessions_by_expiry ON portal_sessions (expires_at);
