// Revenue at risk over real HTTP on both databases (spec v3 "Revenue at risk"): the backlog's
// atRiskMrrCents follows the accounts' flag and MRR, ?sort=at_risk walks every row once in
// its order, ?atRisk=true narrows, and a request's detail names the at-risk accounts that
// asked. The Stripe webhook sets the flag; here flagAtRisk does, through the same store step,
// so the accounts keep their token MRR.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { AdminRequestDetailResponse, BacklogRequest } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { flagAtRisk } from '../../helpers/flag-at-risk'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { adminJson, customersOf } from '../people/people-fixtures'

const billing = (amount: number) => ({ plan: 'pro', amount, interval: 'month' })

describe.each(storeBackends())('revenue at risk on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  let customers: ReturnType<typeof customersOf>

  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    server = fresh.server
    projectId = fresh.projectId
    customers = customersOf(server, projectId, fresh.secret)
  })

  const backlog = async (query: string) =>
    (
      await adminJson<{ requests: BacklogRequest[]; nextCursor: string | null }>(
        server,
        `/v1/admin/projects/${projectId}/backlog?${query}`,
      )
    ).requests
  const atRiskOf = (requests: BacklogRequest[]) =>
    Object.fromEntries(requests.map((request) => [request.title, request.atRiskMrrCents]))

  const flagCompany = (company: string, atRisk: boolean) =>
    flagAtRisk(server.store.db, projectId, { company }, atRisk)
  const flagPerson = (sub: string, atRisk: boolean) =>
    flagAtRisk(server.store.db, projectId, { sub }, atRisk)

  /**
   * Export (A) has Acme (two people, 4,900) and Solo (900); Dark mode (B) has Acme; SSO (C)
   * has Beta (9,900); Zapier (D) nobody. Acme and Solo are at risk.
   */
  async function backlogWithRisk() {
    const ids = {
      export: await customers.submit('Export'),
      dark: await customers.submit('Dark mode'),
      sso: await customers.submit('SSO'),
      zapier: await customers.submit('Zapier'),
    }
    const acme = { traits: billing(4900), company: { id: 'acme', name: 'Acme Inc' } }
    const ann = await customers.token('ann', acme)
    const bob = await customers.token('bob', acme)
    const solo = await customers.token('solo', { name: 'Sol Ode', traits: billing(900) })
    const beta = await customers.token('bea', {
      traits: billing(9900),
      company: { id: 'beta', name: 'Beta' },
    })
    for (const id of [ids.export, ids.dark]) await customers.vote(id, ann)
    await customers.vote(ids.export, bob)
    await customers.vote(ids.export, solo)
    await customers.vote(ids.sso, beta)
    await flagCompany('acme', true)
    await flagPerson('solo', true)
    return ids
  }

  it('sums the at-risk accounts among the voters, once each, and follows their flag and MRR', async () => {
    const ids = await backlogWithRisk()
    expect(atRiskOf(await backlog('sort=revenue'))).toEqual({
      Export: 5800,
      'Dark mode': 4900,
      SSO: 0,
      Zapier: 0,
    })
    // Acme's MRR moves (a newer token; Stripe reprices the same way): the sums follow.
    const later = Date.now() + 5_000
    await customers.vote(
      ids.zapier,
      await customers.token(
        'ann',
        { traits: billing(5900), company: { id: 'acme', name: 'Acme Inc' } },
        later,
      ),
    )
    await flagPerson('solo', false)
    await flagCompany('beta', true)
    expect(atRiskOf(await backlog('sort=votes'))).toEqual({
      Export: 5900,
      'Dark mode': 5900,
      SSO: 9900,
      Zapier: 5900,
    })
    const detail = await adminJson<AdminRequestDetailResponse>(
      server,
      `/v1/admin/projects/${projectId}/requests/${ids.export}`,
    )
    expect(detail.request.atRiskMrrCents).toBe(5900)
    expect(detail.request.atRiskAccounts).toEqual([
      { kind: 'company', id: 'acme', name: 'Acme Inc', mrrCents: 5900 },
    ])
  })

  it('sorts by revenue at risk, then revenue, and narrows to requests at-risk accounts asked for', async () => {
    const ids = await backlogWithRisk()
    const byRisk = await backlog('sort=at_risk')
    // Export and Dark mode share Acme; Export adds Solo. SSO outranks Zapier on revenue.
    expect(byRisk.map((request) => request.title)).toEqual(['Export', 'Dark mode', 'SSO', 'Zapier'])
    const narrowed = await backlog('sort=new&atRisk=true')
    expect(narrowed.map((request) => request.title)).toEqual(['Dark mode', 'Export'])
    expect((await backlog('sort=at_risk&atRisk=true&q=dark')).map((r) => r.title)).toEqual([
      'Dark mode',
    ])
    expect(await backlog('atRisk=false')).toHaveLength(4)

    const detail = await adminJson<AdminRequestDetailResponse>(
      server,
      `/v1/admin/projects/${projectId}/requests/${ids.export}`,
    )
    expect(detail.request.atRiskAccounts).toEqual([
      { kind: 'company', id: 'acme', name: 'Acme Inc', mrrCents: 4900 },
      { kind: 'person', id: 'solo', name: 'Sol Ode', mrrCents: 900 },
    ])
    const calm = await adminJson<AdminRequestDetailResponse>(
      server,
      `/v1/admin/projects/${projectId}/requests/${ids.sso}`,
    )
    expect(calm.request.atRiskAccounts).toEqual([])

    const csv = await server.adminFetch(
      `/v1/admin/projects/${projectId}/backlog.csv?sort=at_risk&atRisk=true`,
    )
    expect(csv.status).toBe(200)
    const records = parse(await csv.text(), { columns: true }) as Record<string, string>[]
    expect(records.map((record) => [record.title, record.mrr_usd, record.at_risk_usd])).toEqual([
      ['Export', '58.00', '58.00'],
      ['Dark mode', '49.00', '49.00'],
    ])

    for (const bad of ['sort=risk', 'atRisk=yes']) {
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog?${bad}`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'validation_failed',
      )
    }
  })

  it('walks the at_risk sort one page at a time, ties included, each request exactly once', async () => {
    await backlogWithRisk()
    for (let i = 0; i < 5; i++) await customers.submit(`Tied ${i}`)
    const TIE = '2026-11-01T10:00:00.123456Z'
    await server.store.db.query(
      `UPDATE requests SET created_at = $2 WHERE project_id = $1 AND title LIKE 'Tied%'`,
      [projectId, TIE],
    )
    const whole = await backlog('sort=at_risk')
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: { requests: BacklogRequest[]; nextCursor: string | null } = await adminJson(
        server,
        `/v1/admin/projects/${projectId}/backlog?sort=at_risk&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      seen.push(...page.requests.map((request) => request.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 20)
    expect(pages).toBe(5)
    expect(seen).toEqual(whole.map((request) => request.id))
    expect(new Set(seen).size).toBe(9)
    // A cursor of another sort is refused, not misread.
    const revenuePage: { nextCursor: string } = await adminJson(
      server,
      `/v1/admin/projects/${projectId}/backlog?sort=revenue&limit=2`,
    )
    const res = await server.adminFetch(
      `/v1/admin/projects/${projectId}/backlog?sort=at_risk&cursor=${revenuePage.nextCursor}`,
    )
    expect(res.status).toBe(400)
  })
})
