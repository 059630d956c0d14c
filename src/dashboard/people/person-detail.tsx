import { useEffect, useState } from 'preact/hooks'
import type { PersonDetailResponse } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { downloadText } from '../backlog/download'
import { STATUS_LABELS } from '../backlog/status-labels'
import { formatDate } from '../format/dates'
import { formatMoney } from '../format/money'
import { AskFirstButton } from '../ui/ask-first-button'
import { DetailPanel } from '../ui/detail-panel'
import { erasureSentence } from './erasure-sentence'

/** The download's name: the sub with anything unsafe in a file name replaced (as the server). */
export function exportFileName(sub: string): string {
  const safe = sub.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100)
  return `person-${safe || 'unnamed'}.json`
}

/**
 * One person: their facts, the requests they wrote, their votes and comments, and the two GDPR
 * actions: "Download their data" (the server's export, saved as a file) and "Delete this
 * person", which first says what will go.
 */
export function PersonDetail({
  client,
  projectId,
  sub,
  canDelete,
  onClose,
  onDeleted,
}: {
  client: AdminClient
  projectId: string
  sub: string
  canDelete: boolean
  onClose: () => void
  onDeleted: () => void
}) {
  const [person, setPerson] = useState<PersonDetailResponse['person'] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    client.person(projectId, sub).then((result) => {
      if (result.ok) setPerson(result.data.person)
      else setError(`This person could not be loaded: ${result.message}`)
    })
  }, [client, projectId, sub])

  async function download() {
    const result = await client.personExport(projectId, sub)
    if (!result.ok) {
      setError(`Their data could not be exported: ${result.message}`)
      return
    }
    downloadText(exportFileName(sub), JSON.stringify(result.data, null, 2), 'application/json')
    setStatus('Their data was downloaded.')
  }

  async function erase() {
    const result = await client.deletePerson(projectId, sub)
    if (result.ok) onDeleted()
    else setError(`This person could not be deleted: ${result.message}`)
  }

  const title = person?.email ?? person?.name ?? sub
  return (
    <DetailPanel kind="Person" title={title} error={error} onClose={onClose}>
      <p role="status">{status}</p>
      {person ? (
        <>
          <dl class="person-facts">
            <dt>Sub</dt>
            <dd>
              <code>{person.sub}</code>
            </dd>
            <dt>Name</dt>
            <dd>{person.name ?? '—'}</dd>
            <dt>Company</dt>
            <dd>{person.company ? (person.company.name ?? person.company.id) : '—'}</dd>
            <dt>Plan and MRR</dt>
            <dd>
              {person.plan ?? 'No plan'}, {formatMoney(person.mrrCents)} a month
            </dd>
            <dt>Last seen</dt>
            <dd>{formatDate(person.lastSeenAt)}</dd>
          </dl>
          <h4>Requests they wrote</h4>
          {person.requests.length === 0 ? <p>None.</p> : null}
          <ul>
            {person.requests.map((request) => (
              <li key={request.id}>
                {request.title} ({STATUS_LABELS[request.status]}, {formatMoney(request.mrrCents)})
              </li>
            ))}
          </ul>
          <h4>Their votes</h4>
          {person.votes.length === 0 ? <p>None.</p> : null}
          <ul>
            {person.votes.map((vote) => (
              <li key={vote.requestId}>
                {vote.title}, {formatDate(vote.createdAt)}
              </li>
            ))}
          </ul>
          <h4>Their comments</h4>
          {person.comments.length === 0 ? <p>None.</p> : null}
          <ul>
            {person.comments.map((comment) => (
              <li key={comment.id}>
                “{comment.body}”, {formatDate(comment.createdAt)}
              </li>
            ))}
          </ul>
          <div class="person-actions">
            <button type="button" onClick={download}>
              Download their data
            </button>
            {canDelete ? (
              <AskFirstButton
                label="Delete this person"
                danger
                confirmLabel="Delete for good"
                question={`Delete ${title}? This erases ${erasureSentence(person)}. It cannot be undone.`}
                onConfirm={erase}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </DetailPanel>
  )
}
