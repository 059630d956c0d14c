import { findSimilarRequests } from '../../shared/similar'
import type { Clock } from '../clock'
import type { ProjectRecord, RequestRecord, Store } from '../store'
import { BoundedTtlCache } from './bounded-ttl-cache'

/** How many of a project's most voted requests a title typed in the widget is compared with. */
export const SIMILAR_CANDIDATES = 1000

/**
 * Short-lived, per-process caches in front of the two reads every widget call makes. Writes in
 * this process invalidate them at once; with several app servers on one PostgreSQL, another
 * server's write shows here within TTL_MS. Rotation is invalidated locally too, and the
 * previous-secret deadline is checked against the clock, not the cache.
 * Both are bounded by bytes. Searches (`q`) are not cached at all: any string makes a new key,
 * and the indexed query is cheap enough to run every time.
 */
const TTL_MS = 1000
const PROJECTS_MAX_BYTES = 4 * 1024 * 1024
const LISTS_MAX_BYTES = 32 * 1024 * 1024

/** Roughly what a record costs in memory: its strings (2 bytes a character) plus fixed fields. */
function requestBytes(request: RequestRecord): number {
  return 200 + 2 * (request.id.length + request.title.length + request.body.length)
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
    if (q !== null) {
      return this.store.requests.listPublic({ projectId, sort, q, voter: null, limit })
    }
    const key = `${projectId}\u0000${sort}\u0000${limit ?? ''}`
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

  /** After any write to a project's requests or votes. */
  invalidateProject(projectId: string): void {
    this.lists.deleteByPrefix(`${projectId}\u0000`)
  }

  /** Estimated bytes both caches hold (tests and the bench watch it). */
  get bytes(): number {
    return this.projects.bytes + this.lists.bytes
  }

  /** After a rotation: the next call reads the new secret. */
  forgetProject(projectId: string): void {
    this.projects.delete(projectId)
    this.invalidateProject(projectId)
  }
}
