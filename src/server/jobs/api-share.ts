/** While the API is busy, the queue's database work takes at most this share of the time. */
export const QUEUE_SHARE_WHILE_BUSY = 0.05

/**
 * The API counts as busy until this long after its last request began or ended: a client
 * sending request after request leaves gaps this short between them.
 */
const QUIET_MS = 5

/**
 * On the embedded database the API and the queue share one connection and one thread, so
 * every millisecond the queue spends in the database is a millisecond no request is served.
 * While requests are in flight, the queue's work is held to a share of the time: after a piece
 * that took d ms, the next starts d × (1 − share) / share later, or as soon as no request is in
 * flight and none came for QUIET_MS. Idle, the queue runs at full speed; under a burst it
 * falls behind and catches up after, which is what a durable queue is for. Pieces run one at a time, so the runner's
 * claims and its closing transactions never pile onto the connection together.
 */
export class ApiShare {
  private requests = 0
  private lastRequestAt = Number.NEGATIVE_INFINITY
  private nextTurnAt = 0
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    /** False on PostgreSQL: the pool has connections for both, nothing to give way on. */
    private readonly enabled: boolean,
    private readonly share = QUEUE_SHARE_WHILE_BUSY,
  ) {}

  requestStarted(): void {
    this.requests++
    this.lastRequestAt = performance.now()
  }

  requestEnded(): void {
    this.requests--
    this.lastRequestAt = performance.now()
  }

  private busy(): boolean {
    return this.enabled && (this.requests > 0 || performance.now() - this.lastRequestAt < QUIET_MS)
  }

  /** Runs `work` when it is the queue's turn; `stopping` lets a shutdown skip the wait. */
  run<T>(work: () => Promise<T>, stopping: () => boolean = () => false): Promise<T> {
    const turn = this.chain.then(async () => {
      await this.waitForTurn(stopping)
      const started = performance.now()
      try {
        return await work()
      } finally {
        const took = performance.now() - started
        this.nextTurnAt = performance.now() + (took * (1 - this.share)) / this.share
      }
    })
    this.chain = turn.catch(() => {})
    return turn
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
