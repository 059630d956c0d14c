-- v2 team accounts (spec/api.md "Team accounts"): people who sign in to the dashboard, their
-- sessions and the invites that bring them in. Only hashes of passwords, session ids and
-- invite codes are kept: a copy of the database signs nobody in.
CREATE TABLE members (
  id text PRIMARY KEY,
  -- Stored lowercased, so one person cannot hold two accounts by changing case.
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  -- argon2id PHC string: algorithm, parameters and salt travel with the hash.
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  -- sha256 of the random session id in the cookie; the id itself is never stored.
  id_hash text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  -- Idle expiry counts from here.
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_member ON sessions (member_id);

CREATE TABLE invites (
  id text PRIMARY KEY,
  -- sha256 of the code in the invite link.
  code_hash text NOT NULL UNIQUE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  -- Set when the invite resets an existing member's password instead of adding someone.
  member_id text REFERENCES members (id) ON DELETE CASCADE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX invites_pending ON invites (created_at) WHERE accepted_at IS NULL AND revoked_at IS NULL;
