import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { LIMIT_NAMES, type LimitName } from '../http/rate-limited'
import type { JobKind } from '../store/jobs-store'

const JOB_KINDS: JobKind[] = ['event', 'mail', 'webhook', 'purge', 'slack']
const WEBHOOK_OUTCOMES = ['delivered', 'retrying', 'failed'] as const
/** What happened to one webhook delivery attempt. */
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number]

/**
 * The metrics of one app (spec/api.md v3 "/metrics"), on a registry of its own rather than
 * prom-client's global one, so a test process can run several apps side by side.
 */
export interface AppMetrics {
  readonly registry: Registry
  /** A request answered: counted and timed under its route pattern (http/route-label.ts). */
  requestServed(method: string, route: string, status: number, seconds: number): void
  rateLimited(limit: LimitName): void
  /** A job that failed for good (no retry left, or one that cannot help). */
  jobFailed(kind: JobKind): void
  webhookDelivery(outcome: WebhookOutcome): void
  /** An email the SMTP server accepted (or, in demo mode, kept for the dashboard). */
  emailSent(): void
}

export interface QueueReader {
  /** Jobs queued and not yet finished: read at each scrape. */
  counts(): Promise<{ queued: number }>
}

export function createAppMetrics(queue: QueueReader): AppMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const httpRequests = new Counter({
    name: 'reqio_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const httpDuration = new Histogram({
    name: 'reqio_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const rateLimited = new Counter({
    name: 'reqio_rate_limited_total',
    help: 'Requests refused with 429, by the limit that refused them.',
    labelNames: ['limit'] as const,
    registers: [registry],
  })
  const jobsFailed = new Counter({
    name: 'reqio_jobs_failed_total',
    help: 'Jobs (event fan-out, email, webhook delivery) that failed for good, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  })
  const webhookDeliveries = new Counter({
    name: 'reqio_webhook_deliveries_total',
    help: 'Webhook delivery attempts: delivered (2xx), retrying (will be tried again), failed (given up).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  const emailsSent = new Counter({
    name: 'reqio_emails_sent_total',
    help: 'Notification and invite emails handed to the SMTP server (or kept, in demo mode).',
    registers: [registry],
  })
  new Gauge({
    name: 'reqio_jobs_waiting',
    help: 'Jobs queued and not yet done (due now or scheduled for a retry), read at each scrape.',
    registers: [registry],
    async collect() {
      // While the database is away the scrape still answers, with the last value read.
      const counts = await queue.counts().catch(() => null)
      if (counts) this.set(counts.queued)
    },
  })
  // Every known series starts at 0, so that rate() and increase() see the first event.
  for (const limit of LIMIT_NAMES) rateLimited.inc({ limit }, 0)
  for (const kind of JOB_KINDS) jobsFailed.inc({ kind }, 0)
  for (const outcome of WEBHOOK_OUTCOMES) webhookDeliveries.inc({ outcome }, 0)
  emailsSent.inc(0)
  return {
    registry,
    requestServed(method, route, status, seconds) {
      const labels = { method, route, status: String(status) }
      httpRequests.inc(labels)
      httpDuration.observe(labels, seconds)
    },
    rateLimited: (limit) => rateLimited.inc({ limit }),
    jobFailed: (kind) => jobsFailed.inc({ kind }),
    webhookDelivery: (outcome) => webhookDeliveries.inc({ outcome }),
    emailSent: () => emailsSent.inc(),
  }
}
