-- Round three of hardening (issue 24): changelog trees stored at write, and comment pages.
-- A changelog entry's Markdown is parsed once, when it is written, and the safe node tree kept
-- as JSON text beside it: reads (the widget, the changelog, every cache refill after a vote)
-- never parse. NULL for entries written before: those are parsed on read, within the bounds.
ALTER TABLE changelog_entries ADD COLUMN body_nodes text;

-- A request's public thread, newest first: the detail reads its newest 50 and pages back from a
-- cursor, so a thread of thousands costs one page of index entries, not all of them.
CREATE INDEX comments_public_thread ON comments (request_id, created_at DESC, seq DESC)
  WHERE NOT internal AND NOT hidden;
