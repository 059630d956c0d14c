-- Rate limits shared by every server process on one PostgreSQL (issue 17). The embedded
-- database is one process and keeps its limits in memory; these tables stay empty there.

-- Token buckets: `tokens` left as of `updated_ms`, refilling `limit` per window continuously.
-- A bucket untouched for a whole window is full again, the same as no row, so it can go.
CREATE TABLE rate_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  updated_ms bigint NOT NULL,
  window_ms bigint NOT NULL
);
CREATE INDEX rate_buckets_by_age ON rate_buckets (updated_ms);

-- Distinct members (anonymous ids) seen per key (project and IP network) per aligned window.
CREATE TABLE distinct_members (
  key text NOT NULL,
  window_start_ms bigint NOT NULL,
  member text NOT NULL,
  window_ms bigint NOT NULL,
  PRIMARY KEY (key, window_start_ms, member)
);
CREATE INDEX distinct_members_by_window ON distinct_members (window_start_ms);

-- Failed sign-ins (wrong passwords) per key ("email:…", "ip:…"): a sliding 15-minute window
-- shared by every process, the same rule as the in-process AuthFailureLimiter.
CREATE TABLE auth_failures (
  key text NOT NULL,
  at_ms bigint NOT NULL
);
CREATE INDEX auth_failures_by_key ON auth_failures (key, at_ms DESC);
CREATE INDEX auth_failures_by_age ON auth_failures (at_ms);
