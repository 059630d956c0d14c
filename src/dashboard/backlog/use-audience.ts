import { useEffect, useState } from 'preact/hooks'
import type { AudienceResponse } from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'
import { countOf } from '../format/plural'

/**
 * Who a status change reaches, said before it goes: "3 people will hear about this: 2 by
 * email, all of them in the widget."
 */
export function audienceSentence(audience: AudienceResponse): string {
  if (audience.people === 0) return 'Nobody identified follows this request yet: nobody will hear.'
  const people = `${countOf(audience.people, 'person', 'people')} will hear about this`
  if (audience.mail === 'off')
    return `${people} in the widget. Email is off (REQIO_SMTP_URL is not set).`
  const kept = audience.mail === 'kept' ? ' (demo: emails are kept under Sent mail)' : ''
  return `${people}: ${audience.withEmail.toLocaleString('en')} by email${kept}, all in the widget.`
}

/** GET …/requests/{rid}/audience, read once per request; null until it answers (or if it fails). */
export function useAudience(
  client: AdminClient,
  projectId: string,
  requestId: string,
): AudienceResponse | null {
  const [audience, setAudience] = useState<AudienceResponse | null>(null)
  useEffect(() => {
    const path = `/projects/${encodeURIComponent(projectId)}/requests/${encodeURIComponent(requestId)}/audience`
    let current = true
    client.call<AudienceResponse>('GET', path).then((result) => {
      if (current && result.ok) setAudience(result.data)
    })
    return () => {
      current = false
    }
  }, [client, projectId, requestId])
  return audience
}
