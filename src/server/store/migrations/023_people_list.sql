-- v3 people (spec/api.md "People (GDPR)"): the dashboard's list of a project's people, most
-- recently seen first (updated_at: when a newer token of theirs was last written), walked by
-- cursor pages of (updated_at, id). 023: after the API keys' 022 (the two are independent).
CREATE INDEX people_by_last_seen ON people (project_id, updated_at DESC, id DESC);
