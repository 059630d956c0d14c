import { performance } from 'node:perf_hooks'

/** While the API keeps the process busy, the queue's database work still gets this share. */
export const MIN_QUEUE_SHARE = 0.03
/** Of the time the API leaves idle, the queue leaves this much for the API's next burst. */
const HEADROOM = 0.1
/**
 * Under a burst (requests starting less than BURST_GAP_MS apart on average) the API counts as
 * busy until QUIET_MS after its last request began or ended: clients sending request after
 * request leave gaps this short between them. A lone request (a status change) holds the
 * queue back only while it is in flight, so what it queued goes out at once.
 */
const QUIET_MS = 5
const BURST_GAP_MS = 20

/**
 * On the embedded database the API and the queue share one connection and one thread, so
 * every millisecond the queue spends in the database is a millisecond no request is served.
 * While requests come, the queue takes what the API leaves idle (measured on the event loop
 * since the queue's last piece of work), less some headroom, and never less than
 * MIN_QUEUE_SHARE: after a piece that took d ms, the next starts d × (1 − share) / share
 * later, or as soon as the API is quiet (see QUIET_MS). Idle, the queue
 * runs at full speed; under a burst that takes the whole process it falls behind and catches
 * up after, which is what a durable queue is for. Pieces run one at a time, so the runner's
 * claims and its closing transactions never pile onto the connection together.
 */
export class ApiShare {
  private requests = 0
  private lastRequestAt = Number.NEGATIVE_INFINITY
  private lastStartAt = Number.NEGATIVE_INFINITY
  /** Average time between request starts, smoothed over the last few. */
  private meanGap = 1_000
  private nextTurnAt = 0
  private chain: Promise<unknown> = Promise.resolve()
  private loopUse = performance.eventLoopUtilization()
  private share: number

  constructor(
    /** False on PostgreSQL: the pool has connections for both, nothing to give way on. */
    private readonly enabled: boolean,
    private readonly limits: { min: number; max: number } = { min: MIN_QUEUE_SHARE, max: 1 },
  ) {
    this.share = limits.min
  }

  requestStarted(): void {
    this.requests++
    const now = performance.now()
    this.meanGap = 0.8 * this.meanGap + 0.2 * Math.min(now - this.lastStartAt, 1_000)
    this.lastStartAt = now
    this.lastRequestAt = now
  }

  requestEnded(): void {
    this.requests--
    this.lastRequestAt = performance.now()
  }

  /** The share of time the queue may take now (for tests and logs). */
  get currentShare(): number {
    return this.share
  }

  /** Runs `work` when it is the queue's turn; `stopping` lets a shutdown skip the wait. */
  run<T>(work: () => Promise<T>, stopping: () => boolean = () => false): Promise<T> {
    const turn = this.chain.then(async () => {
      await this.waitForTurn(stopping)
      const started = performance.now()
      try {
        return await work()
      } finally {
        this.afterPiece(performance.now() - started)
      }
    })
    this.chain = turn.catch(() => {})
    return turn
  }

  private afterPiece(took: number): void {
    const now = performance.eventLoopUtilization()
    const since = performance.eventLoopUtilization(now, this.loopUse)
    this.loopUse = now
    const window = since.active + since.idle
    if (window > 0) {
      const apiLoad = Math.max(0, since.active - took) / window
      this.share = Math.min(this.limits.max, Math.max(this.limits.min, 1 - apiLoad - HEADROOM))
    }
    this.nextTurnAt = performance.now() + (took * (1 - this.share)) / this.share
  }

  private busy(): boolean {
    return this.enabled && (this.requests > 0 || performance.now() - this.lastRequestAt < QUIET_MS)
  }

  private async waitForTurn(stopping: () => boolean): Promise<void> {
    // The queue's statements run synchronously on the embedded database, and requests that
    // arrived meanwhile wait unparsed in their sockets: let the event loop read them before
    // asking whether any is in flight.
    await new Promise((resolve) => setImmediate(resolve))
    while (this.busy() && !stopping()) {
      const wait = this.nextTurnAt - performance.now()
      if (wait <= 0) return
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5)))
    }
  }
}
