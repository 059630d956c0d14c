/** While the API is busy, the queue's database work takes at most this share of the time. */
export const QUEUE_SHARE_WHILE_BUSY = 0.05

/**
 * On the embedded database the API and the queue share one connection and one thread, so
 * every millisecond the queue spends in the database is a millisecond no request is served.
 * While requests are in flight, the queue's work is held to a share of the time: after a piece
 * that took d ms, the next starts d × (1 − share) / share later, or as soon as no request is in
 * flight. Idle, the queue runs at full speed; under a burst it falls behind and catches up
 * after, which is what a durable queue is for. Pieces run one at a time, so the runner's
 * claims and its closing transactions never pile onto the connection together.
 */
export class ApiShare {
  private requests = 0
  private nextTurnAt = 0
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    /** False on PostgreSQL: the pool has connections for both, nothing to give way on. */
    private readonly enabled: boolean,
    private readonly share = QUEUE_SHARE_WHILE_BUSY,
  ) {}

  requestStarted(): void {
    this.requests++
  }

  requestEnded(): void {
    this.requests--
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
        if (this.enabled && this.requests > 0)
          this.nextTurnAt = performance.now() + (took * (1 - this.share)) / this.share
      }
    })
    this.chain = turn.catch(() => {})
    return turn
  }

  private async waitForTurn(stopping: () => boolean): Promise<void> {
    while (this.enabled && this.requests > 0 && !stopping()) {
      const wait = this.nextTurnAt - performance.now()
      if (wait <= 0) return
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5)))
    }
  }
}
