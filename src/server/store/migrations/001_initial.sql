-- Reqio's schema. Counters on requests (votes, mrr_cents) are kept up to date in the same
-- transaction as every vote, merge and revenue change, so the backlog is an index scan
-- instead of an aggregate over a million votes.

CREATE TABLE projects (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  -- The HMAC key is needed in clear to verify signatures; it is only ever shown by the admin
  -- API at creation and rotation.
  secret text NOT NULL,
  secret_generation integer NOT NULL DEFAULT 1,
  previous_secret text,
  previous_valid_until timestamptz
);

CREATE TABLE people (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  sub text NOT NULL,
  email text,
  plan text,
  billing_interval text,
  amount_cents bigint,
  mrr_cents bigint NOT NULL DEFAULT 0,
  -- iat of the token the traits came from: an older token never overwrites a newer one.
  token_iat bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (project_id, sub)
);

CREATE TABLE requests (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open',
  votes integer NOT NULL DEFAULT 0,
  mrr_cents bigint NOT NULL DEFAULT 0,
  -- 's:<sub>' for a person, 'a:<anonymous id>' before identify.
  author_voter text NOT NULL,
  author_person_id bigint REFERENCES people (id),
  idempotency_key text,
  merged_into text REFERENCES requests (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX requests_idempotency_key ON requests (project_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX requests_by_revenue ON requests (project_id, mrr_cents DESC, votes DESC, created_at DESC)
  WHERE merged_into IS NULL;
CREATE INDEX requests_by_votes ON requests (project_id, votes DESC, created_at DESC)
  WHERE merged_into IS NULL;
CREATE INDEX requests_by_created ON requests (project_id, created_at DESC)
  WHERE merged_into IS NULL;
CREATE INDEX requests_by_author ON requests (project_id, author_voter, created_at DESC);

-- One row per (request, voter): the primary key is what makes votes idempotent.
CREATE TABLE votes (
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  voter text NOT NULL,
  project_id text NOT NULL,
  person_id bigint REFERENCES people (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (request_id, voter)
);
CREATE INDEX votes_by_voter ON votes (project_id, voter);
CREATE INDEX votes_by_person ON votes (person_id) WHERE person_id IS NOT NULL;

-- Which anonymous ids were linked to which person by identify.
CREATE TABLE anonymous_links (
  project_id text NOT NULL,
  anonymous_id text NOT NULL,
  person_id bigint NOT NULL REFERENCES people (id),
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id, person_id)
);
