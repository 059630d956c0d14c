/**
 * Scenario rows for spec v3 "The revenue ledger" (scenario.ts spreads them in after "the
 * companies"): the Stripe secret set through the project's settings, Settings › Revenue's view,
 * Stripe's webhook (a signed event, a bad signature) and a company's MRR history.
 */
import Stripe from 'stripe'
import type { ScenarioState, Step } from './scenario'

const WEBHOOK_SECRET = 'whsec_openapiScenarioSecret0001'
const admin = (s: ScenarioState) => ({ Authorization: `Bearer ${s.adminToken}` })
const adminProject = (s: ScenarioState) => `/v1/admin/projects/${s.projectId}`
const webhook = (s: ScenarioState) => `/v1/integrations/stripe/${s.projectId}`
const EVENT = JSON.stringify({
  id: 'evt_openapi',
  object: 'event',
  type: 'customer.created',
  created: 1_765_000_000,
  data: { object: { id: 'cus_openapi', object: 'customer', metadata: { reqio_sub: 'ann' } } },
})

export const REVENUE_STEPS: readonly Step[] = [
  {
    name: 'Stripe before it is set up',
    method: 'POST',
    path: webhook,
    headers: () => ({ 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=00' }),
    body: () => EVENT,
    expect: 404,
  },
  {
    name: 'set the Stripe webhook secret',
    method: 'PATCH',
    path: adminProject,
    headers: admin,
    body: () => ({ settings: { stripe: { webhookSecret: WEBHOOK_SECRET } } }),
    expect: 200,
  },
  {
    name: 'a Stripe secret that is not whsec_',
    method: 'PATCH',
    path: adminProject,
    headers: admin,
    body: () => ({ settings: { stripe: { webhookSecret: 'sk_live_oops' } } }),
    expect: 400,
  },
  {
    name: 'a signed Stripe event',
    method: 'POST',
    path: webhook,
    headers: () => ({
      'Content-Type': 'application/json',
      'Stripe-Signature': new Stripe('sk_test_unused').webhooks.generateTestHeaderString({
        payload: EVENT,
        secret: WEBHOOK_SECRET,
      }),
    }),
    body: () => EVENT,
    expect: 200,
  },
  {
    name: 'a Stripe event with a bad signature',
    method: 'POST',
    path: webhook,
    headers: () => ({ 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=00' }),
    body: () => EVENT,
    expect: 400,
  },
  {
    name: "the project's Stripe set-up",
    method: 'GET',
    path: (s) => `${adminProject(s)}/stripe`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'the MRR history of a company nobody named',
    method: 'GET',
    path: (s) => `${adminProject(s)}/companies/no-such-company/mrr-history`,
    headers: admin,
    expect: 404,
  },
]
