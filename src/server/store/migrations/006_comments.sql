-- v2 conversations (spec/api.md "Comments"): a thread under each request, the team's public
-- status note, and the optional `name` claim shown beside a customer's comments.
ALTER TABLE people ADD COLUMN name text;
ALTER TABLE requests ADD COLUMN status_note text;
-- Kept in step with comments in the same transactions that change them (create, hide, merge),
-- like votes: comment_count counts public comments, unanswered says the latest public comment
-- is a customer's or visitor's, not the team's.
ALTER TABLE requests ADD COLUMN comment_count integer NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN unanswered boolean NOT NULL DEFAULT false;

CREATE TABLE comments (
  id text PRIMARY KEY,
  -- Orders comments written in the same millisecond.
  seq bigserial NOT NULL,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  body text NOT NULL,
  -- 'team', 'customer' (identified) or 'visitor' (anonymous).
  kind text NOT NULL,
  -- 's:<sub>' or 'a:<anonymous id>' for customers and visitors; null for the team.
  author_voter text,
  author_person_id bigint REFERENCES people (id),
  -- The member's name a team reply is signed with, and who wrote it for the audit log.
  team_name text,
  team_actor text,
  internal boolean NOT NULL DEFAULT false,
  hidden boolean NOT NULL DEFAULT false,
  idempotency_key text,
  created_at timestamptz NOT NULL
);
CREATE INDEX comments_by_request ON comments (request_id, created_at, seq);
CREATE INDEX comments_by_author ON comments (project_id, author_voter) WHERE author_voter IS NOT NULL;
-- The same Idempotency-Key from the same author answers the first comment.
CREATE UNIQUE INDEX comments_idempotency_key ON comments (project_id, author_voter, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
