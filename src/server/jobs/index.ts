import type { Clock } from '../clock'
import type { ServerConfig } from '../config'
import { slackJobHandler } from '../integrations/slack/slack-job'
import type { Logger } from '../logger'
import { type AppMetrics, createAppMetrics } from '../metrics/app-metrics'
import { countJobOutcomes, countSentMail } from '../metrics/counted-jobs'
import type { OutboundGuard } from '../outbound/outbound-guard'
import type { Store } from '../store'
import { eventJobHandler } from './event-job'
import { DEFAULT_MAIL_RETRY_SECONDS, mailJobHandler } from './mail/mail-job'
import { createMailTransport, type MailTransport } from './mail/transport'
import { purgeJobHandler } from './purge/purge-job'
import { JobRunner, type JobRunnerOptions } from './runner'
import { createPeriodicSweeps, type PeriodicSweeps } from './sweeps'
import { DEFAULT_WEBHOOK_RETRY_SECONDS, webhookJobHandler } from './webhooks/webhook-job'

export type JobsConfig = Pick<
  ServerConfig,
  | 'smtpUrl'
  | 'mailFrom'
  | 'mailCoalesceSeconds'
  | 'mailRetrySeconds'
  | 'webhookRetrySeconds'
  | 'webhookAllowPrivate'
  | 'demo'
> & { publicUrl: string }

/** How the server tells people and endpoints what happened: the queue runner and the mail transport. */
export interface Notifications {
  runner: JobRunner
  mail: MailTransport
  config: JobsConfig
  /**
   * The app's metrics registry; made here, with the queue whose outcomes it counts, unless
   * given, so one app (and its queue) has one registry.
   */
  metrics: AppMetrics
  /** Deletions on a timer (unattached uploads after 24 h); index.ts starts them with the runner. */
  sweeps: PeriodicSweeps
  close(): Promise<void>
}

export function createNotifications(options: {
  store: Store
  clock: Clock
  logger: Logger
  config: JobsConfig
  metrics?: AppMetrics
  runner?: Partial<Pick<JobRunnerOptions, 'concurrency' | 'perLane' | 'leaseMs' | 'pollMs'>>
  /** What every outgoing call goes through (default: the process's guard for the config). */
  outbound?: OutboundGuard
}): Notifications {
  const { store, clock, logger, config } = options
  const metrics = options.metrics ?? createAppMetrics(store.jobs)
  const mail = countSentMail(
    createMailTransport({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      demo: config.demo,
      store,
      clock,
    }),
    metrics,
  )
  const runner = new JobRunner({
    store,
    clock,
    logger,
    ...options.runner,
    handlers: countJobOutcomes(
      {
        event: eventJobHandler({
          clock,
          mailEnabled: mail.mode !== 'off',
          coalesceSeconds: config.mailCoalesceSeconds,
        }),
        mail: mailJobHandler({
          store,
          clock,
          transport: mail,
          publicUrl: config.publicUrl,
          retrySeconds: config.mailRetrySeconds ?? DEFAULT_MAIL_RETRY_SECONDS,
        }),
        webhook: webhookJobHandler({
          store,
          clock,
          retrySeconds: config.webhookRetrySeconds ?? DEFAULT_WEBHOOK_RETRY_SECONDS,
          allowPrivate: config.webhookAllowPrivate,
          outbound: options.outbound,
        }),
        purge: purgeJobHandler({ store, clock }),
        slack: slackJobHandler({
          store,
          clock,
          publicUrl: config.publicUrl,
          retrySeconds: config.webhookRetrySeconds ?? DEFAULT_WEBHOOK_RETRY_SECONDS,
          allowPrivate: config.webhookAllowPrivate,
          outbound: options.outbound,
        }),
      },
      metrics,
    ),
  })
  const sweeps = createPeriodicSweeps({ store, clock, logger })
  return {
    runner,
    mail,
    config,
    metrics,
    sweeps,
    async close() {
      sweeps.stop()
      await runner.stop()
      mail.close()
    },
  }
}
