import { Webhook } from 'standardwebhooks'
import type { Clock } from '../../clock'
import type { Store } from '../../store'
import type { SqlExecutor } from '../../store/db'
import type { ClaimedJob } from '../../store/jobs-store'
import { type JobHandler, PermanentJobError } from '../runner'
import { webhookTargetProblem } from './target-guard'

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
 */
export function webhookJobHandler(options: {
  store: Store
  clock: Clock
  retrySeconds: readonly number[]
  allowPrivate: boolean
  timeoutMs?: number
}): JobHandler<{ statusCode: number }> {
  const { store, clock } = options
  const deliveryId = (job: ClaimedJob) => (job.payload as { deliveryId: string }).deliveryId
  return {
    retrySeconds: options.retrySeconds,
    async run(job) {
      const found = await store.webhooks.forSending(deliveryId(job))
      if (!found) throw new PermanentJobError('the endpoint or delivery was deleted')
      const problem = await webhookTargetProblem(found.url, options.allowPrivate)
      if (problem) throw new DeliveryError(problem, null)
      const timestamp = new Date(clock.now())
      const signature = new Webhook(found.secret).sign(found.delivery.id, timestamp, found.body)
      let response: Response
      try {
        response = await fetch(found.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Reqio-Webhooks/1',
            'webhook-id': found.delivery.id,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': signature,
          },
          body: found.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
        })
        // Only the status matters; reading a little frees the socket.
        await response.body?.cancel().catch(() => {})
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError'
        throw new DeliveryError(timedOut ? 'timed out after 10 s' : (error as Error).message, null)
      }
      if (response.status < 200 || response.status >= 300)
        throw new DeliveryError(`answered ${response.status}`, response.status)
      return { statusCode: response.status }
    },
    async onSuccess(tx: SqlExecutor, job, result) {
      await store.webhooks.recordAttempt(tx, deliveryId(job), {
        status: 'delivered',
        statusCode: result.statusCode,
        error: null,
        nextAttemptAt: null,
        jobId: null,
        now: clock.now(),
      })
    },
    async onFailure(tx, job, error, nextAt) {
      await store.webhooks.recordAttempt(tx, deliveryId(job), {
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
