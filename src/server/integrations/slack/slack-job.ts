import type { Clock } from '../../clock'
import { type JobHandler, RetryAfterError } from '../../jobs/job-handler'
import { type OutboundGuard, outboundGuard } from '../../outbound/outbound-guard'
import { requestLinkOf } from '../../portal/request-link'
import type { ProjectRecord, Store } from '../../store'
import { type SlackLinks, slackMessage } from './slack-message'
import type { SlackJobPayload } from './slack-news'
import { connectionProblem, postToSlack } from './slack-send'
import type { SlackSettings } from './slack-setup'

class SlackDeliveryError extends Error {}

/**
 * Sends one Slack message with the webhooks' retry rules (spec/api.md "Webhooks": the same
 * schedule, REQIO_WEBHOOK_RETRY_SECONDS, and the same address rules): a 2xx answer within
 * 10 s delivers it; anything else is tried again, a 429 no sooner than its Retry-After. The
 * webhook URL is read when sending, so a replaced URL takes over waiting messages and a
 * removed set-up drops them.
 */
export function slackJobHandler(options: {
  store: Store
  clock: Clock
  publicUrl: string
  retrySeconds: readonly number[]
  allowPrivate: boolean
  timeoutMs?: number
  /** Defaults to the process's guard for `allowPrivate`; tests inject one with its own DNS. */
  outbound?: OutboundGuard
}): JobHandler<void> {
  const { store } = options
  const guard = options.outbound ?? outboundGuard(options.allowPrivate)
  return {
    retrySeconds: options.retrySeconds,
    async run(job) {
      const projectId = job.projectId ?? ''
      // Slack removed (or the project gone) since: the message is dropped, not failed, so the
      // job log does not fill with messages nobody wants any more.
      const setup = await store.integrations.find<SlackSettings>(projectId, 'slack')
      if (!setup) return
      const project = await store.projects.find(projectId)
      if (!project) return
      const url = setup.settings.webhookUrl
      // The address may have changed since the URL was saved; the guard's agent checks it
      // again on connecting, whatever this lookup saw.
      const problem = await guard.targetProblem(url)
      if (problem) throw new SlackDeliveryError(problem)
      const { news } = job.payload as SlackJobPayload
      const message = slackMessage(news, slackLinksFor(project, options.publicUrl))
      let answer: Awaited<ReturnType<typeof postToSlack>>
      try {
        answer = await postToSlack(url, message, guard, options.timeoutMs)
      } catch (error) {
        throw new SlackDeliveryError(connectionProblem(error))
      }
      if (answer.statusCode >= 200 && answer.statusCode < 300) return
      // The job log shows this; Slack's body is a reason word, never the URL.
      const said = `Slack answered ${answer.statusCode}${answer.body ? ` ${answer.body}` : ''}`
      if (answer.retryAfterSeconds !== null)
        throw new RetryAfterError(said, answer.retryAfterSeconds)
      throw new SlackDeliveryError(said)
    },
  }
}

/** Where a project's messages link: the dashboard's drawer, the public request, the changelog. */
export function slackLinksFor(
  project: Pick<ProjectRecord, 'id' | 'settings'>,
  publicUrl: string,
): SlackLinks {
  const base = publicUrl.replace(/\/+$/, '')
  const pid = encodeURIComponent(project.id)
  return {
    dashboard: (requestId) =>
      `${base}/dashboard/p/${pid}/requests/${encodeURIComponent(requestId)}`,
    public: (requestId) => requestLinkOf(project, requestId, base),
    changelog: `${base}/p/${pid}/changelog`,
  }
}
