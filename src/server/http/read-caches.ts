import type { PublicChangelogEntry } from '../../shared/api'
import { findSimilarRequests } from '../../shared/similar'
import type { Clock } from '../clock'
import type { ProjectRecord, RequestRecord, Store } from '../store'
import type { ProjectChange } from '../store/change-feed'
import type { RoadmapLaneRecord } from '../store/roadmap-store'
import { BoundedTtlCache } from './bounded-ttl-cache'
import { toPublicChangelogEntry } from './changelog-wire'

/** How many of a project's most voted requests a title typed in the widget is compared with. */
export const SIMILAR_CANDIDATES = 1000

/**
 * Short-lived, per-process caches in front of the reads every widget call makes. A write
 * invalidates them here at once and, through the store's change feed (LISTEN/NOTIFY on
 * PostgreSQL), on every other server process as the write answers (PostgreSQL tells every
 * listener at once; the writer waits for its own copy); the TTL only bounds how
 * long a missed notification could matter. The previous-secret deadline is checked against the
 * clock.
 * Both are bounded by bytes. Searches (`q`) are not cached at all: any string makes a new key,
 * and the indexed query is cheap enough to run every time.
 */
const TTL_MS = 1000
const PROJECTS_MAX_BYTES = 4 * 1024 * 1024
const LISTS_MAX_BYTES = 32 * 1024 * 1024
/** Roadmap lanes and changelog entries, each: one small value per project. */
const NEWS_MAX_BYTES = 8 * 1024 * 1024

/** Roughly what a record costs in memory: its strings (2 bytes a character) plus fixed fields. */
function requestBytes(request: RequestRecord): number {
  const tags = request.tags.reduce((sum, tag) => sum + 80 + 2 * tag.name.length, 0)
  return 200 + tags + 2 * (request.id.length + request.title.length + request.body.length)
}

function projectBytes(project: ProjectRecord | null): number {
  if (!project) return 64
  return (
    300 + 2 * (project.name.length + project.secret.length + (project.previousSecret?.length ?? 0))
  )
}

export class ReadCaches {
  private readonly projects: BoundedTtlCache<ProjectRecord | null>
  private readonly lists: BoundedTtlCache<RequestRecord[]>
  private readonly roadmaps: BoundedTtlCache<RoadmapLaneRecord[]>
  private readonly changelogs: BoundedTtlCache<PublicChangelogEntry[]>
  /** Caches built on these reads (the portal's pages) that must drop when these do. */
  private readonly followers = new Set<(change: ProjectChange) => void>()

  constructor(
    private readonly store: Store,
    clock: Clock,
  ) {
    this.projects = new BoundedTtlCache(clock, {
      ttlMs: TTL_MS,
      maxBytes: PROJECTS_MAX_BYTES,
      sizeOf: projectBytes,
    })
    this.lists = new BoundedTtlCache(clock, {
      ttlMs: TTL_MS,
      maxBytes: LISTS_MAX_BYTES,
      sizeOf: (list) => list.reduce((sum, request) => sum + requestBytes(request), 64),
    })
    this.roadmaps = new BoundedTtlCache(clock, {
      ttlMs: TTL_MS,
      maxBytes: NEWS_MAX_BYTES,
      sizeOf: (lanes) =>
        lanes.reduce(
          (sum, lane) => lane.requests.reduce((bytes, r) => bytes + requestBytes(r), sum + 64),
          64,
        ),
    })
    this.changelogs = new BoundedTtlCache(clock, {
      ttlMs: TTL_MS,
      maxBytes: NEWS_MAX_BYTES,
      // The parsed node tree roughly doubles an entry's Markdown.
      sizeOf: (entries) =>
        entries.reduce(
          (sum, entry) => sum + 400 + 6 * (entry.title.length + entry.body.length),
          64,
        ),
    })
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
    /** `?tag=`: a list of its own, cached like the others. */
    tag?: string | null
  }): Promise<RequestRecord[]> {
    const shared = await this.sharedList(input.projectId, input.sort, input.q, undefined, input.tag)
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
    tag: string | null = null,
  ): Promise<RequestRecord[]> {
    if (q !== null) {
      return this.store.requests.listPublic({ projectId, sort, q, voter: null, limit, tag })
    }
    const key = `${projectId}\u0000${sort}\u0000${limit ?? ''}\u0000${tag ?? ''}`
    let shared = this.lists.get(key)
    if (!shared) {
      shared = await this.store.requests.listPublic({ projectId, sort, q, voter: null, limit, tag })
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
   * After any write to a project's requests, votes, comments or changelog (the roadmap shows
   * statuses and votes, the changelog request titles). Resolves once every other process has
   * been told, so the write's answer already holds everywhere.
   */
  invalidateProject(projectId: string): Promise<void> {
    return this.dropEverywhere({ projectId, scope: 'lists' })
  }

  /** Estimated bytes the caches hold (tests and the bench watch it). */
  get bytes(): number {
    return this.projects.bytes + this.lists.bytes + this.roadmaps.bytes + this.changelogs.bytes
  }

  /** After a rotation or a settings change: the next call on any process reads the new row. */
  forgetProject(projectId: string): Promise<void> {
    return this.dropEverywhere({ projectId, scope: 'project' })
  }

  /**
   * Calls `listener` whenever these caches drop a project's reads, after this process's writes
   * and other processes' alike (a process is not told its own notifications).
   */
  follow(listener: (change: ProjectChange) => void): void {
    this.followers.add(listener)
  }

  private dropEverywhere(change: ProjectChange): Promise<void> {
    this.drop(change)
    // A failed broadcast must not fail a write that already committed; the TTL still bounds it.
    return this.store.changes.publish(change).catch(() => {})
  }

  private drop(change: ProjectChange): void {
    for (const follower of this.followers) follower(change)
    const { projectId, scope } = change
    const caches = [this.projects, this.lists, this.roadmaps, this.changelogs]
    if (projectId === '*') {
      for (const cache of caches) cache.clear()
      return
    }
    if (scope === 'project') this.projects.delete(projectId)
    this.lists.deleteByPrefix(`${projectId}\u0000`)
    this.roadmaps.delete(projectId)
    this.changelogs.delete(projectId)
  }
}
