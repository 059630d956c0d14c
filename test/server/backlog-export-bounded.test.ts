// The backlog CSV export over HTTP at more rows than it writes (issue 24 item 11): any viewer may
// ask for it, and a spammer decides how many requests a project holds, so one export writes at
// most EXPORT_MAX_ROWS, the first in the chosen order, and says when it left rows out.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_MAX_ROWS } from '../../src/server/routes/admin-backlog'
import { bulkSeedProject } from '../../src/server/store/bulk-seed'
import { storeBackends } from '../helpers/backends'
import { startTestServer, type TestServer } from '../helpers/start-server'

const EXTRA = 5

describe.each(storeBackends())('the backlog CSV export on $name', (backend) => {
  let server: TestServer
  let projectId: string
  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
    projectId = (await server.createProject('Spammed backlog')).project.id
    // Request n is n minutes old: seed-1 is the newest, the EXTRA oldest are the last ones.
    await bulkSeedProject(server.store.db, projectId, {
      requests: EXPORT_MAX_ROWS + EXTRA,
      people: 1,
      votesPerPerson: 1,
    })
  }, 120_000)
  afterAll(() => server.close())

  const exportCsv = async (query: string) => {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog.csv${query}`)
    expect(res.status).toBe(200)
    const records = parse(await res.text(), { columns: true }) as Record<string, string>[]
    return { res, records }
  }

  it('writes the first EXPORT_MAX_ROWS rows in the chosen order and says it left the rest out', async () => {
    const { res, records } = await exportCsv('?sort=new')
    expect(res.headers.get('reqio-export-truncated')).toBe('true')
    expect(records).toHaveLength(EXPORT_MAX_ROWS)
    expect(records[0]?.id).toBe(`${projectId}-seed-1`)
    expect(records.at(-1)?.id).toBe(`${projectId}-seed-${EXPORT_MAX_ROWS}`)
    const written = new Set(records.map((record) => record.id))
    expect(written.has(`${projectId}-seed-${EXPORT_MAX_ROWS + 1}`)).toBe(false)
  })

  it('writes every row of a filtered export within the cap, saying nothing was left out', async () => {
    // Titles are "Seeded request n": "request 1000" matches 1000 and 10000–10005.
    const { res, records } = await exportCsv('?sort=new&q=request%201000')
    expect(res.headers.get('reqio-export-truncated')).toBe('false')
    expect(records.map((record) => record.title).sort()).toEqual(
      [1000, 10000, 10001, 10002, 10003, 10004, 10005].map((n) => `Seeded request ${n}`).sort(),
    )
    expect(records[0]).toMatchObject({ status: 'open', author_sub: '' })
  })
})
