import type {
  FeedbackComment,
  FeedbackRequest,
  ProjectSettings,
  PublicChangelogEntry,
  RoadmapLane,
} from '../../../../src/shared/api'
import { messagesFor } from '../../../../src/shared/messages'
import type { PersonUpdate } from '../../../../src/shared/notifications'
import { findSimilarRequests } from '../../../../src/shared/similar'

/** One request the widget sent, as the server saw it. */
export interface SeenCall {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  body: unknown
}

/** A canned answer that replaces the server's next one: 'offline' rejects like a dead network. */
export type CannedAnswer =
  | 'offline'
  | { status: number; body?: unknown; headers?: Record<string, string> }

/**
 * A tiny in-test server answering like spec/api.md, behind a fetch function to stub
 * globalThis.fetch with. Votes count per X-Reqio-Anonymous-Id; Idempotency-Key is honoured.
 */
export function createFakeServer(seed: Array<Partial<FeedbackRequest> & { title: string }> = []) {
  const requests: FeedbackRequest[] = seed.map((r, i) => ({
    id: `r${i + 1}`,
    body: '',
    status: 'open',
    votes: 0,
    voted: false,
    createdAt: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
    commentCount: 0,
    mine: false,
    statusNote: null,
    ...r,
  }))
  /** Each request's public thread; `writer` is who wrote it (a bearer token or anonymous id). */
  const comments = new Map<string, Array<FeedbackComment & { writer: string; key: string }>>()
  const settings: ProjectSettings = { requireIdentity: false, allowAnonymousComments: false }
  const voters = new Map<string, Set<string>>()
  const byIdempotencyKey = new Map<string, FeedbackRequest>()
  const calls: SeenCall[] = []
  /** What moved for the identified caller (any bearer token), as GET …/updates lists it. */
  const updates: PersonUpdate[] = []
  const canned: CannedAnswer[] = []
  let offline = false
  let writesFail = false
  const news: { lanes: RoadmapLane[]; entries: PublicChangelogEntry[] } = {
    lanes: [
      { status: 'planned', requests: [] },
      { status: 'in_progress', requests: [] },
      { status: 'done', requests: [] },
    ],
    entries: [],
  }

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    })
  const error = (status: number, code: string) => json(status, { error: { code, message: code } })
  const view = (r: FeedbackRequest, caller: string): FeedbackRequest => {
    const people = voters.get(r.id)
    return { ...r, votes: r.votes + (people?.size ?? 0), voted: people?.has(caller) ?? false }
  }

  async function fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(String(input))
    const headers = new Headers(init.headers)
    const method = init.method ?? 'GET'
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    calls.push({ method, path: url.pathname, query: url.searchParams, headers, body })
    const answer = canned.shift() ?? (offline ? 'offline' : undefined)
    if (answer === 'offline') throw new TypeError('Failed to fetch')
    if (answer) return json(answer.status, answer.body ?? '', answer.headers)
    if (writesFail && method !== 'GET') return error(503, 'internal_error')

    const caller = headers.get('X-Reqio-Anonymous-Id') ?? ''
    if (url.pathname.endsWith('/widget')) {
      const messages = messagesFor(url.searchParams.get('locale') ?? '')
      return json(200, {
        project: {
          id: 'p1',
          name: 'Acme',
          settings: { ...settings },
          ...(news.entries[0] && { latestChangelogAt: news.entries[0].publishedAt }),
          ...(messages && { messages }),
        },
      })
    }
    const bearer = headers.get('Authorization')
    const writer = bearer ?? caller
    if (url.pathname.endsWith('/updates')) {
      const mine = bearer ? updates : []
      return json(200, { updates: mine, unread: mine.filter((u) => !u.read).length })
    }
    if (url.pathname.endsWith('/updates/read') && method === 'POST') {
      if (bearer) for (const update of updates) update.read = true
      return json(200, { unread: 0 })
    }
    const thread = url.pathname.match(/^\/v1\/projects\/[^/]+\/requests\/([^/]+)(\/comments)?$/)
    if (thread) {
      const [, id = '', commentsPath] = thread
      const target = requests.find((r) => r.id === id)
      if (!target) return error(404, 'request_not_found')
      const list = comments.get(id) ?? []
      comments.set(id, list)
      const publicView = ({ writer: who, key: _, ...c }: (typeof list)[number]) => ({
        ...c,
        author: { ...c.author, you: who === writer },
      })
      // Pages as the real server does: the newest 50, and a cursor (the oldest shown) to more.
      const pageBefore = (end: number) => {
        const start = Math.max(0, end - 50)
        return {
          comments: list.slice(start, end).map(publicView),
          cursor: start > 0 ? (list[start]?.id ?? null) : null,
        }
      }
      if (!commentsPath && method === 'GET') {
        const page = pageBefore(list.length)
        return json(200, {
          request: {
            ...view(target, caller),
            commentCount: list.length,
            comments: page.comments,
            commentsCursor: page.cursor,
          },
        })
      }
      if (commentsPath && method === 'GET') {
        const end = list.findIndex((c) => c.id === url.searchParams.get('cursor'))
        if (end < 0) return error(400, 'validation_failed')
        const page = pageBefore(end)
        return json(200, { comments: page.comments, nextCursor: page.cursor })
      }
      if (commentsPath && method === 'POST') {
        if (!bearer && !settings.allowAnonymousComments) return error(401, 'identity_required')
        const key = headers.get('Idempotency-Key') ?? ''
        const known = list.find((c) => c.key === key && c.writer === writer)
        if (known) return json(201, { comment: publicView(known) })
        const text = String((body as { body?: unknown }).body ?? '').trim()
        if (!text || text.length > 5000) return error(400, 'validation_failed')
        const created = {
          id: `c${list.length + 1}`,
          body: text,
          createdAt: new Date().toISOString(),
          author: bearer
            ? { name: 'Customer', kind: 'customer' as const, you: true }
            : { name: 'Visitor', kind: 'visitor' as const, you: true },
          writer,
          key,
        }
        list.push(created)
        target.commentCount = list.length
        return json(201, { comment: publicView(created) })
      }
    }
    if (url.pathname.endsWith('/roadmap')) return json(200, { lanes: news.lanes })
    if (url.pathname.endsWith('/changelog')) return json(200, { entries: news.entries })
    const match = url.pathname.match(/^\/v1\/projects\/([^/]+)\/requests(?:\/([^/]+)\/vote)?$/)
    if (!match) return error(404, 'not_found')
    const [, , requestId] = match
    if (!requestId && method === 'GET' && url.searchParams.has('similar')) {
      const views = requests.map((r) => view(r, caller))
      return json(200, {
        requests: findSimilarRequests(url.searchParams.get('similar') ?? '', views),
      })
    }
    if (!requestId && method === 'GET') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase()
      const list = requests
        .filter((r) => r.title.toLowerCase().includes(q))
        .map((r) => view(r, caller))
        .sort((a, b) =>
          url.searchParams.get('sort') === 'new'
            ? b.createdAt.localeCompare(a.createdAt)
            : b.votes - a.votes,
        )
      const latestChangelogAt = news.entries[0]?.publishedAt
      return json(200, { requests: list, ...(latestChangelogAt && { latestChangelogAt }) })
    }
    if (!requestId && method === 'POST') {
      const key = headers.get('Idempotency-Key') ?? ''
      const known = byIdempotencyKey.get(key)
      if (known) return json(201, { request: view(known, caller) })
      const { title, body: details } = body as { title?: string; body?: string }
      if (!title?.trim() || title.length > 160) return error(400, 'validation_failed')
      const created: FeedbackRequest = {
        id: `r${requests.length + 1}`,
        title,
        body: details ?? '',
        status: 'open',
        votes: 0,
        voted: false,
        createdAt: new Date().toISOString(),
        commentCount: 0,
        mine: false,
        statusNote: null,
      }
      requests.push(created)
      byIdempotencyKey.set(key, created)
      voters.set(created.id, new Set([caller]))
      return json(201, { request: view(created, caller) })
    }
    const target = requests.find((r) => r.id === requestId)
    if (!target) return error(404, 'request_not_found')
    const people = voters.get(target.id) ?? new Set<string>()
    voters.set(target.id, people)
    if (method === 'POST') people.add(caller)
    else people.delete(caller)
    return json(200, { request: view(target, caller) })
  }

  return {
    fetch,
    requests,
    calls,
    updates,
    settings,
    /** Posts a team reply (as the dashboard would), seen on the next load of the thread. */
    teamReply(requestId: string, text: string, name = 'Sam') {
      const list = comments.get(requestId) ?? []
      comments.set(requestId, list)
      list.push({
        id: `c${list.length + 1}`,
        body: text,
        createdAt: new Date().toISOString(),
        author: { name, kind: 'team', you: false },
        writer: 'team',
        key: '',
      })
      const target = requests.find((r) => r.id === requestId)
      if (target) target.commentCount = list.length
    },
    /** Comments a request holds, as stored. */
    commentsOf: (requestId: string) => comments.get(requestId) ?? [],
    /** Answers the next calls with these, in order, instead of the real thing. */
    answerNext(...answers: CannedAnswer[]) {
      canned.push(...answers)
    },
    /** The network is gone, and the browser says so (navigator.onLine), as a real one would. */
    setOffline(value: boolean) {
      offline = value
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !offline })
    },
    /** The server stops answering while the browser is still online. */
    setDown(value: boolean) {
      offline = value
    },
    /** Reads work, every write answers 503. */
    setWritesFail(value: boolean) {
      writesFail = value
    },
    /** What GET roadmap and changelog answer; the newest entry's date rides on the list. */
    news,
    /** Calls other than the board's GET list. */
    writes: () => calls.filter((c) => c.method !== 'GET'),
  }
}

export type FakeServer = ReturnType<typeof createFakeServer>
