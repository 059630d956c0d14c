import { useCallback, useEffect, useState } from 'preact/hooks'
import type { FailedJobInfo, KeptMailInfo, MailMode } from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'
import { FailedJobs } from './failed-jobs'
import { MailSetup } from './mail-setup'
import { SentMail } from './sent-mail'
import { WebhooksSection } from './webhooks-section'
import './notifications.css'

/**
 * Webhooks & mail: the project's webhook endpoints, the server's email set-up with a test
 * email, jobs that failed for good, and (demo mode) the emails kept instead of sent.
 */
export function NotificationsPage({
  client,
  projectId,
}: {
  client: AdminClient
  projectId: string
}) {
  const base = `/projects/${encodeURIComponent(projectId)}`
  const [failed, setFailed] = useState<FailedJobInfo[]>([])
  const [kept, setKept] = useState<{ mail: MailMode; messages: KeptMailInfo[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const [jobs, mail] = await Promise.all([
      client.call<{ failed: FailedJobInfo[] }>('GET', `${base}/jobs`),
      client.call<{ mail: MailMode; messages: KeptMailInfo[] }>('GET', `${base}/mail`),
    ])
    if (jobs.ok) setFailed(jobs.data.failed)
    if (mail.ok) setKept(mail.data)
    const problem = [jobs, mail].find((result) => !result.ok)
    setError(
      problem && !problem.ok ? `Part of this page could not be loaded: ${problem.message}` : null,
    )
  }, [client, base])
  useEffect(() => {
    reload()
  }, [reload])

  async function retry(job: FailedJobInfo) {
    const result = await client.call('POST', `${base}/jobs/${job.id}/retry`)
    setError(result.ok ? null : `The job could not be retried: ${result.message}`)
    await reload()
  }

  return (
    <section class="notifications">
      <WebhooksSection client={client} base={base} />

      <section aria-labelledby="mail-heading">
        <h3 id="mail-heading">Email</h3>
        <MailSetup client={client} />
      </section>

      {kept?.mail === 'kept' ? (
        <section aria-labelledby="sent-mail-heading">
          <h3 id="sent-mail-heading">Sent mail</h3>
          <p class="hint">Demo mode without SMTP: these emails would have gone out.</p>
          <SentMail messages={kept.messages} />
        </section>
      ) : null}

      <section aria-labelledby="failed-jobs-heading">
        <h3 id="failed-jobs-heading">Failed jobs</h3>
        <FailedJobs failed={failed} onRetry={retry} />
      </section>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  )
}
