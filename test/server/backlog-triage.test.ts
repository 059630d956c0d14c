// Triage over HTTP (issue 19): who submitted each request, the backlog's filters, the CSV
// export, and undoing a merge so that votes and revenue come back exactly.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { BacklogRequest } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { storeBackends } from '../helpers/backends'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

const PRO = { plan: 'pro', amount: 4900, interval: 'month' }
const STARTER = { plan: 'starter', amount: 900, interval: 'month' }
const ACME = { id: 'acme', name: 'Acme Inc' }

async function tokenFor(sub: string, claims: Record<string, unknown> = {}) {
  return mintToken(secret, {
    sub,
    aud: audienceFor(projectId),
    email: `${sub}@example.com`,
    ...claims,
  })
}
function headersFor(who: { token?: string; anon?: string }) {
  const headers: Record<string, string> = {
    'X-Reqio-Anonymous-Id': who.anon ?? 'anon-default-1',
    'Content-Type': 'application/json',
  }
  if (who.token) headers.Authorization = `Bearer ${who.token}`
  return headers
}
async function submit(title: string, who: { token?: string; anon?: string } = {}) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: headersFor(who),
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { request: { id: string } }).request.id
}
async function vote(requestId: string, who: { token?: string; anon?: string }) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
    method: 'POST',
    headers: headersFor(who),
  })
  expect(res.status).toBe(200)
}
async function comment(requestId: string, body: string, token: string) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/comments`, {
    method: 'POST',
    headers: headersFor({ token }),
    body: JSON.stringify({ body }),
  })
  expect(res.status).toBe(201)
}
async function backlog(query = '') {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { requests: BacklogRequest[] }).requests
}
async function detail(requestId: string) {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { request: BacklogRequest & { comments: unknown[] } }).request
}
function byId(requests: BacklogRequest[]) {
  return Object.fromEntries(requests.map((r) => [r.id, r]))
}
/** What a request counts: the figures a merge moves and an unmerge must give back. */
function counts(request: BacklogRequest | undefined) {
  return {
    votes: request?.votes,
    accounts: request?.accounts,
    mrrCents: request?.mrrCents,
    commentCount: request?.commentCount,
    voters: request?.voters.map((v) => v.sub).sort(),
  }
}

describe.each(storeBackends())('triage on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  describe('who submitted it', () => {
    it('names an identified author in the backlog and the detail, with plan, MRR and company', async () => {
      const token = await tokenFor('ann', { traits: PRO, company: ACME })
      const id = await submit('SSO', { token })
      const [entry] = await backlog()
      // Revenue from a token, as of when it came (v3 "The revenue ledger"): not at risk.
      const fromToken = { mrrSource: 'token', mrrAsOf: expect.any(String), atRisk: false }
      const author = {
        sub: 'ann',
        email: 'ann@example.com',
        plan: 'pro',
        mrrCents: 4900,
        ...fromToken,
        company: { id: 'acme', name: 'Acme Inc', mrrCents: 4900, ...fromToken },
      }
      expect(entry?.author).toEqual(author)
      expect((await detail(id)).author).toEqual(author)
    })

    it('answers null for an anonymous author, and the person once they identify later', async () => {
      const id = await submit('Dark mode', { anon: 'anon-later-1' })
      expect((await detail(id)).author).toBeNull()
      const token = await tokenFor('bea', { traits: STARTER })
      const res = await fetch(`${server.url}/v1/projects/${projectId}/identify`, {
        method: 'POST',
        headers: headersFor({ token, anon: 'anon-later-1' }),
      })
      expect(res.status).toBe(200)
      expect((await detail(id)).author).toMatchObject({
        sub: 'bea',
        plan: 'starter',
        mrrCents: 900,
      })
      expect((await backlog())[0]?.author?.sub).toBe('bea')
    })

    it('never shows the author on public answers', async () => {
      await submit('Exports', { token: await tokenFor('cid', { traits: PRO }) })
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`)
      const body = (await res.json()) as { requests: Record<string, unknown>[] }
      expect(body.requests[0]).not.toHaveProperty('author')
    })
  })

  describe('filters', () => {
    it('narrows by paying author, title words, status, plan and company', async () => {
      const paid = await submit('Single sign-on', {
        token: await tokenFor('ann', { traits: PRO, company: ACME }),
      })
      const free = await submit('Dark mode', { token: await tokenFor('free-user') })
      const anon = await submit('Dark sidebar', { anon: 'anon-filter-1' })
      await vote(anon, { token: await tokenFor('sol', { traits: STARTER }) })
      const patch = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${free}`, {
        method: 'PATCH',
        body: JSON.stringify({ status: 'planned' }),
      })
      expect(patch.status).toBe(200)

      const ids = async (query: string) => (await backlog(query)).map((r) => r.id).sort()
      expect(await ids('?paying=true')).toEqual([paid])
      expect(await ids('?q=dark')).toEqual([anon, free].sort())
      expect(await ids('?q=%25')).toEqual([])
      expect(await ids('?status=planned')).toEqual([free])
      expect(await ids('?plan=starter')).toEqual([anon])
      expect(await ids('?company=acme')).toEqual([paid])
      expect(await ids('?q=dark&status=open')).toEqual([anon])
      const bad = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog?status=nope`)
      expect(bad.status).toBe(400)
    })
  })

  describe('CSV export', () => {
    it('writes RFC 4180 a CSV parser reads back, with formulas neutralised', async () => {
      const hostile = '=HYPERLINK("http://evil.example","click")'
      await submit(hostile, { token: await tokenFor('ann', { traits: PRO, company: ACME }) })
      await submit('Line one,\nline "two"', { anon: 'anon-csv-1' })
      await submit('+1 for exports', { anon: 'anon-csv-2' })
      await submit('@mention support', { anon: 'anon-csv-3' })
      await submit('-minus first', { anon: 'anon-csv-4' })

      const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog.csv`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/)
      const text = await res.text()
      expect(text).toContain('\r\n')
      const records = parse(text, { columns: true }) as Record<string, string>[]
      expect(records).toHaveLength(5)
      const titles = records.map((r) => r.title)
      expect(titles).toContain(`'${hostile}`)
      expect(titles).toContain('Line one,\nline "two"')
      expect(titles).toContain("'+1 for exports")
      expect(titles).toContain("'@mention support")
      expect(titles).toContain("'-minus first")
      for (const title of titles) expect(title).not.toMatch(/^[=+\-@]/)
      const paid = records.find((r) => r.author_sub === 'ann')
      expect(paid).toMatchObject({
        votes: '1',
        mrr_usd: '49.00',
        author_email: 'ann@example.com',
        author_plan: 'pro',
        author_company: 'Acme Inc',
      })
      const filtered = await server.adminFetch(
        `/v1/admin/projects/${projectId}/backlog.csv?paying=true`,
      )
      expect(parse(await filtered.text(), { columns: true })).toHaveLength(1)
    })
  })

  describe('merge and undo', () => {
    it('gives back exactly the votes, accounts, revenue and comments a merge moved', async () => {
      const acmeToken = (sub: string) => tokenFor(sub, { traits: PRO, company: ACME })
      const target = await submit('SAML login', { token: await acmeToken('ann') })
      const source = await submit('SSO please', { token: await acmeToken('bob') })
      const earlier = await submit('Okta', { anon: 'anon-okta-1' })
      // A voter of both, a solo customer only on the source, anonymous voters on each.
      const both = await tokenFor('sol', { traits: STARTER })
      await vote(target, { token: both })
      await vote(source, { token: both })
      await vote(source, { token: await tokenFor('zed', { traits: { ...PRO, amount: 20000 } }) })
      await vote(source, { anon: 'anon-src-1' })
      await vote(target, { anon: 'anon-tgt-1' })
      await comment(source, 'We need this for our audit', await acmeToken('bob'))
      await comment(target, 'Also SAML', both)
      const intoSource = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${earlier}`,
        { method: 'PATCH', body: JSON.stringify({ mergeInto: source }) },
      )
      expect(intoSource.status).toBe(200)

      const before = byId(await backlog())
      const sourceComments = (await detail(source)).comments
      const targetComments = (await detail(target)).comments

      const merge = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${source}`, {
        method: 'PATCH',
        body: JSON.stringify({ mergeInto: target }),
      })
      expect(merge.status).toBe(200)
      const merged = byId(await backlog())
      expect(merged[source]).toBeUndefined()
      // Acme counts once on the target; sol votes once (3 + 5 - 1).
      expect(merged[target]).toMatchObject({ votes: 7, accounts: 3, mrrCents: 4900 + 900 + 20000 })

      const undo = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${source}/unmerge`,
        { method: 'POST' },
      )
      expect(undo.status).toBe(200)
      const answer = (await undo.json()) as { request: BacklogRequest; target: BacklogRequest }
      expect(answer.request.id).toBe(source)
      expect(answer.target.id).toBe(target)

      const after = byId(await backlog())
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
      expect(counts(after[source])).toEqual(counts(before[source]))
      expect(counts(after[target])).toEqual(counts(before[target]))
      expect((await detail(source)).comments).toEqual(sourceComments)
      expect((await detail(target)).comments).toEqual(targetComments)
      // What was merged into the source before stays with it.
      const link = await fetch(`${server.url}/v1/projects/${projectId}/requests/${earlier}`)
      expect(((await link.json()) as { request: { id: string } }).request.id).toBe(source)
      // The counters agree with a recount from scratch (the companies' accounting too).
      const companies = await server.adminFetch(`/v1/admin/projects/${projectId}/companies`)
      expect(companies.status).toBe(200)

      const again = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${source}/unmerge`,
        { method: 'POST' },
      )
      expect(again.status).toBe(404)
    })

    it('refuses to undo while the target is merged into a third request', async () => {
      const a = await submit('A', { anon: 'anon-a-1' })
      const b = await submit('B', { anon: 'anon-b-1' })
      const c = await submit('C', { anon: 'anon-c-1' })
      for (const [from, into] of [
        [a, b],
        [b, c],
      ]) {
        const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${from}`, {
          method: 'PATCH',
          body: JSON.stringify({ mergeInto: into }),
        })
        expect(res.status).toBe(200)
      }
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${a}/unmerge`, {
        method: 'POST',
      })
      expect(res.status).toBe(404)
      const undoB = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${b}/unmerge`,
        { method: 'POST' },
      )
      expect(undoB.status).toBe(200)
      expect(byId(await backlog())[b]?.votes).toBe(2)
      const undoA = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${a}/unmerge`,
        { method: 'POST' },
      )
      expect(undoA.status).toBe(200)
      expect(Object.values(byId(await backlog())).map((r) => r.votes)).toEqual([1, 1, 1])
    })
  })
})
