-- Team email (spec/api.md v3 "The team's tools" > Team email): members hear of new requests and
-- customers' comments by email, each choosing which. No row in team_email_settings: the role's
-- default (owners and admins hear of both, members and viewers of neither).
CREATE TABLE team_email_settings (
  member_id text PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  new_request boolean NOT NULL,
  new_comment boolean NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One line per thing a member should be emailed about, bound to the team-mail job that sends it;
-- several lines for one member and project within the coalescing window go out as one email.
-- A line names the request (and comment) only: the words are read when the email leaves, so a
-- comment deleted or a person erased meanwhile is never mailed, and no customer's data is kept.
CREATE TABLE team_mail_items (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  -- 'request' | 'comment'
  kind text NOT NULL,
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  comment_id text REFERENCES comments (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  mail_job_id bigint,
  sent_at timestamptz
);
CREATE INDEX team_mail_items_unsent ON team_mail_items (member_id, project_id) WHERE sent_at IS NULL;
