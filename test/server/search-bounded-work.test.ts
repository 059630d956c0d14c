import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  SEARCH_WORK_BUDGET,
  TRIGRAM_CANDIDATES,
  trigramCandidatesQuery,
  trigramPieces,
  WALK_CANDIDATES,
  walkCandidatesQuery,
  withinSearchBudget,
} from '../../src/server/store/request-search'
import { storeBackends } from '../helpers/backends'
import { startTestServer, type TestServer } from '../helpers/start-server'

// Issue 24, item 1: 3,000 requests whose 5 KB bodies nearly match a 200-character q. LIKE over
// each of them cost ~2 ms on PGlite (6 s a search, every project stalled meanwhile). What is
// asserted is the bound itself: how many rows each step reads and which index picks them.
const ROWS = 3_000
const NEAR_MISS_BODY = `${'a'.repeat(150)}b`.repeat(33)
const HOSTILE_Q = `${'a'.repeat(199)}b`

interface Plan {
  text: string
  rowsRead: number
}

describe.each(storeBackends())('search work on $name, over HTTP', (backend) => {
  let server: TestServer
  let projectId: string

  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
    projectId = (await server.createProject('Hostile')).project.id
    await server.store.db.query(
      `INSERT INTO requests (id, project_id, title, body, author_voter, votes, created_at, updated_at)
       SELECT 'h-' || g, $1, 'Near miss ' || g, $2, 'a:seed', g % 7,
              now() - g * interval '1 second', now()
         FROM generate_series(1, $3::int) g`,
      [projectId, NEAR_MISS_BODY, ROWS],
    )
    // One real match, old and unvoted: far beyond any walk of the list order.
    await server.store.db.query(
      `INSERT INTO requests (id, project_id, title, body, author_voter, votes, created_at, updated_at)
       VALUES ('h-needle', $1, 'Quarterly zebra export', 'xyzzy', 'a:seed', 0, now() - interval '30 days', now())`,
      [projectId],
    )
  }, 120_000)
  afterAll(() => server?.close())

  const search = (q: string) =>
    fetch(`${server.url}/v1/projects/${projectId}/requests?q=${encodeURIComponent(q)}`)

  const explain = async (
    query: { sql: string; params: unknown[] },
    settings: string[],
  ): Promise<Plan> => {
    const lines = await server.store.db.transaction(async (tx) => {
      for (const setting of settings) await tx.query(setting)
      return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${query.sql}`, query.params)
    })
    const text = lines.map((line) => line['QUERY PLAN']).join('\n')
    // Rows that came out of the scan node plus rows it read and dropped.
    const scan =
      /Scan (?:using \w+ )?on requests [^\n]*actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/.exec(text)
    const removed = [...text.matchAll(/Rows Removed by (?:Filter|Index Recheck): (\d+)/g)]
    const rowsRead =
      Number(scan?.[1] ?? Number.NaN) + removed.reduce((sum, m) => sum + Number(m[1]), 0)
    return { text, rowsRead }
  }

  it('answers a 200-character near-miss search with no match, reading a bounded number of rows', async () => {
    const res = await search(HOSTILE_Q)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { requests: unknown[] }).requests).toEqual([])

    const input = { projectId, sort: 'top' as const, q: HOSTILE_Q, voter: null, limit: 100 }
    const walk = await explain(walkCandidatesQuery(input), ['SET LOCAL enable_sort = off'])
    expect(walk.text).toContain('requests_by_votes')
    expect(walk.rowsRead).toBeLessThanOrEqual(WALK_CANDIDATES)
    const trigram = await explain(trigramCandidatesQuery(input, trigramPieces(HOSTILE_Q)), [
      'SET LOCAL enable_seqscan = off',
    ])
    expect(trigram.text).toContain('requests_search_in_project_trgm')
    expect(trigram.rowsRead).toBeLessThanOrEqual(TRIGRAM_CANDIDATES)

    // Of those candidates, LIKE compares at most half the budget per source: one 5 KB row each.
    const lengths = Array.from({ length: 150 }, (_, i) => ({ id: `c${i}`, length: 4_993 }))
    const chosen = withinSearchBudget(lengths, HOSTILE_Q, SEARCH_WORK_BUDGET / 2)
    expect(chosen.length * 4_994 * HOSTILE_Q.length).toBeLessThanOrEqual(SEARCH_WORK_BUDGET)
    expect(chosen.length).toBeGreaterThan(0)
  })

  it('still finds a rare string in an old request the list order never reaches', async () => {
    const res = await search('ZEBRA EXP')
    const { requests } = (await res.json()) as { requests: { id: string }[] }
    expect(requests.map((request) => request.id)).toEqual(['h-needle'])
  })

  it('finds a common string in the order of the list', async () => {
    const res = await search('near miss')
    const { requests } = (await res.json()) as { requests: { votes: number }[] }
    expect(requests.length).toBeGreaterThan(0)
    const votes = requests.map((request) => request.votes)
    expect(votes).toEqual([...votes].sort((a, b) => b - a))
  })

  it('refuses a q longer than 200 characters with 400 validation_failed', async () => {
    const res = await search('a'.repeat(201))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed')
  })
})
