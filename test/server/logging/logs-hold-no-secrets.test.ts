/**
 * The log of a whole session on a real `npm start` process (JSON lines on stdout) holds none of
 * the secrets that went through it: admin token (right and wrong), project secrets, a webhook
 * secret, identity tokens, passwords (right and wrong), session ids, an invite code, an
 * unsubscribe token, a query string's token, the metrics token, email addresses. And it holds
 * exactly one request line per request, with the X-Request-Id the answer carried.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../helpers/postgres-database'
import { type ServerProcess, startServerProcess } from '../../helpers/server-process'
import { type SmtpSink, startSmtpSink } from '../../helpers/smtp-sink'
import { sessionCookieFrom } from '../../helpers/team'
import { mintToken } from '../../helpers/tokens'
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'

const random = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

const engines = [
  { name: 'embedded', databaseUrl: undefined as string | undefined },
  ...(process.env.DATABASE_URL
    ? [{ name: 'postgres', databaseUrl: process.env.DATABASE_URL }]
    : []),
]

interface RequestLine {
  reqId: string
  method: string
  route: string
  status: number
  ms: number
  level: string
}

describe.each(engines)('the log of a real server process on $name', (engine) => {
  const adminToken = random('admin-token-')
  const metricsToken = random('metrics-token-')
  /** Every string that must never appear in the log. */
  const secrets: string[] = [adminToken, metricsToken]
  /** Every answer the server gave, in order, with the method of its request. */
  const answers: { res: Response; method: string }[] = []
  let database: ThrowawayDatabase | undefined
  let smtp: SmtpSink
  let receiver: WebhookReceiver
  let server: ServerProcess
  let log = ''

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, init)
    answers.push({ res, method: init.method ?? 'GET' })
    return res
  }
  const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url, ...headers },
    body: JSON.stringify(body),
  })
  const asAdmin = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${adminToken}` },
  })

  async function until(what: string, done: () => boolean) {
    const deadline = Date.now() + 30_000
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** A session that touches every kind of secret; each one is added to `secrets`. */
  async function runSession() {
    // Wrong admin tokens, then the right one.
    for (let i = 0; i < 3; i++) {
      const wrong = random('wrong-admin-')
      secrets.push(wrong)
      const res = await call('/v1/admin/projects', {
        headers: { Authorization: `Bearer ${wrong}` },
      })
      expect(res.status).toBe(401)
    }
    const created = await call('/v1/admin/projects', asAdmin(json({ name: 'Acme' })))
    expect(created.status).toBe(201)
    const { project, secret } = (await created.json()) as CreatedProjectResponse
    secrets.push(secret)
    const rotated = await call(
      `/v1/admin/projects/${project.id}/secret`,
      asAdmin(json({ graceSeconds: 0 })),
    )
    expect(rotated.status).toBe(201)
    const newSecret = ((await rotated.json()) as { secret: string }).secret
    secrets.push(newSecret)
    const hook = await call(
      `/v1/admin/projects/${project.id}/webhooks`,
      asAdmin(json({ url: receiver.url })),
    )
    expect(hook.status).toBe(201)
    secrets.push(((await hook.json()) as { secret: string }).secret)

    // A project API key: used, a wrong one tried, revoked, then tried again.
    const keyPath = `/v1/admin/projects/${project.id}/api-keys`
    const keyMade = await call(keyPath, asAdmin(json({ name: 'CRM sync', scopes: ['read'] })))
    expect(keyMade.status).toBe(201)
    const { apiKey, key } = (await keyMade.json()) as { apiKey: { id: string }; key: string }
    const wrongKey = `rq_${random('wrong-key-')}`
    secrets.push(key, wrongKey)
    const backlogPath = `/v1/admin/projects/${project.id}/backlog`
    const withKey = (value: string) => ({ headers: { Authorization: `Bearer ${value}` } })
    expect((await call(backlogPath, withKey(key))).status).toBe(200)
    expect((await call(backlogPath, withKey(wrongKey))).status).toBe(401)
    expect((await call(`${keyPath}/${apiKey.id}`, asAdmin({ method: 'DELETE' }))).status).toBe(204)
    expect((await call(backlogPath, withKey(key))).status).toBe(401)

    // The first owner, a wrong password, the right one, an invite accepted.
    const ownerEmail = `${random('olive.')}@example.com`
    const ownerPassword = random('owner password ')
    secrets.push(ownerEmail, ownerPassword)
    const wrongSetup = random('wrong-setup-token-')
    secrets.push(wrongSetup)
    const refusedSetup = await call(
      '/v1/auth/setup',
      json({ adminToken: wrongSetup, email: ownerEmail, name: 'Olive', password: ownerPassword }),
    )
    expect(refusedSetup.status).toBe(401)
    const setup = await call(
      '/v1/auth/setup',
      json({ adminToken, email: ownerEmail, name: 'Olive', password: ownerPassword }),
    )
    expect(setup.status).toBe(201)
    secrets.push(sessionCookieFrom(setup).split('=')[1] as string)
    const wrongPassword = random('wrong password ')
    secrets.push(wrongPassword)
    const refusedLogin = await call(
      '/v1/auth/login',
      json({ email: ownerEmail, password: wrongPassword }),
    )
    expect(refusedLogin.status).toBe(401)
    const login = await call('/v1/auth/login', json({ email: ownerEmail, password: ownerPassword }))
    expect(login.status).toBe(200)
    const ownerCookie = sessionCookieFrom(login)
    secrets.push(ownerCookie.split('=')[1] as string)
    const inviteeEmail = `${random('ivy.')}@example.com`
    secrets.push(inviteeEmail)
    const invited = await call(
      '/v1/admin/invites',
      json({ email: inviteeEmail, role: 'viewer' }, { Cookie: ownerCookie }),
    )
    expect(invited.status).toBe(201)
    const inviteUrl = ((await invited.json()) as { invite: { url: string } }).invite.url
    const code = new URL(inviteUrl).searchParams.get('code') as string
    secrets.push(code)
    const inviteePassword = random('invitee password ')
    secrets.push(inviteePassword)
    const accepted = await call(
      '/v1/auth/accept',
      json({ code, name: 'Ivy', password: inviteePassword }),
    )
    expect(accepted.status).toBe(200)
    secrets.push(sessionCookieFrom(accepted).split('=')[1] as string)

    // Identity tokens: a valid one carrying an email, a forged one.
    const annEmail = `${random('ann.')}@example.com`
    secrets.push(annEmail)
    const annToken = await mintToken(newSecret, {
      sub: 'ann',
      aud: audienceFor(project.id),
      email: annEmail,
    })
    secrets.push(annToken)
    const ann = { Authorization: `Bearer ${annToken}` }
    const submitted = await call(
      `/v1/projects/${project.id}/requests`,
      json({ title: 'Dark mode' }, ann),
    )
    expect(submitted.status).toBe(201)
    const requestId = ((await submitted.json()) as { request: { id: string } }).request.id
    const forged = await mintToken(secret.split('').reverse().join(''), {
      sub: 'mallory',
      aud: audienceFor(project.id),
    })
    secrets.push(forged)
    const refusedToken = await call(`/v1/projects/${project.id}/requests/${requestId}/vote`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${forged}` },
    })
    expect(refusedToken.status).toBe(401)
    const queryToken = random('query-token-')
    secrets.push(queryToken)
    const listed = await call(`/v1/projects/${project.id}/requests?token=${queryToken}&sort=top`, {
      headers: { [ANONYMOUS_ID_HEADER]: random('anon-') },
    })
    expect(listed.status).toBe(200)

    // A status change: an email to ann (with its unsubscribe link) and a webhook delivery.
    const patched = await call(
      `/v1/admin/projects/${project.id}/requests/${requestId}`,
      asAdmin({
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'planned' }),
      }),
    )
    expect(patched.status).toBe(200)
    await until('the email to ann', () =>
      smtp.messages.some((mail) => mail.recipients.includes(annEmail)),
    )
    await receiver.waitFor(1)
    const mail = smtp.messages.find((m) => m.recipients.includes(annEmail))
    const listUnsubscribe = mail?.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')
    const unsubscribe = new URL(/<([^>]+)>/.exec(listUnsubscribe?.line ?? '')?.[1] ?? '')
    secrets.push(unsubscribe.pathname.split('/').pop() as string)
    const linkQueryToken = random('link-token-')
    secrets.push(linkQueryToken)
    const shown = await call(`${unsubscribe.pathname}?token=${linkQueryToken}`)
    expect(shown.status).toBe(200)
    const unsubscribed = await call(unsubscribe.pathname, { method: 'POST' })
    expect(unsubscribed.status).toBe(200)

    // Metrics, with a wrong token and the right one; a request id of the caller's own.
    const wrongMetrics = random('wrong-metrics-')
    secrets.push(wrongMetrics)
    expect(
      (await call('/metrics', { headers: { Authorization: `Bearer ${wrongMetrics}` } })).status,
    ).toBe(401)
    expect(
      (await call('/metrics', { headers: { Authorization: `Bearer ${metricsToken}` } })).status,
    ).toBe(200)
    const traced = await call(`/v1/projects/${project.id}/requests`, {
      headers: { 'X-Request-Id': 'trace-from-proxy.42' },
    })
    expect(traced.headers.get('X-Request-Id')).toBe('trace-from-proxy.42')
    return project.id
  }

  let projectId = ''
  beforeAll(async () => {
    smtp = await startSmtpSink()
    receiver = await startWebhookReceiver()
    if (engine.databaseUrl) database = await createThrowawayDatabase(engine.databaseUrl)
    server = await startServerProcess({
      REQIO_ADMIN_TOKEN: adminToken,
      REQIO_METRICS_TOKEN: metricsToken,
      REQIO_SMTP_URL: smtp.url,
      REQIO_MAIL_COALESCE_SECONDS: '0',
      REQIO_WEBHOOK_ALLOW_PRIVATE: '1',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      // Cleared for the embedded run: CI sets DATABASE_URL for the PostgreSQL tests.
      DATABASE_URL: database?.url ?? '',
    })
    try {
      projectId = await runSession()
    } finally {
      await server.stop()
      log = server.output()
    }
  }, 180_000)
  afterAll(async () => {
    await smtp?.close()
    await receiver?.close()
    await database?.drop()
  })

  it('holds no token, password, session id, secret, invite code or email address', () => {
    expect(log).toContain('dashboard:')
    for (const secret of secrets) expect(log).not.toContain(secret)
    expect(log).not.toMatch(/@example\.com/)
  })

  it('is one JSON object per line, with one request line per request carrying its X-Request-Id', () => {
    const lines = log
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const requestLines = lines.filter((line) => 'reqId' in line) as unknown as RequestLine[]
    expect(requestLines).toHaveLength(answers.length)
    for (const { res: answer, method } of answers) {
      const reqId = answer.headers.get('X-Request-Id')
      const matching = requestLines.filter((line) => line.reqId === reqId)
      expect(matching).toHaveLength(1)
      const line = matching[0] as RequestLine
      expect(line.status).toBe(answer.status)
      expect(line.method).toBe(method)
      expect(typeof line.ms).toBe('number')
      expect(line.route).toMatch(/^\/[\w/:.*-]*$|^unmatched$/)
      expect(line.route).not.toContain(projectId)
    }
    expect(requestLines.map((line) => line.route)).toContain(
      '/v1/projects/:projectId/requests/:requestId/vote',
    )
    expect(requestLines.map((line) => line.route)).toContain('/v1/unsubscribe/:token')
    const levelOf = (route: string, status: number) =>
      requestLines.find((line) => line.route === route && line.status === status)?.level
    expect(levelOf('/v1/admin/projects', 401)).toBe('warn')
    expect(levelOf('/v1/auth/login', 401)).toBe('warn')
    expect(levelOf('/v1/projects/:projectId/requests/:requestId/vote', 401)).toBe('warn')
    expect(levelOf('/v1/auth/login', 200)).toBe('info')
    expect(levelOf('/metrics', 200)).toBe('debug')
  })
})
