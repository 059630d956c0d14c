import type { Logger } from '../logger'
import type { Store } from '../store'

/** An upload nobody attached within a day is let go (spec/api.md v3 "Images"). */
export const UNATTACHED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000

/**
 * Deletes the uploads attached to nothing that are older than a day at `now`. Called after
 * every upload (the moment new unattached rows appear) and by the periodic sweep
 * (jobs/sweeps.ts); a failure is only logged: the next one catches up.
 */
export async function sweepExpiredUploads(
  deps: { store: Store; logger: Logger },
  now: number,
): Promise<number> {
  try {
    return await deps.store.attachments.sweepUnattached(now - UNATTACHED_UPLOAD_TTL_MS)
  } catch (error) {
    deps.logger.warn(`attachments sweep failed: ${(error as Error).message}`)
    return 0
  }
}
