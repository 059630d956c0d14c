import type { RequestStatus, ShownStatus } from '../../shared/api'

export const STATUS_LABELS: Record<ShownStatus, string> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
  pending: 'Waiting for approval',
}
