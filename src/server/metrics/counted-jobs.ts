import type { JobHandler } from '../jobs/job-handler'
import type { MailTransport } from '../jobs/mail/transport'
import type { JobKind } from '../store/jobs-store'
import type { AppMetrics } from './app-metrics'

/**
 * The job handlers, counting what became of each job: failed for good (reqio_jobs_failed_total)
 * and, for webhook deliveries, every attempt's outcome. Counted in the hooks the runner calls
 * once a run's fate is known, so the handlers themselves stay about their own work.
 */
export function countJobOutcomes(
  handlers: Record<JobKind, JobHandler>,
  metrics: AppMetrics,
): Record<JobKind, JobHandler> {
  const counted = {} as Record<JobKind, JobHandler>
  for (const [kind, handler] of Object.entries(handlers) as [JobKind, JobHandler][]) {
    counted[kind] = {
      ...handler,
      async run(job, loaded) {
        const result = await handler.run(job, loaded)
        if (kind === 'webhook') metrics.webhookDelivery('delivered')
        return result
      },
      // In the transaction that records the failure; should that roll back, the job runs
      // again after its lease and may be counted twice, never missed.
      async onFailure(tx, job, error, nextAt) {
        await handler.onFailure?.(tx, job, error, nextAt)
        if (nextAt === null) metrics.jobFailed(kind)
        if (kind === 'webhook') metrics.webhookDelivery(nextAt === null ? 'failed' : 'retrying')
      },
    }
  }
  return counted
}

/** The mail transport, counting every email it hands over (reqio_emails_sent_total). */
export function countSentMail(transport: MailTransport, metrics: AppMetrics): MailTransport {
  return {
    mode: transport.mode,
    async send(message) {
      await transport.send(message)
      if (transport.mode !== 'off') metrics.emailSent()
    },
    close: () => transport.close(),
  }
}
