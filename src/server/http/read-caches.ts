import type { PublicChangelogEntry } from '../../shared/api'
import { findSimilarRequests } from '../../shared/similar'
import type { Clock } from '../clock'
import type { ProjectRecord, RequestRecord, Store } from '../store'
import type { RoadmapLaneRecord } from '../store/roadmap-store'
import { toPublicChangelogEntry } from './changelog-wire'

/** How many of a project's most voted requests a title typed in the widget is compared with. */
export const SIMILAR_CANDIDATES = 1000

/**
 * Short-lived, per-process caches in front of the two reads every widget call makes. Writes in
 * this process invalidate them at once; with several app servers on one PostgreSQL, another
 * server's write shows here within TTL_MS. Rotation is invalidated locally too, and the
 * previous-secret deadline is checked against the clock, not the cache.
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

  deleteByPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key)
  }
}

export class ReadCaches {
  private readonly projects: TtlMap<ProjectRecord | null>
  private readonly lists: TtlMap<RequestRecord[]>
  private readonly roadmaps: TtlMap<RoadmapLaneRecord[]>
  private readonly changelogs: TtlMap<PublicChangelogEntry[]>

  constructor(
    private readonly store: Store,
    clock: Clock,
  ) {
    this.projects = new TtlMap(clock)
    this.lists = new TtlMap(clock)
    this.roadmaps = new TtlMap(clock)
    this.changelogs = new TtlMap(clock)
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

  /** The public roadmap's lanes, then `voted` for this caller. */
  async roadmap(projectId: string, voter: string | null): Promise<RoadmapLaneRecord[]> {
    let lanes = this.roadmaps.get(projectId)
    if (!lanes) {
      lanes = await this.store.roadmap.lanes(projectId)
      this.roadmaps.set(projectId, lanes)
    }
    if (voter === null) return lanes
    const all = await this.withVoted(
      projectId,
      lanes.flatMap((lane) => lane.requests),
      voter,
    )
    return lanes.map((lane) => ({
      status: lane.status,
      requests: all.filter((request) => request.status === lane.status),
    }))
  }

  /** Published changelog entries, newest first, Markdown parsed once: the same for everyone. */
  async changelog(projectId: string): Promise<PublicChangelogEntry[]> {
    let entries = this.changelogs.get(projectId)
    if (!entries) {
      entries = (await this.store.changelog.listPublished(projectId)).map(toPublicChangelogEntry)
      this.changelogs.set(projectId, entries)
    }
    return entries
  }

  /** When the newest entry was published: the widget's "What's new" marker. */
  async latestChangelogAt(projectId: string): Promise<string | null> {
    const [latest] = await this.changelog(projectId)
    return latest?.publishedAt ?? null
  }

  /**
   * After any write to a project's requests, votes or changelog: the roadmap shows statuses
   * and votes, the changelog shows request titles.
   */
  invalidateProject(projectId: string): void {
    this.lists.deleteByPrefix(`${projectId}\u0000`)
    this.roadmaps.delete(projectId)
    this.changelogs.delete(projectId)
  }

  /** After a rotation: the next call reads the new secret. */
  forgetProject(projectId: string): void {
    this.projects.delete(projectId)
    this.invalidateProject(projectId)
  }
}
