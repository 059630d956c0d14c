import type { FailedJobInfo } from '../../shared/notifications'
import { formatDateTime } from '../format/dates'
import { countOf } from '../format/plural'

/** Jobs (emails, webhook deliveries) that gave up after every retry, each with Retry now. */
export function FailedJobs({
  failed,
  onRetry,
}: {
  failed: FailedJobInfo[]
  onRetry: (job: FailedJobInfo) => void
}) {
  if (failed.length === 0) return <p class="hint">No job has failed for good.</p>
  return (
    <ul class="failed-jobs">
      {failed.map((job) => (
        <li key={job.id}>
          <span>
            {job.kind} job {job.id}: {countOf(job.attempts, 'attempt', 'attempts')}, the last{' '}
            {formatDateTime(job.updatedAt)}: {job.lastError ?? 'no error recorded'}
          </span>{' '}
          <button
            type="button"
            aria-label={`Retry ${job.kind} job ${job.id} now`}
            onClick={() => onRetry(job)}
          >
            Retry now
          </button>
        </li>
      ))}
    </ul>
  )
}
