-- Following (spec/api.md v3 "Intake and moderation" > Following). Authors, voters and
-- commenters follow a request by default (request_followers keeps commenters and whoever
-- followed by hand); an unfollow is its own row so it beats every default, and following again
-- deletes it.
CREATE TABLE request_unfollows (
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  PRIMARY KEY (request_id, person_id)
);
CREATE INDEX request_unfollows_by_person ON request_unfollows (person_id);

-- Which kinds of news (`status`, `reply`, `shipped`) a person turned off on the preferences
-- page linked from every email's footer: none of those kinds reach their email or their
-- widget's Updates. No row: every kind.
CREATE TABLE notification_preferences (
  person_id bigint PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  muted_kinds text[] NOT NULL,
  updated_at timestamptz NOT NULL
);
