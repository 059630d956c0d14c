// GDPR over real HTTP on both databases: the export holds every kind of row stored about a
// person, and deleting them leaves none of it behind while requests they wrote stay.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { quoteIdent, TRANSIENT_TABLES } from '../../../src/server/ops/catalog'
import { truncateAllTables } from '../../../src/server/store/reset'
import type {
  AuditLogResponse,
  BacklogListResponse,
  PeopleListResponse,
} from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { fillEveryTable } from '../../helpers/every-table'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import { adminJson } from './people-fixtures'

describe.each(storeBackends())('erasing a person on the $name database', (backend) => {
  let server: TestServer
  let projectId: string

  beforeAll(async () => {
    server = await startTestServer({
      demo: true,
      databaseUrl: backend.databaseUrl,
      notify: { mailCoalesceSeconds: 0 },
    })
  })
  afterAll(async () => {
    await server.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    // ann (company Acme, a portal session) and bob (a linked browser, a comment) vote, write,
    // follow, get updates and emails; one of them unsubscribes; the team replies and merges.
    await fillEveryTable(server)
    const [project] = await server.store.db.query<{ id: string }>(
      "SELECT id FROM projects WHERE name LIKE 'Round trip%'",
    )
    projectId = project?.id ?? ''
  })

  const path = (rest = '') => `/v1/admin/projects/${projectId}${rest}`

  /**
   * Every row of every table whose text holds `needle`, as `table: row`. `lasting` leaves out
   * the rate limits' counters (PostgreSQL's shared limits): keyed by voter, they refill and go
   * by themselves within the hour and hold no email or name.
   */
  async function rowsHolding(needle: string, lasting = false): Promise<string[]> {
    const tables = await server.store.db.query<{ name: string }>(
      `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()`,
    )
    const found: string[] = []
    for (const { name } of tables) {
      if (lasting && TRANSIENT_TABLES.has(name)) continue
      const rows = await server.store.db.query<{ row: string }>(
        `SELECT t::text AS row FROM ${quoteIdent(name)} t WHERE t::text ILIKE $1`,
        [`%${needle}%`],
      )
      found.push(...rows.map((row) => `${name}: ${row.row}`))
    }
    return found
  }

  it('exports one JSON download holding every kind of row stored about the person', async () => {
    const res = await server.adminFetch(path('/people/bob/export'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="person-bob.json"')
    const doc = (await res.json()) as Record<string, unknown>
    expect(doc).toMatchObject({ projectId, sub: 'bob', person: { sub: 'bob' } })
    expect((doc.person as { email: string }).email).toBe('bob@example.com')
    for (const kind of [
      'anonymousLinks',
      'votes',
      'requests',
      'comments',
      'personUpdates',
      'requestFollowers',
      'requestUnfollows',
      'mailItems',
      'keptMail',
      'requestAccounts',
      'deletedRequestVotes',
      'mrrChanges',
      'stripeSubscriptions',
    ]) {
      expect((doc[kind] as unknown[]).length, kind).toBeGreaterThan(0)
    }
    // Ann's: her company, her portal session (never its hashed id), and an unsubscribe when
    // hers was the email unsubscribed from.
    const ann = (await (await server.adminFetch(path('/people/ann/export'))).json()) as Record<
      string,
      unknown
    >
    expect(ann.company).toMatchObject({ external_id: 'acme', name: 'Acme Inc' })
    expect(ann.portalSessions).toEqual([expect.objectContaining({ sub: 'ann' })])
    expect(JSON.stringify(ann.portalSessions)).not.toContain('id_hash')
    const unsubscribed = [doc, ann].filter((one) => (one.mailUnsubscribes as unknown[]).length)
    expect(unsubscribed).toHaveLength(1)
    // The other one chose their kinds of news on the email preferences page.
    const chose = [doc, ann].filter((one) => one.notificationPreferences !== null)
    expect(chose).toHaveLength(1)
    expect(chose[0]).not.toBe(unsubscribed[0])
    expect(chose[0]?.notificationPreferences).toMatchObject({ muted_kinds: ['status'] })
  })

  it('names the download after the sub with every unsafe character replaced', async () => {
    await server.store.db.query(`UPDATE people SET sub = 'a/b"c d' WHERE sub = 'bob'`)
    const res = await server.adminFetch(path(`/people/${encodeURIComponent('a/b"c d')}/export`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="person-a_b_c_d.json"',
    )
  })

  it('erases the person everywhere: no row holds their email, name or voter key afterwards', async () => {
    expect(await rowsHolding('bob@example.com')).not.toEqual([])
    const res = await server.adminFetch(path('/people/bob'), { method: 'DELETE' })
    expect(res.status).toBe(204)

    expect(await rowsHolding('bob@example.com')).toEqual([])
    expect(await rowsHolding('bob O’Brien')).toEqual([])
    expect(await rowsHolding('s:bob', true)).toEqual([])
    expect(await rowsHolding('anon-visitor-2', true)).toEqual([])
    const [people] = await server.store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM people WHERE sub = 'bob'",
    )
    expect(people?.n).toBe(0)
    // The revenue ledger: Stripe subscriptions and customers that named bob go too.
    const [stripe] = await server.store.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM stripe_subscriptions WHERE reqio_sub = 'bob')
            + (SELECT count(*) FROM stripe_customers WHERE reqio_sub = 'bob')::int AS n`,
    )
    expect(stripe?.n).toBe(0)
  })

  it('drops their votes’ counts and revenue at once, and keeps their requests without an author', async () => {
    const before = await adminJson<BacklogListResponse>(server, path('/backlog?sort=new'))
    const dark = before.requests.find((request) => request.title === 'Dark mode')
    const csv = before.requests.find((request) => request.title === 'CSV export')
    expect(dark?.voters.map((voter) => voter.sub)).toContain('bob')
    expect(csv?.author?.sub).toBe('bob')

    await adminJson(server, path('/people/bob'), { method: 'DELETE' }, 204)

    const after = await adminJson<BacklogListResponse>(server, path('/backlog?sort=new'))
    const darkAfter = after.requests.find((request) => request.id === dark?.id)
    const csvAfter = after.requests.find((request) => request.id === csv?.id)
    // Bob (no company, $49) was Dark mode's only voter of his account: one vote and $49 fewer.
    expect(darkAfter).toMatchObject({
      votes: (dark?.votes ?? 0) - 1,
      accounts: (dark?.accounts ?? 0) - 1,
      mrrCents: (dark?.mrrCents ?? 0) - 4900,
    })
    expect(darkAfter?.voters.map((voter) => voter.sub)).not.toContain('bob')
    // CSV export, his own request, stays, with his vote gone and no author.
    expect(csvAfter).toMatchObject({ title: 'CSV export', author: null })
    expect(csvAfter?.votes).toBe((csv?.votes ?? 0) - 1)
    expect(csvAfter?.commentCount).toBe(csv?.commentCount)
    // The counters are exactly what the rows add up to.
    const [drift] = await server.store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM requests r
        WHERE r.votes <> (SELECT count(*) FROM votes v WHERE v.request_id = r.id)
           OR r.mrr_cents <> (SELECT coalesce(sum(mrr_cents), 0) FROM request_accounts ra
                               WHERE ra.request_id = r.id)
           OR r.accounts <> (SELECT count(*) FROM request_accounts ra WHERE ra.request_id = r.id)`,
    )
    expect(drift?.n).toBe(0)
  })

  it('answers 404 for the person and their export afterwards, and lists them no more', async () => {
    await adminJson(server, path('/people/bob'), { method: 'DELETE' }, 204)
    expect((await server.adminFetch(path('/people/bob'))).status).toBe(404)
    expect((await server.adminFetch(path('/people/bob/export'))).status).toBe(404)
    expect((await server.adminFetch(path('/people/bob'), { method: 'DELETE' })).status).toBe(404)
    const { people } = await adminJson<PeopleListResponse>(server, path('/people'))
    expect(people.map((person) => person.sub)).toEqual(['ann'])
  })

  it('records person.deleted with the sub, and no admin answer shows their email or name again', async () => {
    // An earlier audit line that names them (as a team action on their behalf would).
    await server.store.audit.record({
      projectId,
      actor: 'admin-token',
      action: 'request.created',
      target: 'bob@example.com',
      detail: { onBehalfOf: { sub: 'bob', email: 'bob@example.com', name: 'bob O’Brien' } },
      now: Date.now(),
    })
    // A key someone named after them writes lines as `api-key:{name}`.
    await server.store.audit.record({
      projectId,
      actor: 'api-key:bob O’Brien',
      action: 'request.status',
      target: 'r_x',
      now: Date.now(),
    })
    await adminJson(server, path('/people/bob'), { method: 'DELETE' }, 204)

    const audit = await adminJson<AuditLogResponse>(server, path('/audit'))
    expect(audit.entries[0]).toMatchObject({ action: 'person.deleted', target: 'bob' })
    const answers = [
      JSON.stringify(audit),
      await (await server.adminFetch(path('/backlog'))).text(),
      await (await server.adminFetch(path('/people'))).text(),
      await (await server.adminFetch(path('/companies'))).text(),
      await (await server.adminFetch(path('/mail'))).text(),
      await (await server.adminFetch(path('/jobs'))).text(),
    ]
    for (const request of (await adminJson<BacklogListResponse>(server, path('/backlog')))
      .requests) {
      answers.push(await (await server.adminFetch(path(`/requests/${request.id}`))).text())
    }
    for (const answer of answers) {
      expect(answer).not.toContain('bob@example.com')
      expect(answer).not.toContain('bob O’Brien')
    }
  })

  it('signs their portal session out: the cookie no longer signs them in', async () => {
    const [project] = await server.store.db.query<{ secret: string }>(
      'SELECT secret FROM projects WHERE id = $1',
      [projectId],
    )
    const token = await mintToken(project?.secret ?? '', {
      sub: 'ann',
      aud: audienceFor(projectId),
      email: 'ann@example.com',
      name: 'Ann Portal',
    })
    const signIn = await fetch(
      `${server.url}/p/${projectId}/sso?token=${encodeURIComponent(token)}`,
      { redirect: 'manual' },
    )
    const cookie = /reqio_portal=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1]
    expect(cookie).toBeTruthy()
    const board = async () =>
      (
        await fetch(`${server.url}/p/${projectId}`, {
          headers: { Cookie: `reqio_portal=${cookie}` },
        })
      ).text()
    expect(await board()).toContain('Signed in as Ann Portal')

    await adminJson(server, path('/people/ann'), { method: 'DELETE' }, 204)

    const page = await board()
    expect(page).not.toContain('Signed in as')
    expect(page).not.toContain('Ann Portal')
    const [left] = await server.store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM portal_sessions WHERE sub = 'ann'",
    )
    expect(left?.n).toBe(0)
  })
})
