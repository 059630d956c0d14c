-- Closing the loop (spec/api.md "Telling people what happened"): one durable job queue that
-- email and webhooks both ride, the widget's per-person updates, webhook endpoints and their
-- delivery log, and who asked not to be emailed.

-- The queue. A job is inserted in the same transaction as the change that caused it; workers
-- claim due rows with FOR UPDATE SKIP LOCKED, so two processes never run one job at once, and a
-- claimed job whose lease ran out (its process died) is claimed again.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  project_id text REFERENCES projects (id) ON DELETE CASCADE,
  -- 'event' (fan out to people and endpoints), 'mail' (one coalesced email), 'webhook' (one delivery).
  kind text NOT NULL,
  -- Jobs of one lane (one webhook endpoint, say) are throttled together so a stuck endpoint
  -- holds only its own lane.
  lane text NOT NULL,
  payload jsonb NOT NULL,
  -- queued → running → done | queued (retry) | failed
  status text NOT NULL DEFAULT 'queued',
  attempts integer NOT NULL DEFAULT 0,
  run_at timestamptz NOT NULL,
  locked_until timestamptz,
  last_error text,
  -- At most one queued job per key (a person's coalesced email).
  dedupe_key text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_leased ON jobs (locked_until) WHERE status = 'running';
CREATE INDEX jobs_failed ON jobs (project_id, updated_at DESC) WHERE status = 'failed';
CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE status = 'queued' AND dedupe_key IS NOT NULL;

-- What the widget shows an identified person under "Updates".
CREATE TABLE person_updates (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  -- 'status' | 'reply' | 'shipped'
  kind text NOT NULL,
  title text NOT NULL,
  status text NOT NULL,
  at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX person_updates_by_person ON person_updates (person_id, at DESC, id DESC);
CREATE INDEX person_updates_unread ON person_updates (person_id) WHERE read_at IS NULL;

-- People who follow a request beyond its author and voters (commenters), added when a
-- comment.created event fans out: the notification code needs no comments table.
CREATE TABLE request_followers (
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  since timestamptz NOT NULL,
  PRIMARY KEY (request_id, person_id)
);

-- One line per thing a person should be emailed about, bound to the mail job that sends it;
-- several lines for one person within the coalescing window go out as one email.
CREATE TABLE mail_items (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  detail jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  mail_job_id bigint,
  sent_at timestamptz
);
CREATE INDEX mail_items_unsent ON mail_items (person_id) WHERE sent_at IS NULL;

CREATE TABLE mail_unsubscribes (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  PRIMARY KEY (project_id, person_id)
);

-- Demo mode without SMTP: the emails that would have gone out, for the dashboard's "Sent mail".
CREATE TABLE kept_mail (
  id bigserial PRIMARY KEY,
  project_id text REFERENCES projects (id) ON DELETE CASCADE,
  recipient text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  headers jsonb NOT NULL,
  at timestamptz NOT NULL
);

-- Keys the server signs with (unsubscribe links), created on first use.
CREATE TABLE server_keys (
  name text PRIMARY KEY,
  key text NOT NULL
);

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  url text NOT NULL,
  -- NULL: every event.
  events text[],
  secret text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_by_project ON webhook_endpoints (project_id);

CREATE TABLE webhook_deliveries (
  -- The webhook-id header: the same across every retry of this delivery.
  id text PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  project_id text NOT NULL,
  event text NOT NULL,
  body text NOT NULL,
  -- 'pending' | 'delivered' | 'failed'
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  job_id bigint,
  created_at timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
