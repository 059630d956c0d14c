import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/server/store'
import { storeBackends } from '../helpers/backends'

describe.each(storeBackends())('search on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
    await store.projects.create({ id: 'p1', name: 'P1', secret: 's', now: Date.now() })
  })
  afterAll(() => store.close())

  it('answers ?q= from a trigram GIN index over title and body, not a scan of every request', async () => {
    const plan = await store.db.transaction(async (tx) => {
      // The table is tiny here, so the planner would scan; forbid that to see the index is usable.
      await tx.query('SET LOCAL enable_seqscan = off')
      const rows = await tx.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT id FROM requests WHERE (title || ' ' || body) ILIKE $1",
        ['%dark mode%'],
      )
      return rows.map((row) => row['QUERY PLAN']).join('\n')
    })
    expect(plan).toContain('requests_search_trgm')
  })

  it('still matches substrings case-insensitively, with % and _ taken literally', async () => {
    const actor = { voter: 'a:anon-search', person: null }
    for (const title of ['Dark mode please', 'Export 100% of data', 'snake_case keys', 'Other']) {
      await store.requests.create({
        projectId: 'p1',
        actor,
        title,
        body: '',
        idempotencyKey: null,
        now: Date.now(),
      })
    }
    const titles = async (q: string) =>
      (await store.requests.listPublic({ projectId: 'p1', sort: 'new', q, voter: null })).map(
        (r) => r.title,
      )
    expect(await titles('DARK MO')).toEqual(['Dark mode please'])
    expect(await titles('100%')).toEqual(['Export 100% of data'])
    expect(await titles('e_c')).toEqual(['snake_case keys'])
  })
})
