-- The revenue ledger (spec/api.md v3 "The revenue ledger").
--
-- Every account (a company, or a person without one) says where its MRR comes from and since
-- when: `token` (the traits of the customer's tokens, as before) or `stripe` (the account's
-- subscriptions below; tokens no longer move it). `at_risk`: a Stripe subscription of the
-- account is past_due or set to cancel at the period's end.
ALTER TABLE companies
  ADD COLUMN mrr_source text NOT NULL DEFAULT 'token' CHECK (mrr_source IN ('token', 'stripe')),
  ADD COLUMN mrr_as_of timestamptz,
  ADD COLUMN at_risk boolean NOT NULL DEFAULT false;
UPDATE companies SET mrr_as_of = coalesce(updated_at, created_at);
ALTER TABLE companies ALTER COLUMN mrr_as_of SET DEFAULT now(), ALTER COLUMN mrr_as_of SET NOT NULL;

ALTER TABLE people
  ADD COLUMN mrr_source text NOT NULL DEFAULT 'token' CHECK (mrr_source IN ('token', 'stripe')),
  ADD COLUMN mrr_as_of timestamptz,
  ADD COLUMN at_risk boolean NOT NULL DEFAULT false;
UPDATE people SET mrr_as_of = coalesce(updated_at, created_at);
ALTER TABLE people ALTER COLUMN mrr_as_of SET DEFAULT now(), ALTER COLUMN mrr_as_of SET NOT NULL;

-- The project's Stripe webhook: Stripe's own whsec_ signing secret (never answered back) and
-- the last event received, whatever it did (Settings > Revenue shows it).
CREATE TABLE stripe_setups (
  project_id text PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  webhook_secret text NOT NULL,
  last_event_type text,
  last_event_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- What Reqio remembers of a Stripe customer: the reqio_company / reqio_sub keys of its metadata
-- as last seen in a customer.created / customer.updated event (Reqio calls no Stripe API).
CREATE TABLE stripe_customers (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  reqio_company text,
  reqio_sub text,
  -- `created` of the last customer event applied: an older one changes nothing.
  last_event_created bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, customer_id)
);

-- One row per Stripe subscription. The account is named by external keys (the company id or the
-- person's sub the customer's server sends), not by row ids, so a subscription may arrive before
-- Reqio has seen its account: the account takes its Stripe MRR when it first appears.
-- An account's Stripe MRR is the sum of its subscriptions' mrr_cents.
CREATE TABLE stripe_subscriptions (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  subscription_id text NOT NULL,
  customer_id text,
  -- The account: at most one of the two, taken from the subscription's own metadata
  -- (named_by 'subscription') or else from its customer's as last seen ('customer'); neither
  -- (named_by null) until a customer event names it.
  reqio_company text,
  reqio_sub text,
  named_by text CHECK (named_by IN ('subscription', 'customer')),
  status text NOT NULL,
  cancel_at_period_end boolean NOT NULL,
  mrr_cents bigint NOT NULL,
  -- past_due, or set to cancel at the period's end while it still counts.
  at_risk boolean NOT NULL,
  -- `created` of the last event applied to this subscription: an older one changes nothing.
  last_event_created bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, subscription_id)
);
CREATE INDEX stripe_subscriptions_by_company ON stripe_subscriptions (project_id, reqio_company)
  WHERE reqio_company IS NOT NULL;
CREATE INDEX stripe_subscriptions_by_sub ON stripe_subscriptions (project_id, reqio_sub)
  WHERE reqio_sub IS NOT NULL;
CREATE INDEX stripe_subscriptions_by_customer ON stripe_subscriptions (project_id, customer_id);

-- Every change of an account's MRR, whichever source made it: the company page's history
-- ("$490 -> $990 on 3 Dec, from Stripe"). `account` as in store/account-revenue.ts: 'c:<id>'
-- or 'p:<id>'.
CREATE TABLE account_mrr_changes (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  account text NOT NULL,
  from_cents bigint NOT NULL,
  to_cents bigint NOT NULL,
  source text NOT NULL CHECK (source IN ('token', 'stripe')),
  at timestamptz NOT NULL
);
CREATE INDEX account_mrr_changes_by_account ON account_mrr_changes (project_id, account, at DESC, id DESC);
