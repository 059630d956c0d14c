/**
 * PostgreSQL may go away and come back (spec/api.md v3 "Running in production"): real server
 * processes on a PostgreSQL server this test owns (initdb + pg_ctl in a temp folder; the
 * shared one on DATABASE_URL is never stopped), whose connections are cut, which is stopped
 * and started again, and which is not there yet when Reqio starts.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse, FeedbackRequest } from '../../../src/shared/api'
import { skipUnlessInstalled } from '../../helpers/outside-tools'
import {
  createPostgresCluster,
  freePort,
  type PostgresCluster,
} from '../../helpers/postgres-cluster'
import {
  runServerProcessToExit,
  type ServerProcess,
  startServerProcess,
} from '../../helpers/server-process'
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'

const LISTEN_QUERY = 'LISTEN reqio_changes_public'

/** Polls `check` until it stops throwing or `ms` pass (then rethrows its last failure). */
async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}

describe.skipIf(skipUnlessInstalled(['postgresServer'], 'the PostgreSQL outage tests'))(
  'Reqio while PostgreSQL comes and goes',
  () => {
    const adminToken = randomBytes(24).toString('base64url')
    let cluster: PostgresCluster
    let receiver: WebhookReceiver
    let a: ServerProcess
    let b: ServerProcess
    const started: ServerProcess[] = []

    const env = () => ({
      DATABASE_URL: cluster.url,
      REQIO_ADMIN_TOKEN: adminToken,
      REQIO_WEBHOOK_ALLOW_PRIVATE: '1',
      REQIO_WEBHOOK_RETRY_SECONDS: '1,1,1',
    })
    const start = async (
      extra: Record<string, string> = {},
      onOutput?: (printed: string) => void,
    ) => {
      const server = await startServerProcess({ ...env(), ...extra }, onOutput)
      started.push(server)
      return server
    }

    beforeAll(async () => {
      cluster = await createPostgresCluster()
      receiver = await startWebhookReceiver()
      ;[a, b] = await Promise.all([start(), start()])
    })
    afterAll(async () => {
      await Promise.all(started.map((server) => server.stop()))
      await receiver?.close()
      await cluster?.destroy()
    })

    async function sql<Row>(text: string): Promise<Row[]> {
      const client = new pg.Client({ connectionString: cluster.url })
      await client.connect()
      try {
        return (await client.query(text)).rows as Row[]
      } finally {
        await client.end()
      }
    }
    const admin = (server: ServerProcess, path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      })
    const createProject = async (server: ServerProcess) => {
      const res = await admin(server, '/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name: 'Acme' }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as CreatedProjectResponse).project.id
    }
    const submit = (server: ServerProcess, projectId: string, title: string) =>
      fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-outage' },
        body: JSON.stringify({ title }),
      })
    const titles = async (server: ServerProcess, projectId: string) => {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests?sort=new`)
      expect(res.status).toBe(200)
      return ((await res.json()) as { requests: FeedbackRequest[] }).requests
        .map((request) => request.title)
        .sort()
    }
    const listeners = async () =>
      Number(
        (
          await sql<{ n: string }>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE query = '${LISTEN_QUERY}'`,
          )
        )[0]?.n,
      )

    it('keeps serving after pg_terminate_backend ends every connection it holds', async () => {
      const projectId = await createProject(a)
      // Several at once, so the pool holds more than one idle connection.
      const first = await Promise.all(
        ['One', 'Two', 'Three', 'Four'].map((title) => submit(a, projectId, title)),
      )
      expect(first.map((res) => res.status)).toEqual([201, 201, 201, 201])
      expect(await listeners()).toBe(2)

      const ended = await sql<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      )
      await sql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      )
      expect(ended.length).toBeGreaterThanOrEqual(4)
      // Gone on the server; then a moment for the processes to read the news on their sockets.
      await eventually(async () => {
        const left = await sql<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE pid IN (${ended.map((row) => row.pid).join(',')})`,
        )
        expect(left).toEqual([])
      })
      await new Promise((resolve) => setTimeout(resolve, 300))

      expect((await submit(a, projectId, 'Five')).status).toBe(201)
      expect(await titles(a, projectId)).toEqual(['Five', 'Four', 'One', 'Three', 'Two'])
      expect((await admin(b, '/v1/admin/projects')).status).toBe(200)
      // Both LISTEN connections are back.
      await eventually(async () => expect(await listeners()).toBe(2))
      expect(a.output() + b.output()).not.toMatch(/Unhandled|could not start/)
    })

    it('answers 503 unavailable with Retry-After while PostgreSQL is stopped, then works again with nothing acknowledged lost', async () => {
      const projectId = await createProject(a)
      const hook = await admin(a, `/v1/admin/projects/${projectId}/webhooks`, {
        method: 'POST',
        body: JSON.stringify({ url: `${receiver.url}/hook`, events: ['request.created'] }),
      })
      expect(hook.status).toBe(201)
      const acknowledged: string[] = []
      for (let i = 0; i < 10; i++) {
        const res = await submit(i % 2 ? b : a, projectId, `Before the outage ${i}`)
        expect(res.status).toBe(201)
        acknowledged.push(`Before the outage ${i}`)
      }
      await receiver.waitFor(10)
      // Never read, so never cached: answering it needs the database.
      const unreadProject = await createProject(b)

      await cluster.stop()
      const answers = await Promise.all([
        submit(a, projectId, 'During the outage'),
        fetch(`${b.url}/v1/projects/${unreadProject}/requests`),
        admin(a, '/v1/admin/projects'),
      ])
      for (const res of answers) {
        expect(res.status).toBe(503)
        expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable')
      }

      await cluster.start()
      // The pool reconnects on the next query; the LISTEN connections on their own backoff.
      await eventually(async () => expect((await submit(a, projectId, 'After')).status).toBe(201))
      expect(await titles(b, projectId)).toEqual([...acknowledged, 'After'].sort())
      expect(await titles(b, unreadProject)).toEqual([])
      await eventually(async () => expect(await listeners()).toBe(2))

      // B caches the list; A's write must reach it through LISTEN/NOTIFY at once.
      expect(await titles(b, projectId)).not.toContain('Told to B')
      expect((await submit(a, projectId, 'Told to B')).status).toBe(201)
      expect(await titles(b, projectId)).toContain('Told to B')

      // The job runners survived their failing claims: the new requests' webhooks go out.
      await receiver.waitFor(12)
      const events = receiver.received.map((hook) => JSON.parse(hook.body).data?.request?.title)
      expect(events).toEqual(expect.arrayContaining(['After', 'Told to B']))
      expect(a.output() + b.output()).not.toMatch(/Unhandled/)
    }, 60_000)

    it('keeps retrying at start while PostgreSQL is down, and serves once it is up', async () => {
      await cluster.stop()
      let refusedOnce: () => void = () => {}
      const refused = new Promise<void>((resolve) => {
        refusedOnce = resolve
      })
      const starting = start({ REQIO_DB_CONNECT_TIMEOUT_SECONDS: '60' }, (printed) => {
        if (/try 2;/.test(printed)) refusedOnce()
      })
      // Two refused tries (each with its log line), then PostgreSQL comes up.
      await refused
      await cluster.start()
      const late = await starting
      expect(late.output()).toMatch(/database: not reachable yet \(.*ECONNREFUSED.*\), try 1;/)
      expect(late.output()).toMatch(/database: reachable after \d+ tries/)
      expect((await admin(late, '/v1/admin/projects')).status).toBe(200)
    }, 60_000)

    it('exits non-zero with a clear message when nothing listens within REQIO_DB_CONNECT_TIMEOUT_SECONDS', async () => {
      const port = await freePort()
      const { code, output } = await runServerProcessToExit({
        DATABASE_URL: `postgres://postgres:not-a-real-password@127.0.0.1:${port}/postgres`,
        REQIO_ADMIN_TOKEN: adminToken,
        REQIO_DB_CONNECT_TIMEOUT_SECONDS: '2',
      })
      expect(code).not.toBe(0)
      expect(code).not.toBeNull()
      expect(output).toMatch(/try 1; next try/)
      expect(output).toMatch(/not reachable after 2 s .*REQIO_DB_CONNECT_TIMEOUT_SECONDS/)
      expect(output).not.toContain('not-a-real-password')
    }, 60_000)
  },
)
