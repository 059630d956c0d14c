import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { truncateAllTables } from '../../../src/server/store/reset'
import { storeBackends } from '../../helpers/backends'
import {
  addWebhook,
  customer,
  patchRequest,
  submit,
  visitor,
  vote,
} from '../../helpers/loop-fixtures'
import { parseSamples, sampleValue, scrapeMetrics } from '../../helpers/metrics-text'
import { type SmtpSink, startSmtpSink } from '../../helpers/smtp-sink'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { startWebhookReceiver } from '../../helpers/webhook-receiver'

const TOKEN = 'metrics-token-for-tests-0123456789'
const LIST_ROUTE = '/v1/projects/:projectId/requests'

describe.each(storeBackends())('GET /metrics on $name', (backend) => {
  let server: TestServer
  let smtp: SmtpSink
  let projectId: string
  let secret: string
  const scrape = () => scrapeMetrics(server.url, TOKEN)

  beforeAll(async () => {
    smtp = await startSmtpSink()
    server = await startTestServer({
      demo: false,
      databaseUrl: backend.databaseUrl,
      metricsToken: TOKEN,
      rateLimitPerMinute: 3,
      notify: { smtpUrl: smtp.url, mailCoalesceSeconds: 0, webhookRetrySeconds: [] },
    })
  })
  afterAll(async () => {
    await server.close()
    await smtp.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    const created = await server.createProject('Acme')
    projectId = created.project.id
    secret = created.secret
  })

  it('answers 401 without the bearer token or with a wrong one, and Prometheus text with it', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}x` },
    })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } })

    const res = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const names = new Set(parseSamples(await res.text()).map((sample) => sample.name))
    for (const name of [
      'reqio_http_requests_total',
      'reqio_jobs_waiting',
      'reqio_jobs_failed_total',
      'reqio_webhook_deliveries_total',
      'reqio_emails_sent_total',
      'reqio_rate_limited_total',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(names).toContain(name)
  })

  it('counts and times each request under its route pattern, never its raw path', async () => {
    const before = await scrape()
    const labels = { method: 'GET', route: LIST_ROUTE, status: '200' }
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${server.url}/v1/projects/${projectId}/requests?sort=top`)).status).toBe(
        200,
      )
    await fetch(`${server.url}/no/such/${projectId}/path?token=abc`)
    const after = await scrape()

    const grew = (name: string, match: Record<string, string>) =>
      sampleValue(after, name, match) - sampleValue(before, name, match)
    expect(grew('reqio_http_requests_total', labels)).toBe(3)
    expect(grew('reqio_http_request_duration_seconds_count', labels)).toBe(3)
    expect(grew('reqio_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(3)
    expect(
      grew('reqio_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }),
    ).toBe(1)
    // No label anywhere holds the project id, a query string or a raw path.
    const routes = parseSamples(after)
      .filter((sample) => sample.name.startsWith('reqio_http_'))
      .map((sample) => sample.labels.route ?? '')
    for (const route of routes) {
      expect(route).not.toContain(projectId)
      expect(route).not.toContain('?')
    }
  })

  it('counts a 429 under the name of the limit that refused it', async () => {
    const before = await scrape()
    const person = visitor()
    const requestId = await submit(server, projectId, person, 'Dark mode')
    let refused = 0
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
        method: i % 2 === 0 ? 'POST' : 'DELETE',
        headers: person.headers,
      })
      if (res.status === 429) refused++
    }
    expect(refused).toBeGreaterThan(0)
    const after = await scrape()
    const limit = { limit: 'person_writes' }
    expect(
      sampleValue(after, 'reqio_rate_limited_total', limit) -
        sampleValue(before, 'reqio_rate_limited_total', limit),
    ).toBe(refused)
    expect(
      sampleValue(after, 'reqio_http_requests_total', { status: '429' }) -
        sampleValue(before, 'reqio_http_requests_total', { status: '429' }),
    ).toBe(refused)
  })

  it('shows queued jobs as waiting, and counts a delivered webhook, a failed one and the failed job', async () => {
    const good = await startWebhookReceiver()
    const bad = await startWebhookReceiver({ statuses: [500] })
    try {
      await addWebhook(server, projectId, good.url, ['request.created'])
      await addWebhook(server, projectId, bad.url, ['request.created'])
      const before = await scrape()
      await submit(server, projectId, visitor(), 'Export to CSV')
      expect(sampleValue(await scrape(), 'reqio_jobs_waiting')).toBeGreaterThanOrEqual(1)

      await server.drainJobs()
      await good.waitFor(1)
      await bad.waitFor(1)
      const after = await scrape()
      const grew = (name: string, labels: Record<string, string>) =>
        sampleValue(after, name, labels) - sampleValue(before, name, labels)
      expect(sampleValue(after, 'reqio_jobs_waiting')).toBe(0)
      expect(grew('reqio_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1)
      // No retries configured: the 500 ends the delivery.
      expect(grew('reqio_webhook_deliveries_total', { outcome: 'failed' })).toBe(1)
      expect(grew('reqio_jobs_failed_total', { kind: 'webhook' })).toBe(1)
    } finally {
      await good.close()
      await bad.close()
    }
  })

  it('counts an email the SMTP server accepted', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann', email: 'ann@example.com' })
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    await vote(server, projectId, visitor(), requestId)
    await server.drainJobs()
    const before = await scrape()
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    await server.drainJobs()
    expect(smtp.messages.map((mail) => mail.recipients).flat()).toContain('ann@example.com')
    const after = await scrape()
    expect(
      sampleValue(after, 'reqio_emails_sent_total') -
        sampleValue(before, 'reqio_emails_sent_total'),
    ).toBe(1)
  })
})

describe('GET /metrics without REQIO_METRICS_TOKEN', () => {
  it('answers 404, as for any path we do not serve', async () => {
    const server = await startTestServer({ demo: false })
    try {
      const res = await fetch(`${server.url}/metrics`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
      expect(res.status).toBe(404)
    } finally {
      await server.close()
    }
  })
})
