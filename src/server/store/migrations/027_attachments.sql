-- v3 images (spec/api.md "Intake and moderation" > Images): uploaded images, re-encoded, with
-- their bytes in the database so every server process serves the same ones. An upload belongs
-- to the project and to who sent it (a voter key for the public, the team member for the team)
-- and is attached to at most one request, comment or changelog entry; one attached to nothing
-- after 24 hours is swept (jobs/sweeps/). The attachment goes with what it is attached to.
CREATE TABLE attachments (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  -- 's:<sub>' / 'a:<anonymous id>' of a public upload; NULL for the team's.
  uploader_voter text,
  -- The team's uploader: the member's email, 'admin-token' or the API key's id; NULL for the public.
  uploader_member text,
  content_type text NOT NULL,
  byte_size integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL,
  request_id text REFERENCES requests (id) ON DELETE CASCADE,
  comment_id text REFERENCES comments (id) ON DELETE CASCADE,
  changelog_entry_id text REFERENCES changelog_entries (id) ON DELETE CASCADE,
  -- Order among the attachments of the same thing (the order of attachmentIds).
  position smallint NOT NULL DEFAULT 0,
  CHECK (num_nonnulls(request_id, comment_id, changelog_entry_id) <= 1)
);
CREATE INDEX attachments_of_request ON attachments (request_id, position) WHERE request_id IS NOT NULL;
CREATE INDEX attachments_of_comment ON attachments (comment_id, position) WHERE comment_id IS NOT NULL;
CREATE INDEX attachments_of_changelog_entry ON attachments (changelog_entry_id, position)
  WHERE changelog_entry_id IS NOT NULL;
CREATE INDEX attachments_unattached ON attachments (created_at)
  WHERE request_id IS NULL AND comment_id IS NULL AND changelog_entry_id IS NULL;
CREATE INDEX attachments_by_uploader ON attachments (project_id, uploader_voter);
