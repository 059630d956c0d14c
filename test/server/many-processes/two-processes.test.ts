/**
 * Two real `npm start` processes on one PostgreSQL database behave as one server (issue 17):
 * what one process writes, the other answers at once. Needs DATABASE_URL (CI starts one).
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CreatedProjectResponse, FeedbackRequest } from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import type { ServerProcess } from '../../helpers/server-process'
import { mintToken } from '../../helpers/tokens'
import { adminFetchWith, twoProcessesCanRun, withTwoProcesses } from '../../helpers/two-processes'
import { startWebhookReceiver } from '../../helpers/webhook-receiver'

/** No other test here files more than 20 requests in one project. */
const NEW_REQUESTS_PER_HOUR = 30
/** How long B may trail A's answer in hearing of a change: well under the caches' 1 s TTL. */
const FEED_DELAY_TOLERANCE_MS = 400

describe.runIf(twoProcessesCanRun('two-process tests'))(
  'two server processes on one PostgreSQL',
  () => {
    const adminToken = randomBytes(24).toString('base64url')
    let a: ServerProcess
    let b: ServerProcess
    withTwoProcesses(
      {
        REQIO_ADMIN_TOKEN: adminToken,
        // The test's webhook receiver listens on 127.0.0.1.
        REQIO_WEBHOOK_ALLOW_PRIVATE: '1',
        // Below its default of 60, so the cap test below also shows the variable is read.
        REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR: String(NEW_REQUESTS_PER_HOUR),
      },
      (started) => {
        ;[a, b] = started
      },
    )

    const admin = adminFetchWith(adminToken)

    async function createProject(server: ServerProcess): Promise<CreatedProjectResponse> {
      const res = await admin(server, '/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name: 'Acme' }),
      })
      expect(res.status).toBe(201)
      return (await res.json()) as CreatedProjectResponse
    }

    /**
     * PostgreSQL hands a NOTIFY to every listener at once, and A answers once its own copy is
     * back; B's copy can trail it by a few milliseconds on a loaded machine. So B is asked again
     * for a moment, well inside the caches' one-second TTL: without the change feed B would keep
     * answering from its cache for that whole second and this would still fail.
     */
    async function soonOnB<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
      const deadline = Date.now() + FEED_DELAY_TOLERANCE_MS
      for (;;) {
        const answer = await ask()
        if (done(answer) || Date.now() >= deadline) return answer
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    async function voteWith(
      server: ServerProcess,
      projectId: string,
      requestId: string,
      headers: Record<string, string>,
    ) {
      return fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
        method: 'POST',
        headers,
      })
    }

    it('start together on an empty database, both applying the schema once', async () => {
      const health = await Promise.all([a, b].map((server) => admin(server, '/v1/admin/projects')))
      expect(health.map((res) => res.status)).toEqual([200, 200])
      expect(a.output() + b.output()).not.toMatch(/could not start/)
    })

    it('show a request submitted on one process in the other process list at once', async () => {
      const { project } = await createProject(a)
      // B reads (and caches) the empty list first, so a stale cache would show.
      const before = await fetch(`${b.url}/v1/projects/${project.id}/requests`)
      expect(((await before.json()) as { requests: unknown[] }).requests).toEqual([])
      const created = await fetch(`${a.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-writer-1' },
        body: JSON.stringify({ title: 'Dark mode' }),
      })
      expect(created.status).toBe(201)
      const listOnB = async () =>
        (
          (await (await fetch(`${b.url}/v1/projects/${project.id}/requests`)).json()) as {
            requests: FeedbackRequest[]
          }
        ).requests
      const requests = await soonOnB(listOnB, (list) => list.length > 0)
      expect(requests.map((r) => r.title)).toEqual(['Dark mode'])
    })

    it('refuse the old secret on B as soon as A rotates it with no grace', async () => {
      const { project, secret } = await createProject(a)
      const created = await fetch(`${a.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-writer-2' },
        body: JSON.stringify({ title: 'Exports' }),
      })
      const { request } = (await created.json()) as { request: FeedbackRequest }
      const oldToken = await mintToken(secret, { sub: 'u1', aud: audienceFor(project.id) })
      // B caches the project (and this token) before the rotation.
      expect(
        (await voteWith(b, project.id, request.id, { Authorization: `Bearer ${oldToken}` })).status,
      ).toBe(200)

      const rotated = await admin(a, `/v1/admin/projects/${project.id}/secret`, {
        method: 'POST',
        body: JSON.stringify({ graceSeconds: 0 }),
      })
      expect(rotated.status).toBe(201)
      const { secret: newSecret } = (await rotated.json()) as { secret: string }

      const refused = await soonOnB(
        () => voteWith(b, project.id, request.id, { Authorization: `Bearer ${oldToken}` }),
        (res) => res.status === 401,
      )
      expect(refused.status).toBe(401)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'token_signature',
      )
      const newToken = await mintToken(newSecret, { sub: 'u1', aud: audienceFor(project.id) })
      expect(
        (await voteWith(b, project.id, request.id, { Authorization: `Bearer ${newToken}` })).status,
      ).toBe(200)
    })

    it('enforce requireIdentity on B as soon as A switches it on', async () => {
      const { project } = await createProject(a)
      const created = await fetch(`${b.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-writer-3' },
        body: JSON.stringify({ title: 'SSO' }),
      })
      const { request } = (await created.json()) as { request: FeedbackRequest }
      type Widget = { project: { settings: { requireIdentity: boolean } } }
      const readWidgetOnB = async () =>
        (await (await fetch(`${b.url}/v1/projects/${project.id}/widget`)).json()) as Widget
      // B caches the project's settings just before the switch.
      expect((await readWidgetOnB()).project.settings.requireIdentity).toBe(false)
      const patched = await admin(a, `/v1/admin/projects/${project.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ settings: { requireIdentity: true } }),
      })
      expect(patched.status).toBe(200)
      const seen = await soonOnB(readWidgetOnB, (w) => w.project.settings.requireIdentity)
      expect(seen.project.settings.requireIdentity).toBe(true)
      expect(request.id).toBeTruthy()
    })

    it('count at most REQIO_ANON_VOTERS_PER_IP_PER_HOUR anonymous voters from one IP across both processes', async () => {
      const { project } = await createProject(a)
      const created = await fetch(`${a.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-author-cap' },
        body: JSON.stringify({ title: 'Bulk import' }),
      })
      const { request } = (await created.json()) as { request: FeedbackRequest }
      const statuses: number[] = []
      for (let i = 0; i < 100; i++) {
        const server = i % 2 === 0 ? a : b
        const res = await voteWith(server, project.id, request.id, {
          'X-Reqio-Anonymous-Id': `anon-stuffer-${i}-${randomBytes(4).toString('hex')}`,
        })
        statuses.push(res.status)
      }
      const list = await fetch(`${b.url}/v1/projects/${project.id}/requests`)
      const { requests } = (await list.json()) as { requests: FeedbackRequest[] }
      // The author is one of the 20 distinct anonymous ids this IP may use in the hour.
      expect(requests[0]?.votes).toBe(20)
      expect(statuses.filter((status) => status === 200)).toHaveLength(19)
      expect(statuses.filter((status) => status === 429)).toHaveLength(81)
    })

    it('accept a session created on one process on the other, and end it everywhere on sign-out', async () => {
      const setup = await fetch(`${a.url}/v1/auth/setup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: a.url },
        body: JSON.stringify({
          adminToken,
          email: 'owner@example.com',
          name: 'Olive Owner',
          password: 'a long enough password',
        }),
      })
      expect(setup.status).toBe(201)
      const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      expect(cookie).toMatch(/=/)
      const me = await fetch(`${b.url}/v1/auth/me`, { headers: { Cookie: cookie } })
      expect(me.status).toBe(200)
      expect(((await me.json()) as { member: { email: string } }).member.email).toBe(
        'owner@example.com',
      )
      const out = await fetch(`${b.url}/v1/auth/logout`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: b.url },
      })
      expect(out.status).toBe(204)
      expect((await fetch(`${a.url}/v1/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401)
    })

    it('throttle wrong passwords for one email across both processes', async () => {
      const login = (server: ServerProcess, password: string) =>
        fetch(`${server.url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.url },
          body: JSON.stringify({ email: 'owner@example.com', password }),
        })
      const statuses: number[] = []
      // REQIO_AUTH_FAILURES_PER_15_MINUTES defaults to 10: the failure past it answers 429.
      for (let i = 0; i < 11; i++) statuses.push((await login(i % 2 ? b : a, `wrong-${i}`)).status)
      expect(statuses).toEqual([...Array(10).fill(401), 429])
      expect((await login(a, 'a long enough password')).status).toBe(429)
      expect((await login(b, 'a long enough password')).status).toBe(429)
    })

    it('deliver each webhook event once while both processes run their job queues', async () => {
      const receiver = await startWebhookReceiver()
      try {
        const { project } = await createProject(a)
        const endpoint = await admin(a, `/v1/admin/projects/${project.id}/webhooks`, {
          method: 'POST',
          body: JSON.stringify({ url: `${receiver.url}/hook`, events: ['request.created'] }),
        })
        expect(endpoint.status).toBe(201)
        for (let i = 0; i < 20; i++) {
          const created = await fetch(`${(i % 2 ? b : a).url}/v1/projects/${project.id}/requests`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-hooks-1' },
            body: JSON.stringify({ title: `Idea number ${i}` }),
          })
          expect(created.status).toBe(201)
        }
        await receiver.waitFor(20)
        // Time for a second delivery of any job, if one were claimed twice.
        await new Promise((resolve) => setTimeout(resolve, 2000))
        const ids = receiver.received.map((hook) => hook.headers['webhook-id'])
        expect(ids).toHaveLength(20)
        expect(new Set(ids).size).toBe(20)
      } finally {
        await receiver.close()
      }
    }, 60_000)

    it('take at most REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR new requests from one IP across both processes, sent at once', async () => {
      const { project } = await createProject(a)
      const attempts = NEW_REQUESTS_PER_HOUR + 20
      const statuses = await Promise.all(
        Array.from({ length: attempts }, async (_, i) => {
          const res = await fetch(`${(i % 2 ? b : a).url}/v1/projects/${project.id}/requests`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'X-Reqio-Anonymous-Id': `anon-spam-${i % 10}`,
            },
            body: JSON.stringify({ title: `Spam ${i}` }),
          })
          return res.status
        }),
      )
      expect(statuses.filter((status) => status === 201)).toHaveLength(NEW_REQUESTS_PER_HOUR)
      expect(statuses.filter((status) => status === 429)).toHaveLength(
        attempts - NEW_REQUESTS_PER_HOUR,
      )
      const list = await fetch(`${a.url}/v1/projects/${project.id}/requests`)
      const { requests } = (await list.json()) as { requests: FeedbackRequest[] }
      expect(requests).toHaveLength(NEW_REQUESTS_PER_HOUR)
    })

    // Last: it locks this test's address (127.0.0.1) out of the admin API on both processes.
    it('throttle wrong admin tokens from one IP exactly across both processes', async () => {
      const guess = (server: ServerProcess, token: string) =>
        fetch(`${server.url}/v1/admin/projects`, { headers: { Authorization: `Bearer ${token}` } })
      const statuses: number[] = []
      // REQIO_AUTH_FAILURES_PER_15_MINUTES defaults to 10: the eleventh guess is refused.
      for (let i = 0; i < 11; i++) statuses.push((await guess(i % 2 ? b : a, `wrong-${i}`)).status)
      expect(statuses).toEqual([...Array(10).fill(401), 429])
      expect((await guess(a, adminToken)).status).toBe(429)
      expect((await guess(b, adminToken)).status).toBe(429)
    })
  },
)
