import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/server/store'

describe('the embedded database on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'reqio-persist-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('creates a data directory that does not exist yet and keeps projects across restarts', async () => {
    const dataDir = join(root, 'not', 'yet', 'there', 'pglite')
    const first = await openStore({ dataDir })
    await first.projects.create({ id: 'p1', name: 'Kept', secret: 's'.repeat(43), now: Date.now() })
    await first.close()

    const second = await openStore({ dataDir })
    try {
      expect((await second.projects.find('p1'))?.name).toBe('Kept')
    } finally {
      await second.close()
    }
  })
})
