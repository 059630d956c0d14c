import type { RequestStatus, ShownStatus } from './api'

/** What people read for each status, in the dashboard and in the audit log's sentences. */
export const REQUEST_STATUS_LABELS: Record<ShownStatus, string> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
  pending: 'Waiting for approval',
}

/** The label of a stored status; an unknown one is shown as it is stored. */
export function statusLabel(status: unknown): string {
  const key = String(status) as RequestStatus
  return REQUEST_STATUS_LABELS[key] ?? String(status)
}
