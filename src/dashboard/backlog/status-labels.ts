import type { RequestStatus } from '../../shared/api'

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
}
