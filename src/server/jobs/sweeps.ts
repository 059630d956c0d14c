import { sweepExpiredUploads } from '../attachments/sweep-unattached'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { Store } from '../store'

/** How often a running server looks for rows that have outlived their time. */
export const SWEEP_EVERY_MS = 10 * 60_000

/**
 * Deletions on a timer, beside the job queue: rows nobody will ask for any more (uploads
 * attached to nothing after 24 hours). Every process sweeps; the deletes are idempotent, so
 * several processes on one database only repeat each other's empty work. `runOnce` is what
 * tests call with their frozen clock.
 */
export interface PeriodicSweeps {
  start(): void
  stop(): void
  /** One pass of every sweep at the clock's now; answers how many rows went. */
  runOnce(): Promise<{ unattachedUploads: number }>
}

export function createPeriodicSweeps(deps: {
  store: Store
  clock: Clock
  logger: Logger
  everyMs?: number
}): PeriodicSweeps {
  let timer: ReturnType<typeof setInterval> | null = null
  const runOnce = async () => ({
    unattachedUploads: await sweepExpiredUploads(deps, deps.clock.now()),
  })
  return {
    start() {
      if (timer) return
      timer = setInterval(() => void runOnce(), deps.everyMs ?? SWEEP_EVERY_MS)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
    runOnce,
  }
}
