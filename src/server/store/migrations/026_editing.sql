-- v3 "Editing your own words" (issue 29): when an author last changed a comment's or a request's
-- words; NULL until then. Deleted comments are removed outright (threads recounted in the same
-- transaction), so there is no tombstone column.
ALTER TABLE comments ADD COLUMN edited_at timestamptz;
ALTER TABLE requests ADD COLUMN edited_at timestamptz;
