-- The claim reads due jobs oldest first (run_at, id): with id in the index, a backlog of jobs
-- queued at one instant (one transaction) is read in order and the scan stops at its limit,
-- instead of sorting the whole backlog on every claim.
DROP INDEX jobs_due;
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status = 'queued';
