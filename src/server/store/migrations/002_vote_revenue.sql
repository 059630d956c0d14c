-- Each identified vote carries its voter's current monthly revenue, kept in step with people
-- in the same transactions that change it. The backlog then reads a request's top voters
-- straight from one index (no join-and-sort over every voter), and retracting or merging a
-- vote subtracts exactly what it added.
ALTER TABLE votes ADD COLUMN voter_mrr_cents bigint NOT NULL DEFAULT 0;
UPDATE votes v SET voter_mrr_cents = p.mrr_cents FROM people p WHERE p.id = v.person_id;
CREATE INDEX votes_top_voters ON votes (request_id, voter_mrr_cents DESC, voter)
  WHERE person_id IS NOT NULL;
