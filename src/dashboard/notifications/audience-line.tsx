import { useEffect, useState } from 'preact/hooks'
import type { AudienceResponse } from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'
import { countOf } from '../format/plural'

/** Before a status change is saved: "12 people, 7 with email, will hear about this". */
export function audienceSentence(audience: AudienceResponse): string {
  const people = countOf(audience.people, 'person', 'people')
  if (audience.people === 0) return 'Nobody identified follows this request yet.'
  if (audience.mail === 'off')
    return `${people} will see a status change in the widget. Email is off (REQIO_SMTP_URL is not set).`
  const kept = audience.mail === 'kept' ? ' (demo: emails are kept under Sent mail)' : ''
  return `${people}, ${audience.withEmail} with email, will hear about a status change${kept}.`
}

export function AudienceLine({
  client,
  projectId,
  requestId,
}: {
  client: AdminClient
  projectId: string
  requestId: string
}) {
  const [audience, setAudience] = useState<AudienceResponse | null>(null)
  useEffect(() => {
    const path = `/projects/${encodeURIComponent(projectId)}/requests/${encodeURIComponent(requestId)}/audience`
    client.call<AudienceResponse>('GET', path).then((result) => {
      if (result.ok) setAudience(result.data)
    })
  }, [client, projectId, requestId])
  return audience ? <p class="hint audience">{audienceSentence(audience)}</p> : null
}
