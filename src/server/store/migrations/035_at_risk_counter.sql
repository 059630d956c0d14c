-- Revenue at risk (spec/api.md v3 "Revenue at risk") kept as a counter on the request, like
-- mrr_cents, instead of being summed when the backlog is read: at 10,000 requests and a
-- million votes the read-time sum cost every at_risk page ~30 ms (docs/benchmarks.md).
--
-- request_accounts.at_risk copies the account's flag (companies.at_risk, people.at_risk) the
-- way request_accounts.mrr_cents copies its MRR, and requests.at_risk_mrr_cents is the sum of
-- the MRR of its rows that are at risk. Both move only in store/account-revenue.ts: when a row
-- appears or goes, when the account's MRR changes, and when its flag flips.
ALTER TABLE request_accounts ADD COLUMN at_risk boolean NOT NULL DEFAULT false;
ALTER TABLE requests ADD COLUMN at_risk_mrr_cents bigint NOT NULL DEFAULT 0;

UPDATE request_accounts ra SET at_risk = true
  FROM companies c WHERE c.at_risk AND ra.account = 'c:' || c.id;
UPDATE request_accounts ra SET at_risk = true
  FROM people p WHERE p.at_risk AND ra.account = 'p:' || p.id;
UPDATE requests r SET at_risk_mrr_cents = s.cents
  FROM (SELECT request_id, sum(mrr_cents) AS cents FROM request_accounts
         WHERE at_risk GROUP BY request_id) s
 WHERE r.id = s.request_id;

-- ?sort=at_risk reads its page straight from an index, as the other sorts do.
CREATE INDEX requests_by_at_risk
  ON requests (project_id, at_risk_mrr_cents DESC, mrr_cents DESC, votes DESC, created_at DESC);
-- ?atRisk=true and a request's at-risk accounts probe only the at-risk rows of a request.
CREATE INDEX request_accounts_at_risk ON request_accounts (request_id) WHERE at_risk;

-- Nothing gathers a project's at-risk accounts any more (migration 034).
DROP INDEX companies_at_risk;
DROP INDEX people_at_risk;
