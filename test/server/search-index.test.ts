import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/server/store'
import {
  trigramCandidatesQuery,
  trigramPieces,
  walkCandidatesQuery,
} from '../../src/server/store/request-search'
import { storeBackends } from '../helpers/backends'

const WORDS = ['dark', 'mode', 'export', 'csv', 'slack', 'calendar', 'sync', 'invoice', 'team']

describe.each(storeBackends())('search on $name', (backend) => {
  let store: Store
  const titles = async (q: string, projectId = 'p1') =>
    (await store.requests.listPublic({ projectId, sort: 'new', q, voter: null })).map(
      (r) => r.title,
    )
  const create = (title: string, body = '') =>
    store.requests.create({
      projectId: 'p1',
      actor: { voter: 'a:anon-search', person: null },
      title,
      body,
      idempotencyKey: null,
      now: Date.now(),
    })

  beforeAll(async () => {
    store = await backend.open()
    await store.projects.create({ id: 'p1', name: 'P1', secret: 's', now: Date.now() })
    for (const title of ['Dark mode please', 'Export 100% of data', 'snake_case keys', 'Other']) {
      await create(title)
    }
  })
  afterAll(() => store.close())

  it('still matches substrings case-insensitively, with % and _ taken literally', async () => {
    expect(await titles('DARK MO')).toEqual(['Dark mode please'])
    expect(await titles('100%')).toEqual(['Export 100% of data'])
    expect(await titles('e_c')).toEqual(['snake_case keys'])
    expect(await titles('ark mode')).toEqual(['Dark mode please'])
  })

  it('matches the body, and letters beyond ASCII whatever their case', async () => {
    await create('Menu du jour', "L'ÉTÉ arrive : un thème clair")
    expect(await titles('été')).toEqual(['Menu du jour'])
    expect(await titles('THÈME CL')).toEqual(['Menu du jour'])
  })

  it('finds a request by its edited title, and no longer by the old one', async () => {
    const { request } = await create('Calendar feed')
    await store.requests.update('p1', request.id, { title: 'iCal subscription' }, Date.now())
    expect(await titles('ical sub')).toEqual(['iCal subscription'])
    expect(await titles('calendar feed')).toEqual([])
  })

  // Right after many writes and with no statistics (PGlite never gathers any), a rare string
  // must come from the project's trigram index and a common one from walking the vote order
  // (issue 24: without statistics PGlite sorted the whole project, or filtered it row by row).
  it('plans 2,000 fresh requests: the project trigram index for a rare string, the vote order for a common one', async () => {
    await store.projects.create({ id: 'big', name: 'Big', secret: 's', now: Date.now() })
    await store.db.query(
      `INSERT INTO requests (id, project_id, title, body, author_voter, votes, created_at, updated_at)
       SELECT 'big-' || g, 'big', initcap(w[1 + g % 9]) || ' ' || w[1 + (g / 9) % 9] || ' ' || g,
              'We would like ' || w[1 + (g / 7) % 9] || ' for our team, request number ' || g,
              'a:seed', g % 50, now() - g * interval '1 minute', now()
         FROM generate_series(1, 2000) g, (SELECT $1::text[] AS w) words`,
      [WORDS],
    )
    const plan = async (query: { sql: string; params: unknown[] }, setting: string) => {
      const rows = await store.db.transaction(async (tx) => {
        await tx.query(setting)
        return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params)
      })
      return rows.map((row) => row['QUERY PLAN']).join('\n')
    }
    const input = (q: string) => ({
      projectId: 'big',
      sort: 'top' as const,
      q,
      voter: null,
      limit: 100,
    })
    const rare = await plan(
      trigramCandidatesQuery(input('number 1425'), trigramPieces('number 1425')),
      'SET LOCAL enable_seqscan = off',
    )
    expect(rare).toContain('requests_search_in_project_trgm')
    expect(rare).not.toContain('Seq Scan')
    const common = await plan(walkCandidatesQuery(input('team')), 'SET LOCAL enable_sort = off')
    expect(common).toContain('requests_by_votes')
    expect(common).not.toContain('Seq Scan')
    expect(await titles('number 1425', 'big')).toEqual([expect.stringMatching(/ 1425$/)])
  })
})
