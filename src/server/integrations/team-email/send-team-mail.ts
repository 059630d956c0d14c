import { isSingleEmailAddress } from '../../../shared/email-address'
import type { Clock } from '../../clock'
import type { JobHandler } from '../../jobs/job-handler'
import type { MailTransport } from '../../jobs/mail/transport'
import type { Store } from '../../store'
import { kindsStillWanted } from '../../store/team-email-settings-store'
import { bindTeamMailLines, markTeamMailLinesSent } from '../../store/team-mail-store'
import { dashboardAccountUrl, dashboardRequestUrl } from './dashboard-links'
import { renderTeamEmail } from './render'

/**
 * Team email, how it is sent: one email to one member with every line waiting for them in one
 * project, through the same transport (and lane) as customers' emails. Lines are bound to the
 * job before sending, so a line arriving meanwhile waits for the next email; once the SMTP
 * server accepts, they are marked sent in the job's closing transaction.
 */
export function teamMailJobHandler(options: {
  store: Store
  clock: Clock
  transport: MailTransport
  publicUrl: string
  retrySeconds: readonly number[]
}): JobHandler<{ lineIds: number[] }> {
  const { store, transport } = options
  return {
    retrySeconds: options.retrySeconds,
    async run(job) {
      const projectId = job.projectId ?? ''
      const memberId = (job.payload as { memberId: string }).memberId
      const { boundIds, lines } = await bindTeamMailLines(store.db, projectId, memberId, job.id)
      const done = { lineIds: boundIds }
      // SMTP turned off since, or nothing left worth sending: the lines are dropped, not kept.
      if (lines.length === 0 || transport.mode !== 'smtp') return done
      const member = await store.members.findById(memberId)
      if (!member || !isSingleEmailAddress(member.email)) return done
      // Turned off within the coalescing window: what waited goes with the choice.
      const wanted = await kindsStillWanted(store.db, memberId)
      const kept = lines.filter((line) => wanted.has(line.kind))
      const project = await store.projects.find(projectId)
      if (kept.length === 0 || !project) return done
      const email = renderTeamEmail({
        projectName: project.name,
        lines: kept,
        requestUrl: (requestId) => dashboardRequestUrl(options.publicUrl, projectId, requestId),
        settingsUrl: dashboardAccountUrl(options.publicUrl),
      })
      await transport.send({
        projectId,
        to: member.email,
        ...email,
        headers: { 'Auto-Submitted': 'auto-generated' },
        messageId: `<team-mail-${job.id}@${new URL(options.publicUrl).hostname || 'reqio'}>`,
      })
      return done
    },
    async onSuccess(tx, done) {
      const lineIds = done.flatMap(({ result }) => result.lineIds)
      await markTeamMailLinesSent(tx, lineIds, options.clock.now())
    },
  }
}
