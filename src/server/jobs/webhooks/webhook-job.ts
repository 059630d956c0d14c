import { Webhook } from 'standardwebhooks'
import type { Clock } from '../../clock'
import { type OutboundGuard, outboundGuard } from '../../outbound/outbound-guard'
import type { Store } from '../../store'
import type { ClaimedJob } from '../../store/jobs-store'
import type { DeliveryToSend } from '../../store/webhook-deliveries-store'
import { type JobHandler, PermanentJobError } from '../job-handler'
import { postWebhook } from './send'

/** Svix's schedule, the one spec/api.md names: after the 7th retry the delivery fails. */
export const DEFAULT_WEBHOOK_RETRY_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000]
export const WEBHOOK_TIMEOUT_MS = 10_000

class DeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message)
  }
}

/**
 * Sends one delivery, signed by the Standard Webhooks rules with the endpoint's secret; a
 * 2xx answer within 10 s delivers it, anything else is retried with the same webhook-id.
 * What a claimed batch sends is read in one query (load); the successes of a batch are
 * recorded in one statement.
 */
export function webhookJobHandler(options: {
  store: Store
  clock: Clock
  retrySeconds: readonly number[]
  allowPrivate: boolean
  timeoutMs?: number
  /** Defaults to the process's guard for `allowPrivate`; tests inject one with its own DNS. */
  outbound?: OutboundGuard
}): JobHandler<{ statusCode: number }, DeliveryToSend> {
  const { store, clock } = options
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  const guard = options.outbound ?? outboundGuard(options.allowPrivate)
  const deliveryId = (job: ClaimedJob) => (job.payload as { deliveryId: string }).deliveryId
  return {
    retrySeconds: options.retrySeconds,
    async load(jobs) {
      const found = await store.webhookDeliveries.forSendingMany(jobs.map(deliveryId))
      const byJob = new Map<number, DeliveryToSend>()
      for (const job of jobs) {
        const sending = found.get(deliveryId(job))
        if (sending) byJob.set(job.id, sending)
      }
      return byJob
    },
    async run(job, loaded) {
      const found = loaded ?? (await store.webhookDeliveries.forSending(deliveryId(job)))
      if (!found) throw new PermanentJobError('the endpoint or delivery was deleted')
      // The address may have changed since the URL was saved; the guard's agent checks it
      // again on connecting, whatever this lookup saw.
      const problem = await guard.targetProblem(found.url)
      if (problem) throw new DeliveryError(problem, null)
      const timestamp = new Date(clock.now())
      const signature = new Webhook(found.secret).sign(found.delivery.id, timestamp, found.body)
      let statusCode: number
      try {
        statusCode = await postWebhook(
          found.url,
          {
            'content-type': 'application/json',
            'user-agent': 'Reqio-Webhooks/1',
            'webhook-id': found.delivery.id,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': signature,
          },
          found.body,
          timeoutMs,
          guard,
        )
      } catch (error) {
        throw new DeliveryError((error as Error).message, null)
      }
      if (statusCode < 200 || statusCode >= 300)
        throw new DeliveryError(`answered ${statusCode}`, statusCode)
      return { statusCode }
    },
    async onSuccess(tx, done) {
      await store.webhookDeliveries.recordDelivered(
        tx,
        done.map(({ job, result }) => ({ id: deliveryId(job), statusCode: result.statusCode })),
        clock.now(),
      )
    },
    async onFailure(tx, job, error, nextAt) {
      await store.webhookDeliveries.recordAttempt(tx, deliveryId(job), {
        status: nextAt === null ? 'failed' : 'pending',
        statusCode: error instanceof DeliveryError ? error.statusCode : null,
        error: error instanceof Error ? error.message : String(error),
        nextAttemptAt: nextAt,
        jobId: job.id,
        now: clock.now(),
      })
    },
  }
}
