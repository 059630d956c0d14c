/**
 * The real server as one widget test sees it: a project of its own on the widget project's
 * server (real-server.global.ts), the page's network to it (network.ts), and the ways a test
 * sets the scene through the real API: requests submitted and voted for by visitors, statuses
 * set and replies written by the team, changelog entries published.
 *
 *   useRealServer()                       // once per file: a fresh project before each test
 *   const server = currentServer()
 *   const [darkMode] = await server.seed([{ title: 'Dark mode', votes: 4 }])
 *   const w = startWidget()               // talks to that project
 */
import { randomUUID } from 'node:crypto'
import { beforeEach, inject } from 'vitest'
import type {
  FeedbackRequest,
  ProjectSettingsPatch,
  PublicChangelogEntry,
} from '../../../../src/shared/api'
import { IDEMPOTENCY_KEY_HEADER } from '../../../../src/shared/identity'
import { mintToken } from '../../../helpers/tokens'
import { createNetwork, sendHttp } from './network'

/** A request to set up as it should stand when the test begins. */
export interface SeededRequest {
  title: string
  body?: string
  /** Distinct people voting for it, its author included (default 1: the author's own vote). */
  votes?: number
  status?: FeedbackRequest['status']
  statusNote?: string
  /** The anonymous id that writes it (default: a visitor of its own). */
  by?: string
}

/** A new project on the real server, behind a network of its own. */
export async function createRealServer() {
  return { ...createNetwork(), ...(await createProject()) }
}

/**
 * The same project behind a new page's network (nothing recorded, online): for a file whose
 * tests only read what one seeding wrote (seeding is the slow part of these tests).
 */
export function samePageAgain(server: RealServer): RealServer {
  return { ...server, ...createNetwork() }
}

async function createProject() {
  const { url, adminToken, teamCookies } = inject('widgetTestServer')

  async function call(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<unknown> {
    const got = await sendHttp(`${url}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (got.status >= 400) throw new Error(`${method} ${path} answered ${got.status}: ${got.text}`)
    return got.text ? JSON.parse(got.text) : undefined
  }
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, path, body, { Authorization: `Bearer ${adminToken}` })

  const created = (await admin('POST', '/v1/admin/projects', { name: 'Acme' })) as {
    project: { id: string; audience: string }
    secret: string
  }
  const projectId = created.project.id
  const publicPath = `/v1/projects/${projectId}`
  const adminPath = `/v1/admin/projects/${projectId}`
  const asVisitor = (anonymousId: string, method: string, path: string, body?: unknown) =>
    call(method, `${publicPath}${path}`, body, {
      'X-Reqio-Anonymous-Id': anonymousId,
      [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
    })

  async function seedOne(seed: SeededRequest): Promise<string> {
    const author = seed.by ?? randomUUID()
    const { request } = (await asVisitor(author, 'POST', '/requests', {
      title: seed.title,
      body: seed.body ?? '',
    })) as { request: FeedbackRequest }
    const votes = seed.votes ?? 1
    if (votes === 0) await asVisitor(author, 'DELETE', `/requests/${request.id}/vote`)
    const voters = Array.from({ length: Math.max(0, votes - 1) }, () => randomUUID())
    await Promise.all(
      voters.map((voter) => asVisitor(voter, 'POST', `/requests/${request.id}/vote`)),
    )
    if (seed.status || seed.statusNote)
      await admin('PATCH', `${adminPath}/requests/${request.id}`, {
        ...(seed.status && { status: seed.status }),
        ...(seed.statusNote && { statusNote: seed.statusNote }),
      })
    return request.id
  }

  return {
    url,
    projectId,
    /** Submits the requests in order (the last one newest) and answers their ids. */
    async seed(requests: SeededRequest[]): Promise<string[]> {
      const ids: string[] = []
      for (const seed of requests) ids.push(await seedOne(seed))
      return ids
    },
    /** A team member's public reply, as the dashboard posts it; answers the comment's id. */
    async teamReply(requestId: string, text: string, name = 'Sam'): Promise<string> {
      const cookie = teamCookies[name]
      if (!cookie) throw new Error(`no team member named ${name} (real-server.global.ts)`)
      const { comment } = (await call(
        'POST',
        `${adminPath}/requests/${requestId}/comments`,
        { body: text },
        { Cookie: cookie, Origin: url },
      )) as { comment: { id: string } }
      return comment.id
    },
    /** Moves a request along, as the team does in the dashboard. */
    setStatus: (requestId: string, status: FeedbackRequest['status']) =>
      admin('PATCH', `${adminPath}/requests/${requestId}`, { status }),
    setSettings: (settings: ProjectSettingsPatch) => admin('PATCH', adminPath, { settings }),
    /** Publishes a changelog entry now (its requests become done); answers it. */
    async publish(entry: { title: string; body: string; requestIds?: string[] }) {
      const answer = (await admin('POST', `${adminPath}/changelog`, {
        ...entry,
        publish: true,
      })) as {
        entry: Pick<PublicChangelogEntry, 'id' | 'publishedAt'>
      }
      return answer.entry
    },
    /** A vote or submission by someone identified, as their browser's widget sends it. */
    asPerson: (token: string, method: string, path: string, body?: unknown) =>
      call(method, `${publicPath}${path}`, body, {
        Authorization: `Bearer ${token}`,
        'X-Reqio-Anonymous-Id': randomUUID(),
        [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
      }),
    /** Titles of the project's requests as stored, newest first. */
    async titles(): Promise<string[]> {
      const { requests } = (await admin('GET', `${adminPath}/backlog?sort=new`)) as {
        requests: FeedbackRequest[]
      }
      return requests.map((r) => r.title)
    },
    /** Bodies of a request's comments as stored, oldest first. */
    async commentsOf(requestId: string): Promise<string[]> {
      const { request } = (await admin('GET', `${adminPath}/requests/${requestId}`)) as {
        request: { comments: Array<{ body: string }> }
      }
      return request.comments.map((c) => c.body)
    },
    /**
     * An identity token for this project, minted as the customer's server does; `secondsLeft`
     * as in test/widget/core/helpers tokenFor (negative: already expired). `secret` signs
     * with another key, which the server refuses.
     */
    tokenFor(sub: string, secondsLeft = 300, secret = created.secret): Promise<string> {
      const now = Math.floor(Date.now() / 1000)
      return mintToken(secret, {
        sub,
        aud: created.project.audience,
        iat: now - (300 - secondsLeft),
        exp: now + secondsLeft,
      })
    },
  }
}

export type RealServer = Awaited<ReturnType<typeof createRealServer>>

let current: RealServer | undefined

/** A project of its own on the real server before each test of the file. */
export function useRealServer(): void {
  beforeEach(async () => {
    current = await createRealServer()
  })
}

/** The current test's server; useRealServer() in the file sets it up. */
export function currentServer(): RealServer {
  if (!current) throw new Error('No real server for this test: call useRealServer() in the file.')
  return current
}
