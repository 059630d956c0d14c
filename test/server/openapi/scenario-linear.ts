/**
 * Scenario rows for Linear (spec v3 "Issue trackers"; scenario.ts spreads them into ADMIN_STEPS
 * after the integrations' rows): its set-up, a link by a Linear URL, and its signed webhook.
 * Nothing here changes the request's status: the issue the webhook names is linked to nothing.
 */
import { createHmac } from 'node:crypto'
import type { ScenarioState, Step } from './scenario'

const admin = (s: ScenarioState) => ({ Authorization: `Bearer ${s.adminToken}` })
const setUp = (s: ScenarioState) => `/v1/admin/projects/${s.projectId}/integrations/linear`
const links = (s: ScenarioState) =>
  `/v1/admin/projects/${s.projectId}/requests/${s.kept.requestId}/links`
const inbound = (s: ScenarioState) => `/v1/integrations/linear/${s.projectId}`

/** Linear's Issue event: ENG-999 (linked to nothing) moved into a completed state at `at`. */
const completedAt = (at: number) =>
  JSON.stringify({
    action: 'update',
    type: 'Issue',
    data: { identifier: 'ENG-999', state: { type: 'completed', name: 'Done' } },
    updatedFrom: { stateId: 'state-before' },
    webhookTimestamp: at,
  })
const signed = (secret: string, body: string) => ({
  'Content-Type': 'application/json',
  'Linear-Signature': createHmac('sha256', secret).update(body).digest('hex'),
})

export const LINEAR_STEPS: readonly Step[] = [
  {
    name: 'set Linear up with its token and team',
    method: 'POST',
    path: setUp,
    headers: admin,
    body: () => ({ token: 'lin_api_scenario', teamId: '9cfb482a-81e3-4154-b5b9-2c805e70a02d' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.linearSecret = json.secret
      // Signed now: Linear's webhookTimestamp must be within 60 s of the server's clock.
      s.kept.linearEvent = completedAt(Date.now())
      s.kept.staleLinearEvent = completedAt(Date.now() - 5 * 60_000)
    },
  },
  {
    name: 'set Linear up with a field it does not take',
    method: 'POST',
    path: setUp,
    headers: admin,
    body: () => ({ repository: 'acme/app' }),
    expect: 400,
  },
  {
    name: 'link a Linear issue by its URL',
    method: 'POST',
    path: links,
    headers: admin,
    body: () => ({ url: 'https://linear.app/acme/issue/ENG-1/export-to-csv' }),
    expect: 201,
  },
  {
    name: 'Linear webhook with a stale timestamp',
    method: 'POST',
    path: inbound,
    headers: (s) => signed(s.kept.linearSecret ?? '', s.kept.staleLinearEvent ?? ''),
    body: (s) => s.kept.staleLinearEvent ?? '',
    expect: 401,
  },
  {
    name: 'Linear webhook, signed, an issue linked to nothing',
    method: 'POST',
    path: inbound,
    headers: (s) => signed(s.kept.linearSecret ?? '', s.kept.linearEvent ?? ''),
    body: (s) => s.kept.linearEvent ?? '',
    expect: 200,
  },
]
