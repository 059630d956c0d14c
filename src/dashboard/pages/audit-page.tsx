import { useEffect, useState } from 'preact/hooks'
import type { AuditLogEntry } from '../../shared/api'
import type { TeamClient } from '../api/team-client'

/** Who did what and when in this project (team changes included), newest first. */
export function AuditPage({ team, projectId }: { team: TeamClient; projectId: string }) {
  const [entries, setEntries] = useState<AuditLogEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    team.audit(projectId).then((result) => {
      if (result.ok) setEntries(result.data.entries)
      else setError(`The audit log could not be loaded: ${result.message}`)
    })
  }, [team, projectId])

  if (error) return <p role="alert">{error}</p>
  if (!entries) return <p>Loading the audit log…</p>
  if (entries.length === 0) return <p class="empty">Nothing has been changed yet.</p>
  return (
    <table class="audit-table" aria-label="Audit log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">On</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={`${entry.at}-${index}`}>
            <td>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
            </td>
            <td>{entry.actor}</td>
            <td>{entry.action}</td>
            <td>
              <code>{entry.target}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
