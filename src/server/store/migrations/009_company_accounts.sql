-- Revenue counted once per account (spec/api.md v2 "Companies"): an account is the person's
-- company when their latest token names one, else the person. Each identified vote carries
-- its voter's account, and request_accounts keeps one row per (request, account) with the
-- number of that account's voters and the account's MRR, so a request's mrr_cents (the sum of
-- its accounts' MRR) and accounts stay counters, maintained in the same transaction as every
-- vote, merge and revenue or company change. The backlog stays an index scan.

CREATE TABLE companies (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  -- The `company.id` the customer's server sends.
  external_id text NOT NULL,
  name text,
  plan text,
  billing_interval text,
  amount_cents bigint,
  mrr_cents bigint NOT NULL DEFAULT 0,
  -- iat of the token the billing came from: an older token never overwrites a newer one.
  token_iat bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (project_id, external_id)
);
CREATE INDEX companies_by_revenue ON companies (project_id, mrr_cents DESC, external_id);

ALTER TABLE people ADD COLUMN company_id bigint REFERENCES companies (id);
CREATE INDEX people_by_company ON people (company_id) WHERE company_id IS NOT NULL;

-- 'c:<companies.id>' or 'p:<people.id>'; null for anonymous votes.
ALTER TABLE votes ADD COLUMN account text;
UPDATE votes SET account = 'p:' || person_id WHERE person_id IS NOT NULL;

CREATE TABLE request_accounts (
  request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  account text NOT NULL,
  voters integer NOT NULL,
  mrr_cents bigint NOT NULL,
  PRIMARY KEY (request_id, account)
);
CREATE INDEX request_accounts_by_account ON request_accounts (account);

INSERT INTO request_accounts (request_id, account, voters, mrr_cents)
SELECT v.request_id, v.account, count(*), max(p.mrr_cents)
  FROM votes v JOIN people p ON p.id = v.person_id
 GROUP BY v.request_id, v.account;

ALTER TABLE requests ADD COLUMN accounts integer NOT NULL DEFAULT 0;
UPDATE requests r SET accounts = c.n, mrr_cents = c.m
  FROM (SELECT request_id, count(*) AS n, sum(mrr_cents) AS m
          FROM request_accounts GROUP BY request_id) c
 WHERE r.id = c.request_id;
