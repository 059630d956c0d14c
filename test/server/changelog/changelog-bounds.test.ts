import { describe, expect, it } from 'vitest'
import { CHANGELOG_BODY_MAX_LENGTH } from '../../../src/server/routes/changelog-schemas'
import type { PublicChangelogResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string

/** The bodies from issue 24, item 2: each broke or stalled every read of the project. */
const ATTACKS: Record<string, string> = {
  'nested quotes': '>'.repeat(CHANGELOG_BODY_MAX_LENGTH),
  'nested list items': '- '.repeat(CHANGELOG_BODY_MAX_LENGTH / 2),
  'nested bullets': `${'* '.repeat(CHANGELOG_BODY_MAX_LENGTH / 2 - 1)}x`,
  'emphasis delimiters': 'a*_'.repeat(6_666),
  'image marks': 'a!'.repeat(CHANGELOG_BODY_MAX_LENGTH / 2),
  'setext lines': '--\n'.repeat(6_666),
}

const admin = (path = '') => `/v1/admin/projects/${projectId}/changelog${path}`

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; field?: string; message: string } }).error
}

async function publicRead(path: string) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}${path}`)
  return { status: res.status, body: (await res.json()) as unknown }
}

describe.each(storeBackends())('bounded changelog Markdown on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it.each(Object.entries(ATTACKS))(
    'refuses %s at write, created or edited, with 400 validation_failed on body',
    async (_name, body) => {
      const created = await server.adminFetch(admin(), {
        method: 'POST',
        body: JSON.stringify({ title: 'Release', body, publish: true }),
      })
      expect(created.status).toBe(400)
      const error = await errorOf(created)
      expect(error).toMatchObject({ code: 'validation_failed', field: 'body' })
      expect(error.message).toMatch(/^body: /)

      const ok = await server.adminFetch(admin(), {
        method: 'POST',
        body: JSON.stringify({ title: 'Release', body: 'Fine.', publish: true }),
      })
      const { entry } = (await ok.json()) as { entry: { id: string } }
      const edited = await server.adminFetch(admin(`/${entry.id}`), {
        method: 'PATCH',
        body: JSON.stringify({ body }),
      })
      expect(edited.status).toBe(400)
      expect(await errorOf(edited)).toMatchObject({ code: 'validation_failed', field: 'body' })
      const { body: list } = await publicRead('/changelog')
      expect((list as PublicChangelogResponse).entries[0]?.body).toBe('Fine.')
    },
  )

  it('stores the parsed tree with the entry, so reads do not parse', async () => {
    const res = await server.adminFetch(admin(), {
      method: 'POST',
      body: JSON.stringify({ title: 'Release', body: 'Now **bold**.', publish: true }),
    })
    expect(res.status).toBe(201)
    const [row] = await server.store.db.query<{ body_nodes: string }>(
      'SELECT body_nodes FROM changelog_entries',
    )
    expect(JSON.parse(row?.body_nodes ?? 'null')).toEqual([
      { t: 'p', c: ['Now ', { t: 'strong', c: ['bold'] }, '.'] },
    ])
    const { body } = await publicRead('/changelog')
    expect((body as PublicChangelogResponse).entries[0]?.bodyNodes).toEqual([
      { t: 'p', c: ['Now ', { t: 'strong', c: ['bold'] }, '.'] },
    ])
  })

  it('keeps the board, the widget and the changelog answering when a stored entry is past the bounds', async () => {
    // Rows as an older version (or anything writing around the API) could have left them.
    for (const [name, body] of Object.entries(ATTACKS)) {
      await server.store.changelog.create(
        { projectId, title: name, body, bodyNodes: null, requestIds: [], publish: true },
        Date.now(),
      )
    }
    for (const path of ['/changelog', '/widget', '/requests', '/roadmap']) {
      const { status } = await publicRead(path)
      expect(status, path).toBe(200)
    }
    const { body } = await publicRead('/changelog')
    const entries = (body as PublicChangelogResponse).entries
    expect(entries).toHaveLength(Object.keys(ATTACKS).length)
    // Shown as plain text: every character there, nothing nested.
    const quotes = entries.find((entry) => entry.title === 'nested quotes')
    expect(quotes?.bodyNodes).toEqual([{ t: 'p', c: [ATTACKS['nested quotes']] }])
  })
})
