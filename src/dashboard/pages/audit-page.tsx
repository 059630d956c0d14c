import { useEffect, useState } from 'preact/hooks'
import type { AuditLogEntry } from '../../shared/api'
import type { TeamClient } from '../api/team-client'
import { formatDateTime } from '../format/dates'
import { AuditSentence } from './audit/audit-sentence'
import './audit/audit.css'

/**
 * Who did what and when in this project (team changes included), newest first, as sentences
 * a PM reads: names, request titles linked to their drawer, old → new values.
 */
export function AuditPage({ team, projectId }: { team: TeamClient; projectId: string }) {
  const [entries, setEntries] = useState<AuditLogEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  useEffect(() => {
    team.audit(projectId).then((result) => {
      if (result.ok) {
        setEntries(result.data.entries)
        setNextCursor(result.data.nextCursor ?? null)
      } else setError(`The audit log could not be loaded: ${result.message}`)
    })
  }, [team, projectId])

  async function loadOlder() {
    if (!nextCursor) return
    setLoadingMore(true)
    const result = await team.audit(projectId, nextCursor)
    setLoadingMore(false)
    if (result.ok) {
      setEntries((shown) => [...(shown ?? []), ...result.data.entries])
      setNextCursor(result.data.nextCursor ?? null)
    } else setError(`Older lines could not be loaded: ${result.message}`)
  }

  if (error) return <p role="alert">{error}</p>
  if (!entries) return <p>Loading the audit log…</p>
  if (entries.length === 0) return <p class="empty">Nothing has been changed yet.</p>
  return (
    // The Settings area already heads the page "Audit log"; the region keeps the name.
    <section class="audit-log" aria-label="Audit log">
      <p class="hint">Every change by the team and the admin token, newest first.</p>
      <ol class="audit-list">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <p class="audit-what">
              <AuditSentence entry={entry} projectId={projectId} />
            </p>
            <p class="audit-when">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {entry.actorName ? <span> · {entry.actor}</span> : null}
            </p>
          </li>
        ))}
      </ol>
      {nextCursor ? (
        <button type="button" disabled={loadingMore} onClick={loadOlder}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  )
}
