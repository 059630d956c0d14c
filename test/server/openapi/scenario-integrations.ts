/**
 * Scenario rows for spec v3 "The team's tools" (scenario.ts spreads them into ADMIN_STEPS): the
 * integrations' set-up, a request's links, and GitHub's signed webhook. Runs on the anonymous
 * visitor's request (kept.requestId); nothing here changes its status.
 */
import { createHmac } from 'node:crypto'
import type { ScenarioState, Step } from './scenario'

const admin = (s: ScenarioState) => ({ Authorization: `Bearer ${s.adminToken}` })
const integrations = (s: ScenarioState) => `/v1/admin/projects/${s.projectId}/integrations`
const links = (s: ScenarioState) =>
  `/v1/admin/projects/${s.projectId}/requests/${s.kept.requestId}/links`
const inbound = (s: ScenarioState) => `/v1/integrations/github/${s.projectId}`

/** An issue linked to nothing, closed: verified, answered, nothing moves. */
const CLOSED_ISSUE = JSON.stringify({
  action: 'closed',
  issue: { number: 999, state: 'closed' },
  repository: { full_name: 'acme/app' },
})
const signed = (secret: string, body: string) => ({
  'X-GitHub-Event': 'issues',
  'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
})

export const INTEGRATION_STEPS: readonly Step[] = [
  { name: 'the integrations', method: 'GET', path: integrations, headers: admin, expect: 200 },
  {
    name: 'set GitHub up',
    method: 'POST',
    path: (s) => `${integrations(s)}/github`,
    headers: admin,
    body: () => ({ repository: 'acme/app' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.githubSecret = json.secret
    },
  },
  {
    name: 'set GitHub up with a repository that is not owner/name',
    method: 'POST',
    path: (s) => `${integrations(s)}/github`,
    headers: admin,
    body: () => ({ repository: 'acme' }),
    expect: 400,
  },
  {
    name: 'set Linear up',
    method: 'POST',
    path: (s) => `${integrations(s)}/linear`,
    headers: admin,
    body: () => ({ teamId: 'team-1' }),
    expect: 201,
  },
  {
    name: 'the integrations, set up',
    method: 'GET',
    path: integrations,
    headers: admin,
    expect: 200,
  },
  {
    name: 'link a GitHub issue',
    method: 'POST',
    path: links,
    headers: admin,
    body: () => ({ url: 'https://github.com/acme/app/issues/1' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.linkId = json.link.id
    },
  },
  {
    name: 'link it again',
    method: 'POST',
    path: links,
    headers: admin,
    body: () => ({ url: 'https://github.com/acme/app/issues/1' }),
    expect: 200,
  },
  {
    name: 'link what is not an issue',
    method: 'POST',
    path: links,
    headers: admin,
    body: () => ({ url: 'https://example.com/issues/1' }),
    expect: 400,
  },
  {
    name: 'create a GitHub issue without a token',
    method: 'POST',
    path: links,
    headers: admin,
    body: () => ({ create: 'github' }),
    expect: 409,
  },
  { name: 'the links', method: 'GET', path: links, headers: admin, expect: 200 },
  {
    name: 'unlink the issue',
    method: 'DELETE',
    path: (s) => `${links(s)}/${s.kept.linkId}`,
    headers: admin,
    expect: 204,
  },
  {
    name: 'GitHub webhook without a signature',
    method: 'POST',
    path: inbound,
    headers: () => ({ 'X-GitHub-Event': 'issues' }),
    body: () => CLOSED_ISSUE,
    expect: 401,
  },
  {
    name: 'GitHub webhook, signed, an issue linked to nothing',
    method: 'POST',
    path: inbound,
    headers: (s) => signed(s.kept.githubSecret ?? '', CLOSED_ISSUE),
    body: () => CLOSED_ISSUE,
    expect: 200,
  },
  {
    name: 'remove GitHub',
    method: 'DELETE',
    path: (s) => `${integrations(s)}/github`,
    headers: admin,
    expect: 204,
  },
]
