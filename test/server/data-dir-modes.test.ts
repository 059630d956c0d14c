/**
 * With the embedded database, everything under REQIO_DATA_DIR is its owner's alone: files 0600,
 * folders 0700 (issue 24, "Also"), on a fresh start and on one over files an older Reqio left
 * 0666. Checked on a real `npm start` process, while it runs and after it stops.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../helpers/server-process'

const adminToken = 'modes-test-admin-token-0123456789abcdef'

/** Every entry under `dir` whose mode is not 0600 (files) or 0700 (folders). */
function looseEntries(dir: string): string[] {
  const loose: string[] = []
  const visit = (path: string) => {
    const info = lstatSync(path)
    const mode = info.mode & 0o777
    if (info.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path} ${mode.toString(8)}`)
      for (const name of readdirSync(path)) visit(join(path, name))
    } else if (mode !== 0o600) loose.push(`${path} ${mode.toString(8)}`)
  }
  visit(dir)
  return loose
}

function countEntries(dir: string): number {
  return readdirSync(dir, { recursive: true }).length
}

/** Loosens every mode the way Reqio before this fix left them (files 0666, folders 0755). */
function loosen(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name)
    chmodSync(path, lstatSync(path).isDirectory() ? 0o755 : 0o666)
  }
}

describe('the embedded database on disk', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'reqio-modes-')), 'data')
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }))

  const start = () =>
    startServerProcess({
      REQIO_DATA_DIR: dataDir,
      // The embedded database, whatever the test runner was given.
      DATABASE_URL: '',
      REQIO_ADMIN_TOKEN: adminToken,
    })

  async function writeSomething(url: string) {
    const res = await fetch(`${url}/v1/admin/projects`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Modes' }),
    })
    expect(res.status).toBe(201)
  }

  it('keeps every file 0600 and every folder 0700, running and after a stop', async () => {
    const server = await start()
    await writeSomething(server.url)
    expect(countEntries(dataDir)).toBeGreaterThan(100)
    expect(looseEntries(dataDir)).toEqual([])
    await server.stop()
    expect(looseEntries(dataDir)).toEqual([])
  }, 120_000)

  it('tightens files an older Reqio left 0666 when it starts over them', async () => {
    loosen(dataDir)
    expect(looseEntries(dataDir).length).toBeGreaterThan(100)
    const server = await start()
    await writeSomething(server.url)
    expect(looseEntries(dataDir)).toEqual([])
    await server.stop()
    expect(looseEntries(dataDir)).toEqual([])
  }, 120_000)
})
