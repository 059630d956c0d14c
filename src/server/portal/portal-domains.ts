import type { Clock } from '../clock'
import { BoundedTtlCache } from '../http/bounded-ttl-cache'
import type { ReadCaches } from '../http/read-caches'
import type { Store } from '../store'

/** As long as the other read caches (http/read-caches.ts): a missed change matters that long. */
const TTL_MS = 1000
/** Host names are short; this holds tens of thousands, of which most are "no portal here". */
const MAX_BYTES = 2 * 1024 * 1024

/**
 * Which project's portal a host name serves, asked on every request to a portal path that
 * arrives under a host other than Reqio's own. Answers (a project id, or null for none) are
 * kept a second; any project's settings change drops them all, following the read caches
 * (ReadCaches.forgetProject: here, and through the store's change feed on every other server
 * process), so a domain moved from one project to another never serves the old one for longer
 * than a notification takes.
 */
export class PortalDomains {
  private readonly projectIds: BoundedTtlCache<string | null>

  constructor(
    private readonly store: Store,
    clock: Clock,
    caches: Pick<ReadCaches, 'follow'>,
  ) {
    this.projectIds = new BoundedTtlCache(clock, {
      ttlMs: TTL_MS,
      maxBytes: MAX_BYTES,
      sizeOf: (projectId) => 64 + 2 * (projectId?.length ?? 0),
    })
    // A domain may have moved between any two projects: every answer goes.
    caches.follow((change) => {
      if (change.scope === 'project') this.projectIds.clear()
    })
  }

  /** The id of the enabled or disabled project that claimed this host name, or null. */
  async projectServedOn(hostName: string): Promise<string | null> {
    const cached = this.projectIds.get(hostName)
    if (cached !== undefined) return cached
    const project = await this.store.projects.findByPortalDomain(hostName)
    const projectId = project?.id ?? null
    this.projectIds.set(hostName, projectId)
    return projectId
  }
}
