import type { Clock } from '../clock'
import { BoundedTtlCache } from '../http/bounded-ttl-cache'
import type { ReadCaches } from '../http/read-caches'
import type { PortalAnswer } from './portal-answer'

/** Rendered pages are a few KB to ~100 KB (a board of 100 requests); 16 MB holds hundreds. */
const MAX_BYTES = 16 * 1024 * 1024
const TTL_MS = 1000

/**
 * Finished HTML of the portal's pages as an anonymous visitor sees them, per project, page,
 * query, language and origin. It drops whenever the public list's caches (http/read-caches.ts)
 * do: on every write to the project, in every process; the TTL
 * only bounds how long a missed notification could matter. Pages for a signed-in person (their
 * own votes, their name) are never cached.
 */
export class PortalPageCache {
  private readonly pages: BoundedTtlCache<PortalAnswer>

  constructor(caches: ReadCaches, clock: Clock) {
    this.pages = new BoundedTtlCache(clock, {
      ttlMs: TTL_MS,
      maxBytes: MAX_BYTES,
      sizeOf: (answer) => 128 + 2 * answer.body.length,
    })
    caches.follow(({ projectId }) => {
      if (projectId === '*') this.pages.clear()
      else this.pages.deleteByPrefix(`${projectId}\u0000`)
    })
  }

  /**
   * The cached answer under `key` for `projectId`, or `render()`'s, kept for the next visitor
   * when it is a page or a redirect (a 404 for any made-up id is not worth keeping).
   */
  async answer(
    projectId: string,
    key: string,
    render: () => Promise<PortalAnswer>,
  ): Promise<PortalAnswer> {
    const fullKey = `${projectId}\u0000${key}`
    const cached = this.pages.get(fullKey)
    if (cached !== undefined) return cached
    const answer = await render()
    if (answer.status !== 404) this.pages.set(fullKey, answer)
    return answer
  }
}
