import type { Clock } from '../../clock'
import type { Store } from '../../store'
import type { SqlExecutor } from '../../store/db'
import { insertJob } from '../../store/job-inserts'
import { RESTORE_WINDOW_MS } from '../../store/moderation-store'
import type { JobHandler } from '../job-handler'

/**
 * Deleted requests go for good RESTORE_WINDOW_MS after their deletion (spec/api.md "Spam and
 * deletion": restorable within 30 days). One queued purge job per project at most, due when its
 * oldest deleted request runs out: each run removes what is due, then queues the next one for
 * the oldest left. A restore needs nothing: the run finds that request no longer deleted.
 */
export function purgeJobHandler(deps: { store: Store; clock: Clock }): JobHandler<number> {
  return {
    retrySeconds: [60, 600, 3600],
    async run(job) {
      if (job.projectId === null) return 0
      return deps.store.moderation.purge(job.projectId, deps.clock.now() - RESTORE_WINDOW_MS)
    },
    async onSuccess(tx, done) {
      for (const { job } of done) {
        if (job.projectId !== null) await queueNextPurge(tx, job.projectId, deps.clock.now())
      }
    },
  }
}

/**
 * Queues the project's purge for when its oldest deleted request runs out, unless one is
 * queued already (the dedupe key): the one queued is due no later, and queues the next itself.
 */
export async function queueNextPurge(
  tx: SqlExecutor,
  projectId: string,
  now: number,
): Promise<void> {
  const [oldest] = await tx.query<{ deleted_at: Date | string | null }>(
    'SELECT min(deleted_at) AS deleted_at FROM requests WHERE project_id = $1 AND deleted_at IS NOT NULL',
    [projectId],
  )
  if (!oldest?.deleted_at) return
  await insertJob(tx, {
    projectId,
    kind: 'purge',
    lane: `purge:${projectId}`,
    payload: {},
    runAt: new Date(oldest.deleted_at).getTime() + RESTORE_WINDOW_MS,
    dedupeKey: `purge:${projectId}`,
    now,
  })
}
