-- A changelog entry's Markdown is parsed once, when it is written, and the safe node tree kept
-- as JSON text beside it: reads (the widget, the changelog, every cache refill after a vote)
-- never parse. NULL for entries written before: those are parsed on read, within the bounds.
ALTER TABLE changelog_entries ADD COLUMN body_nodes text;
