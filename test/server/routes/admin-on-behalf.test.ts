import { describe, expect, it } from 'vitest'
import type {
  AdminCommentResponse,
  AuditLogEntry,
  BacklogRequest,
  RequestDetailResponse,
} from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { addWebhook, patchRequest } from '../../helpers/loop-fixtures'
import type { TestServer } from '../../helpers/start-server'
import { joinTeam, setUpOwner } from '../../helpers/team'
import { mintToken } from '../../helpers/tokens'
import { startWebhookReceiver, verifiedEvents } from '../../helpers/webhook-receiver'

let server: TestServer
let projectId: string
let secret: string

const ADA = {
  sub: 'crm-ada',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  traits: { plan: 'business', amount: 120_000, interval: 'year' },
  company: { id: 'acme', name: 'Acme Corp' },
}
/** 120,000 cents a year is 10,000 a month. */
const ADA_MRR = 10_000

const BEN = {
  sub: 'crm-ben',
  email: 'ben@example.com',
  traits: { plan: 'pro', amount: 4_900, interval: 'month' },
}

type Fetcher = (path: string, init?: RequestInit) => Promise<Response>

function send(
  method: string,
  path: string,
  body?: unknown,
  headers: HeadersInit = {},
  via?: Fetcher,
) {
  const init: RequestInit = { method, headers }
  if (body !== undefined) {
    init.body = JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json', ...headers }
  }
  return (via ?? server.adminFetch)(`/v1/admin/projects/${projectId}${path}`, init)
}

async function fileOnBehalf(title: string, onBehalfOf: unknown, headers: HeadersInit = {}) {
  const res = await send('POST', '/requests', { title, onBehalfOf }, headers)
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { request: BacklogRequest }).request
}

async function voteOnBehalf(requestId: string, onBehalfOf: unknown) {
  const res = await send('POST', `/requests/${requestId}/votes`, { onBehalfOf })
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { request: BacklogRequest }).request
}

async function backlogEntry(requestId: string) {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog?sort=new`)
  expect(res.status).toBe(200)
  const { requests } = (await res.json()) as { requests: BacklogRequest[] }
  return requests.find((request) => request.id === requestId)
}

async function countRows() {
  const counts: Record<string, number> = {}
  for (const table of [
    'requests',
    'votes',
    'people',
    'companies',
    'comments',
    'jobs',
    'audit_log',
  ]) {
    const [row] = await server.store.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM ${table}`,
    )
    counts[table] = Number(row?.n)
  }
  return counts
}

async function auditLines(): Promise<AuditLogEntry[]> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { entries: AuditLogEntry[] }).entries
}

async function widgetHeaders(sub: string, claims: Record<string, unknown> = {}) {
  const token = await mintToken(secret, { sub, aud: audienceFor(projectId), ...claims })
  return { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: `anon-${sub}-0001` }
}

describe.each(storeBackends())(
  'feedback on a customer’s behalf, on the $name database',
  (backend) => {
    serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
      ;({ server, projectId, secret } = fresh)
    })

    it('files a request authored by the person, their vote counted with their revenue and company', async () => {
      const request = await fileOnBehalf('  SAML sign-in  ', ADA)
      expect(request).toMatchObject({
        title: 'SAML sign-in',
        votes: 1,
        mrrCents: ADA_MRR,
        accounts: 1,
        author: { sub: 'crm-ada', email: 'ada@example.com', plan: 'business', mrrCents: ADA_MRR },
      })
      expect(request.author?.company).toMatchObject({ id: 'acme', name: 'Acme Corp' })
      const listed = await backlogEntry(request.id)
      expect(listed?.mrrCents).toBe(ADA_MRR)
      expect(listed?.voters).toEqual([
        expect.objectContaining({
          sub: 'crm-ada',
          mrrCents: ADA_MRR,
          company: expect.objectContaining({ id: 'acme' }),
        }),
      ])
      const companies = await server.adminFetch(`/v1/admin/projects/${projectId}/companies`)
      const { companies: list } = (await companies.json()) as {
        companies: { id: string; mrrCents: number }[]
      }
      expect(list).toEqual([expect.objectContaining({ id: 'acme', mrrCents: ADA_MRR })])
    })

    it('counts the person’s vote once however often it is added, and the widget sees it as theirs', async () => {
      const request = await fileOnBehalf('Dark mode', ADA)
      const once = await voteOnBehalf(request.id, BEN)
      const twice = await voteOnBehalf(request.id, BEN)
      expect(once).toMatchObject({ votes: 2, accounts: 2, mrrCents: ADA_MRR + 4_900 })
      expect(twice).toMatchObject({ votes: 2, accounts: 2, mrrCents: ADA_MRR + 4_900 })
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${request.id}`, {
        headers: await widgetHeaders('crm-ben'),
      })
      const { request: seen } = (await res.json()) as RequestDetailResponse
      expect(seen.voted).toBe(true)
      expect((await countRows()).votes).toBe(2)
    })

    it('takes a vote back by sub, and the revenue drops with it', async () => {
      const request = await fileOnBehalf('Exports', BEN)
      await voteOnBehalf(request.id, ADA)
      const res = await send('DELETE', `/requests/${request.id}/votes/crm-ada`)
      expect(res.status).toBe(200)
      const { request: after } = (await res.json()) as { request: BacklogRequest }
      expect(after).toMatchObject({ votes: 1, accounts: 1, mrrCents: 4_900 })
      expect((await backlogEntry(request.id))?.mrrCents).toBe(4_900)
      // Again: nothing left to take back, the same answer.
      const again = await send('DELETE', `/requests/${request.id}/votes/crm-ada`)
      expect(again.status).toBe(200)
      expect(((await again.json()) as { request: BacklogRequest }).request.mrrCents).toBe(4_900)
      // Ada's facts stay as they were: she is still a 10,000-a-month customer of Acme.
      const [ada] = await server.store.db.query<{ mrr_cents: number | string; email: string }>(
        `SELECT mrr_cents, email FROM people WHERE sub = 'crm-ada'`,
      )
      expect(ada).toEqual({ mrr_cents: expect.anything(), email: 'ada@example.com' })
      expect(Number(ada?.mrr_cents)).toBe(ADA_MRR)
    })

    it('answers 404 request_not_found for a vote on a request the project does not have', async () => {
      const res = await send('POST', '/requests/no-such-request/votes', { onBehalfOf: BEN })
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'request_not_found',
      )
    })

    it('posts a customer comment, not a team reply, shown publicly with the person’s name only', async () => {
      const request = await fileOnBehalf('Audit log', BEN)
      const res = await send('POST', `/requests/${request.id}/comments`, {
        body: 'Told us on the call: they need it for SOC 2.',
        onBehalfOf: ADA,
      })
      expect(res.status).toBe(201)
      const { comment } = (await res.json()) as AdminCommentResponse
      expect(comment.author).toMatchObject({
        name: 'Ada Lovelace',
        kind: 'customer',
        sub: 'crm-ada',
        email: 'ada@example.com',
      })
      expect(comment.internal).toBe(false)
      const publicRes = await fetch(`${server.url}/v1/projects/${projectId}/requests/${request.id}`)
      const text = await publicRes.text()
      const { request: shown } = JSON.parse(text) as RequestDetailResponse
      expect(shown.comments.map((c) => c.author)).toEqual([
        { name: 'Ada Lovelace', kind: 'customer', you: false },
      ])
      expect(text).not.toContain('ada@example.com')
      expect(text).not.toContain('crm-ada')
      expect(text).not.toContain('crm-ben')
      // The thread counts it as a customer's: the team has not answered yet.
      expect((await backlogEntry(request.id))?.unanswered).toBe(true)
      // Without onBehalfOf the same route is still the team's reply.
      const reply = await send('POST', `/requests/${request.id}/comments`, { body: 'On it!' })
      expect(((await reply.json()) as AdminCommentResponse).comment.author.kind).toBe('team')
    })

    it('refuses bad onBehalfOf fields with 400 validation_failed naming the field, storing nothing', async () => {
      const request = await fileOnBehalf('Existing', BEN)
      const before = await countRows()
      const cases: [string, string, unknown][] = [
        [
          '/requests',
          'onBehalfOf.traits.amount',
          {
            title: 'X',
            onBehalfOf: { sub: 'z', traits: { plan: 'p', amount: 'lots', interval: 'month' } },
          },
        ],
        [
          '/requests',
          'onBehalfOf.traits.interval',
          {
            title: 'X',
            onBehalfOf: { sub: 'z', traits: { plan: 'p', amount: 1, interval: 'week' } },
          },
        ],
        [
          '/requests',
          'onBehalfOf.email',
          { title: 'X', onBehalfOf: { sub: 'z', email: 'a@b.com, c@d.com' } },
        ],
        ['/requests', 'onBehalfOf.sub', { title: 'X', onBehalfOf: { sub: '   ' } }],
        ['/requests', 'onBehalfOf.sub', { title: 'X', onBehalfOf: { sub: 'x'.repeat(256) } }],
        [
          '/requests',
          'onBehalfOf.company.id',
          { title: 'X', onBehalfOf: { sub: 'z', company: { id: '' } } },
        ],
        ['/requests', 'onBehalfOf.name', { title: 'X', onBehalfOf: { sub: 'z', name: 42 } }],
        ['/requests', 'onBehalfOf', { title: 'X' }],
        ['/requests', 'title', { title: '', onBehalfOf: { sub: 'z' } }],
        [
          `/requests/${request.id}/votes`,
          'onBehalfOf.traits.amount',
          { onBehalfOf: { sub: 'z', traits: { plan: 'p', amount: -1, interval: 'month' } } },
        ],
        [`/requests/${request.id}/votes`, 'onBehalfOf', { onBehalfOf: 'crm-ada' }],
        [
          `/requests/${request.id}/comments`,
          'onBehalfOf.company.name',
          { body: 'Hi', onBehalfOf: { sub: 'z', company: { id: 'c', name: 7 } } },
        ],
        [
          `/requests/${request.id}/comments`,
          'internal',
          { body: 'Hi', internal: true, onBehalfOf: { sub: 'z' } },
        ],
      ]
      for (const [path, field, body] of cases) {
        const res = await send('POST', path, body)
        const answer = (await res.json()) as { error: { code: string; field?: string } }
        expect({
          path,
          status: res.status,
          code: answer.error.code,
          field: answer.error.field,
        }).toEqual({
          path,
          status: 400,
          code: 'validation_failed',
          field,
        })
      }
      const bad = await send('DELETE', `/requests/${request.id}/votes/${encodeURIComponent(' ')}`)
      expect(bad.status).toBe(400)
      expect(await countRows()).toEqual(before)
    })

    it('files once for a repeated Idempotency-Key, answering the same request and saying it is a replay', async () => {
      // The same call twice, as a CRM retrying after a lost answer would make it.
      const fileSlackAlerts = () =>
        send(
          'POST',
          '/requests',
          { title: 'Slack alerts', onBehalfOf: ADA },
          { 'Idempotency-Key': 'crm-ticket-481' },
        )
      const first = await fileSlackAlerts()
      expect(first.status).toBe(201)
      const after = await countRows()
      const second = await fileSlackAlerts()
      expect(second.status).toBe(201)
      expect(second.headers.get('Idempotent-Replayed')).toBe('true')
      const one = ((await first.json()) as { request: BacklogRequest }).request
      const two = ((await second.json()) as { request: BacklogRequest }).request
      expect(two.id).toBe(one.id)
      expect(await countRows()).toEqual(after)

      const comment = () =>
        send(
          'POST',
          `/requests/${one.id}/comments`,
          { body: 'Also Teams?', onBehalfOf: BEN },
          {
            'Idempotency-Key': 'crm-note-7',
          },
        )
      const c1 = await comment()
      const withComment = await countRows()
      const c2 = await comment()
      expect([c1.status, c2.status]).toEqual([201, 201])
      expect(c2.headers.get('Idempotent-Replayed')).toBe('true')
      expect(((await c2.json()) as AdminCommentResponse).comment.id).toBe(
        ((await c1.json()) as AdminCommentResponse).comment.id,
      )
      expect(await countRows()).toEqual(withComment)
    })

    it('keeps the stored facts the call leaves out: a vote by sub alone keeps the revenue a token gave', async () => {
      // Ben used the widget with his token: plan and revenue are known.
      const res = await fetch(`${server.url}/v1/projects/${projectId}/identify`, {
        method: 'POST',
        headers: await widgetHeaders('crm-ben', { email: 'ben@example.com', traits: BEN.traits }),
      })
      expect(res.status).toBe(200)
      const request = await fileOnBehalf('Calendar sync', { sub: 'crm-ada' })
      const voted = await voteOnBehalf(request.id, { sub: 'crm-ben', name: 'Ben Okafor' })
      expect(voted.mrrCents).toBe(4_900)
      expect(voted.voters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            sub: 'crm-ben',
            email: 'ben@example.com',
            plan: 'pro',
            mrrCents: 4_900,
          }),
        ]),
      )
      // New facts given on behalf are the person's from now on.
      const upgraded = await voteOnBehalf(request.id, {
        sub: 'crm-ben',
        traits: { plan: 'enterprise', amount: 50_000, interval: 'month' },
      })
      expect(upgraded.mrrCents).toBe(50_000)
    })

    it('gives a colleague filed without traits their company’s billing, never zeroing the company', async () => {
      const request = await fileOnBehalf('Roles', ADA)
      const voted = await voteOnBehalf(request.id, { sub: 'crm-cy', company: { id: 'acme' } })
      // One account (Acme) with Acme's revenue, counted once.
      expect(voted).toMatchObject({ votes: 2, accounts: 1, mrrCents: ADA_MRR })
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}/companies`)
      const { companies } = (await res.json()) as { companies: { id: string; mrrCents: number }[] }
      expect(companies).toEqual([expect.objectContaining({ id: 'acme', mrrCents: ADA_MRR })])
    })

    it('tells webhooks and the person’s widget, as if they had written it themselves', async () => {
      const receiver = await startWebhookReceiver()
      try {
        const hook = await addWebhook(server, projectId, receiver.url, [
          'request.created',
          'vote.created',
          'comment.created',
        ])
        const request = await fileOnBehalf('Offline mode', ADA)
        await voteOnBehalf(request.id, BEN)
        await send('POST', `/requests/${request.id}/comments`, { body: 'Please', onBehalfOf: BEN })
        await patchRequest(server, projectId, request.id, { status: 'planned' })
        await server.drainJobs()
        const events = verifiedEvents(receiver, hook.secret)
        const created = events.find((e) => e.type === 'request.created')
        expect(created?.data.request.author).toMatchObject({
          sub: 'crm-ada',
          company: { id: 'acme', name: 'Acme Corp' },
        })
        expect(events.find((e) => e.type === 'vote.created')?.data.voter).toMatchObject({
          sub: 'crm-ben',
        })
        expect(events.some((e) => e.type === 'comment.created')).toBe(true)
        // Ben's widget lists the status change of the request he "voted" for.
        const updates = await fetch(`${server.url}/v1/projects/${projectId}/updates`, {
          headers: await widgetHeaders('crm-ben'),
        })
        const body = (await updates.json()) as { updates: { requestId: string; kind: string }[] }
        expect(body.updates).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ requestId: request.id, kind: 'status' }),
          ]),
        )
      } finally {
        await receiver.close()
      }
    })

    it('audits each write with the member who made it and the person’s sub; a viewer may not', async () => {
      const owner = await setUpOwner(server)
      const member = await joinTeam(server, owner, 'member')
      const viewer = await joinTeam(server, owner, 'viewer')
      const refused = await send(
        'POST',
        '/requests',
        { title: 'No', onBehalfOf: BEN },
        {},
        viewer.fetch,
      )
      expect(refused.status).toBe(403)
      const res = await send(
        'POST',
        '/requests',
        { title: 'SSO', onBehalfOf: BEN },
        {},
        member.fetch,
      )
      expect(res.status).toBe(201)
      const { request } = (await res.json()) as { request: BacklogRequest }
      await send('POST', `/requests/${request.id}/votes`, { onBehalfOf: ADA }, {}, member.fetch)
      await send('DELETE', `/requests/${request.id}/votes/crm-ada`, undefined, {}, member.fetch)
      const lines = (await auditLines()).filter((line) => line.target === request.id)
      expect(lines.map((line) => [line.actor, line.action, line.detail?.onBehalfOf])).toEqual([
        [member.member.email, 'vote.removed', 'crm-ada'],
        [member.member.email, 'vote.added', 'crm-ada'],
        [member.member.email, 'request.created', 'crm-ben'],
      ])
      expect(lines[2]?.summary).toContain('for a customer')
    })

    it('works with a project API key of the write scope, audited as the key; a read key may not', async () => {
      const keyOf = async (name: string, scopes: string[]) => {
        const res = await send('POST', '/api-keys', { name, scopes })
        expect(res.status).toBe(201)
        return ((await res.json()) as { key: string }).key
      }
      const withKey =
        (key: string): Fetcher =>
        (path, init = {}) =>
          fetch(`${server.url}${path}`, {
            ...init,
            headers: {
              ...(init.headers as Record<string, string>),
              Authorization: `Bearer ${key}`,
            },
          })
      const reader = withKey(await keyOf('dashboards', ['read']))
      const refused = await send('POST', '/requests', { title: 'No', onBehalfOf: BEN }, {}, reader)
      expect(refused.status).toBe(403)
      const crm = withKey(await keyOf('crm', ['write']))
      const res = await send(
        'POST',
        '/requests',
        { title: 'From the CRM', onBehalfOf: ADA },
        {},
        crm,
      )
      expect(res.status).toBe(201)
      const { request } = (await res.json()) as { request: BacklogRequest }
      const voted = await send(
        'POST',
        `/requests/${request.id}/votes`,
        { onBehalfOf: BEN },
        {},
        crm,
      )
      expect(voted.status).toBe(200)
      const lines = (await auditLines()).filter((line) => line.target === request.id)
      expect(lines.map((line) => [line.actor, line.action])).toEqual([
        ['api-key:crm', 'vote.added'],
        ['api-key:crm', 'request.created'],
      ])
    })

    it('takes back the vote of a sub with slashes and spaces, named percent-encoded in the path', async () => {
      const owner = await setUpOwner(server)
      const member = await joinTeam(server, owner, 'member')
      const sub = 'okta|00u1/ä b'
      const request = await fileOnBehalf('Odd ids', BEN)
      await voteOnBehalf(request.id, { sub, traits: { plan: 'p', amount: 700, interval: 'month' } })
      const path = `/requests/${request.id}/votes/${encodeURIComponent(sub)}`
      const res = await send('DELETE', path, undefined, {}, member.fetch)
      expect(res.status).toBe(200)
      const { request: after } = (await res.json()) as { request: BacklogRequest }
      expect(after).toMatchObject({ votes: 1, mrrCents: 4_900 })
    })
  },
)
