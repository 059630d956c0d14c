// Cursor pages of the admin lists over real HTTP on both databases: every row exactly once, in
// the list's order, ties included; a bad cursor or a limit over 200 is a 400 naming the field.
import { describe, expect, it } from 'vitest'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { adminJson, customersOf } from '../people/people-fixtures'

/** The same instant, to the microsecond, for rows that must tie on time. */
const TIE = '2026-11-01T10:00:00.123456Z'

describe.each(storeBackends())('cursor pages on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  let customers: ReturnType<typeof customersOf>

  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    server = fresh.server
    projectId = fresh.projectId
    customers = customersOf(server, projectId, fresh.secret)
  })

  /** Every page of `list` (`{items, nextCursor}` answers) at `limit` rows a page. */
  async function walk<T>(
    path: string,
    items: (body: Record<string, unknown>) => T[],
    limit: number,
  ): Promise<{ rows: T[]; pages: number }> {
    const rows: T[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const sep = path.includes('?') ? '&' : '?'
      const body: Record<string, unknown> = await adminJson<Record<string, unknown>>(
        server,
        `/v1/admin/projects/${projectId}${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      )
      const page = items(body)
      expect(page.length).toBeLessThanOrEqual(limit)
      rows.push(...page)
      cursor = body.nextCursor as string | null
      pages++
      expect(pages).toBeLessThan(100)
    } while (cursor)
    return { rows, pages }
  }

  /**
   * Nine requests: three of them created in the same microsecond, votes and revenue tied in
   * pairs, so every sort has ties that only the id breaks.
   */
  async function backlogWithTies(): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < 9; i++) ids.push(await customers.submit(`Request ${i}`))
    const paying = await customers.token('payer', {
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
    })
    const free = await customers.token('free')
    for (const id of ids.slice(0, 4)) await customers.vote(id, paying)
    for (const id of ids.slice(2, 6)) await customers.vote(id, free)
    await server.store.db.query('UPDATE requests SET created_at = $1 WHERE id = ANY($2::text[])', [
      TIE,
      [ids[1], ids[3], ids[5], ids[7]],
    ])
    return ids
  }

  for (const sort of ['revenue', 'votes', 'new']) {
    it(`walks the backlog sorted by ${sort} one page at a time, each request exactly once`, async () => {
      const ids = await backlogWithTies()
      const whole = await adminJson<{ requests: { id: string }[]; nextCursor: null }>(
        server,
        `/v1/admin/projects/${projectId}/backlog?sort=${sort}`,
      )
      expect(whole.nextCursor).toBeNull()
      const { rows, pages } = await walk(
        `/backlog?sort=${sort}`,
        (body) => (body.requests as { id: string }[]).map((request) => request.id),
        2,
      )
      expect(pages).toBe(5)
      expect(rows).toEqual(whole.requests.map((request) => request.id))
      expect([...rows].sort()).toEqual([...ids].sort())
    })
  }

  it('keeps the backlog’s filters across pages', async () => {
    await backlogWithTies()
    const { rows } = await walk(
      '/backlog?sort=votes&q=Request%201',
      (body) => (body.requests as { title: string }[]).map((request) => request.title),
      1,
    )
    expect(rows).toEqual(['Request 1'])
  })

  /** Companies tied on MRR (two pairs) and on how many requests their people voted for. */
  async function companiesWithTies(): Promise<string[]> {
    const requests: string[] = []
    for (let i = 0; i < 3; i++) requests.push(await customers.submit(`Request ${i}`))
    const companies = ['c-a', 'c-b', 'c-c', 'c-d', 'c-e']
    const amounts = [9900, 4900, 9900, 4900, 0]
    for (const [i, company] of companies.entries()) {
      const token = await customers.token(`person-${company}`, {
        traits: { plan: 'pro', amount: amounts[i], interval: 'month' },
        company: { id: company, name: company.toUpperCase() },
      })
      for (const request of requests.slice(0, 1 + (i % 2))) await customers.vote(request, token)
    }
    return companies
  }

  for (const sort of ['mrr', 'requests']) {
    it(`walks the companies sorted by ${sort}, each exactly once`, async () => {
      const companies = await companiesWithTies()
      const { rows, pages } = await walk(
        `/companies?sort=${sort}`,
        (body) => (body.companies as { id: string }[]).map((company) => company.id),
        2,
      )
      expect(pages).toBe(3)
      expect([...rows].sort()).toEqual(companies)
      const whole = await adminJson<{ companies: { id: string; mrrCents: number }[] }>(
        server,
        `/v1/admin/projects/${projectId}/companies?sort=${sort}`,
      )
      if (sort === 'requests') expect(rows).toEqual(whole.companies.map((c) => c.id))
      // By revenue the pages follow MRR, highest first, whatever their order within a tie.
      const mrrOf = new Map(whole.companies.map((c) => [c.id, c.mrrCents]))
      const mrrs = rows.map((id) => mrrOf.get(id) ?? -1)
      if (sort === 'mrr') expect(mrrs).toEqual([...mrrs].sort((a, b) => b - a))
    })
  }

  it('walks the people, most recently seen first, ties included, with and without a search', async () => {
    const request = await customers.submit('Dark mode')
    const subs = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7']
    for (const sub of subs) {
      await customers.vote(request, await customers.token(sub, { email: `${sub}@example.com` }))
    }
    await server.store.db.query('UPDATE people SET updated_at = $1 WHERE sub = ANY($2::text[])', [
      TIE,
      ['p-2', 'p-3', 'p-4', 'p-6'],
    ])
    const whole = await adminJson<{ people: { sub: string }[] }>(
      server,
      `/v1/admin/projects/${projectId}/people`,
    )
    const { rows, pages } = await walk(
      '/people',
      (body) => (body.people as { sub: string }[]).map((person) => person.sub),
      3,
    )
    expect(pages).toBe(3)
    expect(rows).toEqual(whole.people.map((person) => person.sub))
    expect([...rows].sort()).toEqual(subs)
    const found = await walk(
      '/people?q=EXAMPLE.com',
      (body) => (body.people as { sub: string }[]).map((person) => person.sub),
      2,
    )
    expect(found.rows).toEqual(rows)
  })

  it('walks the audit log newest first, lines of the same instant included', async () => {
    const now = Date.parse(TIE)
    for (let i = 0; i < 7; i++) {
      await server.store.audit.record({
        projectId,
        actor: 'admin-token',
        action: 'settings.changed',
        target: `line-${i}`,
        now: i < 4 ? now : now + i,
      })
    }
    const whole = await adminJson<{ entries: { target: string }[] }>(
      server,
      `/v1/admin/projects/${projectId}/audit`,
    )
    const { rows } = await walk(
      '/audit',
      (body) => (body.entries as { target: string }[]).map((entry) => entry.target),
      2,
    )
    expect(rows).toEqual(whole.entries.map((entry) => entry.target))
    expect(rows.filter((target) => target.startsWith('line-')).sort()).toEqual([
      'line-0',
      'line-1',
      'line-2',
      'line-3',
      'line-4',
      'line-5',
      'line-6',
    ])
  })

  it('answers the first page with nextCursor when a caller sends no cursor, as before', async () => {
    await backlogWithTies()
    const first = await adminJson<{ requests: unknown[]; nextCursor: string | null }>(
      server,
      `/v1/admin/projects/${projectId}/backlog?limit=4`,
    )
    expect(first.requests).toHaveLength(4)
    expect(typeof first.nextCursor).toBe('string')
  })

  it('refuses a cursor it did not hand out for that list, and a limit over 200, naming the field', async () => {
    await backlogWithTies()
    const first = await adminJson<{ nextCursor: string }>(
      server,
      `/v1/admin/projects/${projectId}/backlog?sort=votes&limit=1`,
    )
    const bad: [string, string][] = [
      ['/backlog?cursor=not-a-cursor', 'cursor'],
      ['/backlog?cursor=%25%25', 'cursor'],
      [`/backlog?sort=new&cursor=${first.nextCursor}`, 'cursor'],
      [`/people?cursor=${first.nextCursor}`, 'cursor'],
      [`/audit?cursor=${first.nextCursor}`, 'cursor'],
      [`/companies?cursor=${first.nextCursor}`, 'cursor'],
      [`/backlog?cursor=${Buffer.from('[1,"backlog.votes",1]').toString('base64url')}`, 'cursor'],
      ['/backlog?limit=201', 'limit'],
      ['/companies?limit=201', 'limit'],
      ['/people?limit=500', 'limit'],
      ['/audit?limit=0', 'limit'],
      ['/people?limit=1.5', 'limit'],
    ]
    for (const [path, field] of bad) {
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}${path}`)
      expect(res.status, path).toBe(400)
      const body = (await res.json()) as { error: { code: string; field?: string } }
      expect(body.error, path).toMatchObject({ code: 'validation_failed', field })
    }
    expect(
      (await server.adminFetch(`/v1/admin/projects/${projectId}/backlog?limit=200`)).status,
    ).toBe(200)
  })
})
