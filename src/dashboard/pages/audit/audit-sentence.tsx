import type { AuditLogEntry } from '../../../shared/api'
import { type AuditPart, describeAuditEntry } from '../../../shared/audit-sentence'
import { currentRouteUrl, type Route } from '../../router'

/**
 * Opens a request's drawer without reloading the page: the dashboard follows the address bar
 * (app.tsx listens to popstate), so a pushed URL and a popstate are what a Back press would do.
 * A click with a modifier (new tab) is left to the browser, which follows the same href.
 */
function openInDashboard(event: MouseEvent, href: string) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  history.pushState(null, '', href)
  dispatchEvent(new PopStateEvent('popstate'))
}

function Part({ part, projectId }: { part: AuditPart; projectId: string }) {
  if (part.kind === 'actor') return <strong>{part.text}</strong>
  if (part.kind === 'value') return <span class="audit-value">{part.text}</span>
  if (part.kind === 'text') return <>{part.text}</>
  if (part.title === null) return <span class="audit-gone">a deleted request</span>
  const route: Route = { page: 'project', projectId, tab: 'backlog', requestId: part.id }
  const href = currentRouteUrl(route)
  return (
    <a href={href} onClick={(event) => openInDashboard(event, href)}>
      <em>{part.title}</em>
    </a>
  )
}

/** "Ana changed *Dark mode* from Planned to Done", the request linked to its drawer. */
export function AuditSentence({ entry, projectId }: { entry: AuditLogEntry; projectId: string }) {
  return (
    <>
      {describeAuditEntry(entry).map((part, index) => (
        // The parts of one sentence never reorder: their place is their identity.
        <Part key={index} part={part} projectId={projectId} />
      ))}
    </>
  )
}
