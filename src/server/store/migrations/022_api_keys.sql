-- v3 project API keys (spec/api.md "API keys, people, and feedback on a customer's behalf"):
-- `rq_` + 32 random bytes, shown once. Only the sha256 of the key is kept (a key has 256 bits of
-- entropy, so a slow hash would buy nothing and cost every request), with the first characters
-- the dashboard shows to tell keys apart. A revoked key keeps its row (the audit log names it)
-- and is no longer listed.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  scopes text[] NOT NULL,
  key_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  -- Who created it, as the audit log names them (a member's email, or 'admin-token').
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_by_project ON api_keys (project_id, created_at);
