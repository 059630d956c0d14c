-- v3 moderation (spec/api.md "Intake and moderation" > Spam and deletion).
-- A deleted request keeps its row for 30 days (deleted_at), so that a restore brings it back;
-- the purge job removes it for good after that.
ALTER TABLE requests ADD COLUMN deleted_at timestamptz;
CREATE INDEX requests_deleted ON requests (project_id, deleted_at DESC) WHERE deleted_at IS NOT NULL;

-- The votes of a deleted request, set aside so that no count, sum or notification reads them
-- (every reader of `votes` leaves them out without knowing) and put back on restore.
CREATE TABLE deleted_request_votes (
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  voter text NOT NULL,
  project_id text NOT NULL,
  person_id bigint REFERENCES people (id),
  created_at timestamptz NOT NULL,
  voter_mrr_cents bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (request_id, voter)
);
CREATE INDEX deleted_request_votes_by_voter ON deleted_request_votes (project_id, voter);
CREATE INDEX deleted_request_votes_by_person ON deleted_request_votes (person_id)
  WHERE person_id IS NOT NULL;

-- Who may post without the team's approval: 'off', 'anonymous' or 'all'.
ALTER TABLE projects ADD COLUMN moderation text NOT NULL DEFAULT 'off';
