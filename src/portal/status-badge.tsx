import type { ShownStatus } from '../shared/api'
import type { PortalView } from './portal-view'

export function StatusBadge({ view, status }: { view: PortalView; status: ShownStatus }) {
  return <span class={`status status-${status}`}>{view.t.status[status] ?? status}</span>
}
