import { findSimilarRequests } from '../../shared/similar'
import type { Clock } from '../clock'
import type { ProjectRecord, RequestRecord, Store } from '../store'
import type { ProjectChange } from '../store/change-feed'

/** How many of a project's most voted requests a title typed in the widget is compared with. */
export const SIMILAR_CANDIDATES = 1000

/**
 * Short-lived, per-process caches in front of the two reads every widget call makes. A write
 * invalidates them here at once and, through the store's change feed (LISTEN/NOTIFY on
 * PostgreSQL), on every other server process too; the TTL only bounds how long a missed
 * notification could matter. The previous-secret deadline is checked against the clock.
 */
const TTL_MS = 1000
const MAX_ENTRIES = 10_000

interface Entry<T> {
  value: T
  expiresMs: number
}

class TtlMap<T> {
  private readonly entries = new Map<string, Entry<T>>()
  constructor(private readonly clock: Clock) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (this.clock.now() >= entry.expiresMs) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: string, value: T): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(key, { value, expiresMs: this.clock.now() + TTL_MS })
  }

  delete(key: string): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }

  deleteByPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key)
  }
}

export class ReadCaches {
  private readonly projects: TtlMap<ProjectRecord | null>
  private readonly lists: TtlMap<RequestRecord[]>

  constructor(
    private readonly store: Store,
    clock: Clock,
  ) {
    this.projects = new TtlMap(clock)
    this.lists = new TtlMap(clock)
    store.changes.subscribe((change) => this.drop(change))
  }

  async project(id: string): Promise<ProjectRecord | null> {
    const cached = this.projects.get(id)
    if (cached !== undefined) return cached
    const project = await this.store.projects.find(id)
    this.projects.set(id, project)
    return project
  }

  /** The public list as everyone sees it, then `voted` for this caller from their own votes. */
  async publicList(input: {
    projectId: string
    sort: 'top' | 'new'
    q: string | null
    voter: string | null
  }): Promise<RequestRecord[]> {
    const shared = await this.sharedList(input.projectId, input.sort, input.q)
    return this.withVoted(input.projectId, shared, input.voter)
  }

  /** The requests whose titles look like `title`, for the widget's "Is it one of these?". */
  async similar(input: {
    projectId: string
    title: string
    voter: string | null
  }): Promise<RequestRecord[]> {
    const candidates = await this.sharedList(input.projectId, 'top', null, SIMILAR_CANDIDATES)
    return this.withVoted(
      input.projectId,
      findSimilarRequests(input.title, candidates),
      input.voter,
    )
  }

  private async sharedList(
    projectId: string,
    sort: 'top' | 'new',
    q: string | null,
    limit?: number,
  ): Promise<RequestRecord[]> {
    const key = `${projectId}\u0000${sort}\u0000${q ?? ''}\u0000${limit ?? ''}`
    let shared = this.lists.get(key)
    if (!shared) {
      shared = await this.store.requests.listPublic({ projectId, sort, q, voter: null, limit })
      this.lists.set(key, shared)
    }
    return shared
  }

  private async withVoted(
    projectId: string,
    shared: RequestRecord[],
    voter: string | null,
  ): Promise<RequestRecord[]> {
    if (voter === null || shared.length === 0) return shared
    const votedIds = await this.store.votes.votedRequestIds(projectId, voter)
    if (votedIds.size === 0) return shared
    return shared.map((request) =>
      votedIds.has(request.id) ? { ...request, voted: true } : request,
    )
  }

  /**
   * After any write to a project's requests or votes. Resolves once every other process has
   * been told; callers whose answer must already hold everywhere (rotation, settings) await it.
   */
  invalidateProject(projectId: string): Promise<void> {
    return this.dropEverywhere({ projectId, scope: 'lists' })
  }

  /** After a rotation or a settings change: the next call on any process reads the new row. */
  forgetProject(projectId: string): Promise<void> {
    return this.dropEverywhere({ projectId, scope: 'project' })
  }

  private dropEverywhere(change: ProjectChange): Promise<void> {
    this.drop(change)
    // A failed broadcast must not fail the write that already committed; the TTL still bounds it.
    return this.store.changes.publish(change).catch(() => {})
  }

  private drop({ projectId, scope }: ProjectChange): void {
    if (projectId === '*') {
      this.projects.clear()
      this.lists.clear()
      return
    }
    if (scope === 'project') this.projects.delete(projectId)
    this.lists.deleteByPrefix(`${projectId}\u0000`)
  }
}
