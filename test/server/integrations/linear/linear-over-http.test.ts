// Linear over real HTTP (spec/api.md v3 "Issue trackers"): the set-up and its secret, issues
// created through a fake Linear GraphQL endpoint, links by URL keyed by the identifier, and
// inbound deliveries checked by Linear-Signature and webhookTimestamp before anything moves.
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeBackends } from '../../../helpers/backends'
import { capturingLogger } from '../../../helpers/capturing-logger'
import { type FakeLinear, startFakeLinear } from '../../../helpers/fake-linear'
import { serverWithFreshProject } from '../../../helpers/fresh-project'
import type { TestServer } from '../../../helpers/start-server'
import {
  startWebhookReceiver,
  verifiedEvents,
  type WebhookReceiver,
} from '../../../helpers/webhook-receiver'

const TOKEN = 'lin_api_0123456789abcdefghijklmnopqrstuvwxyzABCD'
const TEAM_ID = '9cfb482a-81e3-4154-b5b9-2c805e70a02d'

describe.each(storeBackends())('Linear on $name', (backend) => {
  let server: TestServer
  let projectId: string
  let linear: FakeLinear
  const notify = { linearApiUrl: '', webhookRetrySeconds: [0] }
  // Before the server starts (hooks run in the order they are declared): it is pointed at the fake.
  beforeAll(async () => {
    linear = await startFakeLinear({ token: TOKEN, teams: { [TEAM_ID]: 'ENG' } })
    notify.linearApiUrl = linear.url
  })
  afterAll(async () => {
    await linear.close()
  })
  const logger = capturingLogger()
  serverWithFreshProject({ databaseUrl: backend.databaseUrl, notify, logger }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
    linear.received.length = 0
    logger.lines.length = 0
  })
  /** Everything logged so far, errors as their messages. */
  const logged = () =>
    JSON.stringify(logger.lines, (_key, value) => (value instanceof Error ? value.message : value))
  const admin = (path: string, init: RequestInit = {}) =>
    server.adminFetch(`/v1/admin/projects/${projectId}${path}`, init)
  const post = (path: string, body: unknown) =>
    admin(path, { method: 'POST', body: JSON.stringify(body) })

  async function setUpLinear(body: Record<string, unknown> = { token: TOKEN, teamId: TEAM_ID }) {
    const res = await post('/integrations/linear', body)
    expect(res.status).toBe(201)
    const { secret } = (await res.json()) as { secret: string }
    return secret
  }

  async function submit(title: string): Promise<string> {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Reqio-Anonymous-Id': `anon-${title.replace(/\W+/g, '-').toLowerCase()}-0001`,
      },
      body: JSON.stringify({ title, body: `Please: ${title}` }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { request: { id: string } }).request.id
  }

  async function statusOf(requestId: string): Promise<string> {
    const res = await admin(`/requests/${requestId}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { request: { status: string } }).request.status
  }

  async function link(requestId: string, body: unknown) {
    const res = await post(`/requests/${requestId}/links`, body)
    return { status: res.status, json: (await res.json()) as any }
  }

  /** A Linear Issue webhook: the state moved into a state of `stateType`. */
  function stateChanged(identifier: string, stateType: string, at = Date.now()) {
    return JSON.stringify({
      action: 'update',
      type: 'Issue',
      createdAt: new Date(at).toISOString(),
      data: {
        id: 'b2f5f0b0-0000-4000-8000-000000000001',
        identifier,
        title: 'Export to CSV',
        url: `https://linear.app/acme/issue/${identifier}/a-title-renamed-in-linear`,
        state: { id: `state-${stateType}`, name: `Some ${stateType} state`, type: stateType },
      },
      updatedFrom: { stateId: 'state-before', updatedAt: new Date(at - 1000).toISOString() },
      url: `https://linear.app/acme/issue/${identifier}/a-title-renamed-in-linear`,
      organizationId: 'org-1',
      webhookTimestamp: at,
      webhookId: 'webhook-1',
    })
  }

  function deliver(body: string, signature: string | null) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Linear-Delivery': 'delivery-1',
      'Linear-Event': 'Issue',
    }
    if (signature !== null) headers['Linear-Signature'] = signature
    return fetch(`${server.url}/v1/integrations/linear/${projectId}`, {
      method: 'POST',
      headers,
      body,
    })
  }
  const sign = (body: string, secret: string) =>
    createHmac('sha256', secret).update(body).digest('hex')

  it('sets Linear up with a secret shown only in the answer, rotated on each call', async () => {
    const first = await setUpLinear()
    expect(first.length).toBeGreaterThanOrEqual(32)
    const stored = await server.store.integrations.find(projectId, 'linear')
    expect(stored).toMatchObject({ token: TOKEN, settings: { teamId: TEAM_ID } })

    const second = await setUpLinear({})
    expect(second).not.toBe(first)
    // Leaving token and teamId out keeps them.
    expect(await server.store.integrations.find(projectId, 'linear')).toMatchObject({
      token: TOKEN,
      settings: { teamId: TEAM_ID },
    })

    const listed = await admin('/integrations')
    expect(listed.status).toBe(200)
    const text = await listed.text()
    expect(JSON.parse(text).linear).toMatchObject({ teamId: TEAM_ID })
    for (const hidden of [TOKEN, first, second]) expect(text).not.toContain(hidden)

    // The old secret signs nothing any more.
    const requestId = await submit('Export to CSV')
    expect((await link(requestId, { url: 'https://linear.app/acme/issue/ENG-1' })).status).toBe(201)
    const body = stateChanged('ENG-1', 'completed')
    expect((await deliver(body, sign(body, first))).status).toBe(401)
    expect(await statusOf(requestId)).toBe('open')
    expect((await deliver(body, sign(body, second))).status).toBeLessThan(300)
    expect(await statusOf(requestId)).toBe('done')

    const bad = await post('/integrations/linear', { teamId: 42 })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed')
  })

  it("creates the issue in Linear with the owner's key and links the request to it", async () => {
    await setUpLinear()
    const requestId = await submit('Export to CSV')

    const created = await link(requestId, { create: 'linear' })
    expect(created.status).toBe(201)
    expect(created.json.link).toMatchObject({
      kind: 'linear',
      url: 'https://linear.app/acme/issue/ENG-1/export-to-csv',
    })

    expect(linear.received).toHaveLength(1)
    const sent = linear.received[0]!
    // A personal API key goes in Authorization as it is (Linear: no Bearer for those keys).
    expect(sent.authorization).toBe(TOKEN)
    expect(sent.contentType).toMatch(/^application\/json/)
    expect(sent.query).toMatch(/mutation\b[\s\S]*\bissueCreate\(input: \$input\)/)
    const input = sent.variables.input as Record<string, string>
    expect(input.teamId).toBe(TEAM_ID)
    expect(input.title).toBe('Export to CSV')
    expect(input.description).toContain(requestId)
    expect(input.description).toMatch(/https?:\/\/\S+/)

    const links = await admin(`/requests/${requestId}/links`)
    expect(((await links.json()) as { links: unknown[] }).links).toEqual([created.json.link])
  })

  it('refuses to create an issue Linear refuses, and links nothing', async () => {
    await setUpLinear({ token: 'lin_api_wrong', teamId: TEAM_ID })
    const requestId = await submit('Dark mode')
    const refused = await link(requestId, { create: 'linear' })
    // What Linear said, for the team to fix the set-up; never the key.
    expect(refused.status).toBe(409)
    expect(refused.json.error.code).toBe('conflict')
    expect(refused.json.error.message).toContain('You need to authenticate')
    expect(JSON.stringify(refused.json)).not.toContain('lin_api_wrong')
    expect(logged()).not.toContain('lin_api_wrong')
    expect(linear.received.map((r) => r.authorization)).toEqual(['lin_api_wrong'])
    const links = await admin(`/requests/${requestId}/links`)
    expect(((await links.json()) as { links: unknown[] }).links).toEqual([])
  })

  it('moves linked requests by state type, matched by identifier whatever slug the link had', async () => {
    const secret = await setUpLinear()
    const csv = await submit('Export to CSV')
    const sso = await submit('SSO')
    const darkMode = await submit('Dark mode')
    // Two requests follow ENG-7 (linked with different slugs); Dark mode follows ENG-8.
    const linked = await link(csv, { url: 'https://linear.app/acme/issue/eng-7/old-title' })
    expect(linked.status).toBe(201)
    expect(linked.json.link).toMatchObject({ kind: 'linear' })
    expect((await link(sso, { url: 'https://linear.app/acme/issue/ENG-7' })).status).toBe(201)
    expect((await link(darkMode, { url: 'https://linear.app/acme/issue/ENG-8/x' })).status).toBe(
      201,
    )

    const receiver: WebhookReceiver = await startWebhookReceiver()
    try {
      const hook = await post('/webhooks', { url: receiver.url, events: ['request.updated'] })
      const hookSecret = ((await hook.json()) as { secret: string }).secret

      const started = stateChanged('ENG-7', 'started')
      expect((await deliver(started, sign(started, secret))).status).toBeLessThan(300)
      expect([await statusOf(csv), await statusOf(sso), await statusOf(darkMode)]).toEqual([
        'in_progress',
        'in_progress',
        'open',
      ])

      const completed = stateChanged('ENG-7', 'completed')
      expect((await deliver(completed, sign(completed, secret))).status).toBeLessThan(300)
      expect([await statusOf(csv), await statusOf(sso)]).toEqual(['done', 'done'])

      const canceled = stateChanged('ENG-8', 'canceled')
      expect((await deliver(canceled, sign(canceled, secret))).status).toBeLessThan(300)
      expect(await statusOf(darkMode)).toBe('declined')

      // What follows an admin's status change follows this one: the webhooks, for one.
      await server.drainJobs()
      const moves = verifiedEvents(receiver, hookSecret)
        .filter((event) => event.type === 'request.updated')
        .map((event) => [event.data.request.id, event.data.previous.status])
      expect(moves).toHaveLength(5)
      expect(moves).toEqual(
        expect.arrayContaining([
          [csv, 'open'],
          [csv, 'in_progress'],
          [sso, 'open'],
          [sso, 'in_progress'],
          [darkMode, 'open'],
        ]),
      )
      // The audit log says Linear made these changes.
      const audit = (await (await admin('/audit')).json()) as {
        entries: { action: string; actor: string }[]
      }
      const statusLines = audit.entries.filter((line) => line.action === 'request.status')
      expect(statusLines.map((line) => line.actor)).toEqual(Array(5).fill('linear'))
    } finally {
      await receiver.close()
    }
  })

  it('answers 401 to a bad or missing signature or a stale timestamp, and moves nothing', async () => {
    const secret = await setUpLinear()
    const requestId = await submit('Export to CSV')
    expect((await link(requestId, { url: 'https://linear.app/acme/issue/ENG-3' })).status).toBe(201)

    const body = stateChanged('ENG-3', 'completed')
    const stale = stateChanged('ENG-3', 'completed', Date.now() - 5 * 60_000)
    const early = stateChanged('ENG-3', 'completed', Date.now() + 5 * 60_000)
    const refusals = [
      await deliver(body, sign(body, 'not-the-secret')),
      await deliver(body, null),
      await deliver(body, 'not hex at all'),
      await deliver(`${body}\n`, sign(body, secret)),
      await deliver(stale, sign(stale, secret)),
      await deliver(early, sign(early, secret)),
    ]
    for (const res of refusals) {
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    }
    expect(await statusOf(requestId)).toBe('open')
    // Logged as refused credentials; no line holds the key or the secret.
    expect(logged()).toContain('tracker_signature')
    for (const secretText of [TOKEN, secret]) expect(logged()).not.toContain(secretText)
  })

  it('answers 2xx to an issue linked to nothing, and moves nothing', async () => {
    const secret = await setUpLinear()
    const requestId = await submit('Export to CSV')
    expect((await link(requestId, { url: 'https://linear.app/acme/issue/ENG-3' })).status).toBe(201)
    const other = stateChanged('ENG-99', 'completed')
    const res = await deliver(other, sign(other, secret))
    expect(res.status).toBeGreaterThanOrEqual(200)
    expect(res.status).toBeLessThan(300)
    expect(await statusOf(requestId)).toBe('open')
  })
})
