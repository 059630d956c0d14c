import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readServerConfig } from '../../src/server/config'
import { seedEmbeddedDataDir } from '../helpers/seed-embedded'

const root = resolve(import.meta.dirname, '../..')
// What `npm start` execs: the built server (the run's global setup built dist/ when stale).
const entry = join(root, 'scripts/start.mjs')

/** Runs `npm start`'s server and collects its output until it serves or exits. */
function startReqio(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const done = new Promise<{ output: string; code: number | null }>((resolveDone) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('dashboard:')) {
        child.kill('SIGTERM')
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => resolveDone({ output, code }))
  })
  return done
}

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('starting Reqio', () => {
  it('makes REQIO_DATA_DIR 0700 (tightening an existing 0755 one) and the generated admin token 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'reqio-modes-')), 'data')
    mkdirSync(dataDir, { mode: 0o755 })
    chmodSync(dataDir, 0o755)
    const { output } = await startReqio({ REQIO_DATA_DIR: dataDir })
    expect(output).toContain('dashboard:')
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, 'admin-token'))).toBe(0o600)
    // Every file and folder inside is owner-only too: test/server/data-dir-modes.test.ts.
    expect(modeOf(join(dataDir, 'pglite'))).toBe(0o700)
  }, 90_000)

  it('refuses a REQIO_ADMIN_TOKEN shorter than 32 characters with a clear message', async () => {
    const { output, code } = await startReqio({
      REQIO_ADMIN_TOKEN: 'short-token',
      REQIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'reqio-short-')),
    })
    expect(code).not.toBe(0)
    expect(output).toContain('REQIO_ADMIN_TOKEN must be at least 32 characters')
  }, 60_000)

  it('refuses demo mode on a non-loopback HOST unless REQIO_DEMO=1, and says demo is on when it is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reqio-demo-'))
    // Demo mode is the subject; a fresh data dir's first start is the first test's.
    seedEmbeddedDataDir(dataDir)
    const refused = await startReqio({ HOST: '0.0.0.0', REQIO_DATA_DIR: dataDir })
    expect(refused.code).not.toBe(0)
    expect(refused.output).toContain('REQIO_DEMO=0')
    const explicit = await startReqio({ HOST: '0.0.0.0', REQIO_DEMO: '1', REQIO_DATA_DIR: dataDir })
    expect(explicit.output).toContain('demo mode: ON')
    const off = await startReqio({ HOST: '0.0.0.0', REQIO_DEMO: '0', REQIO_DATA_DIR: dataDir })
    expect(off.output).toContain('dashboard:')
    expect(off.output).not.toContain('demo mode: ON')
  }, 120_000)

  it('keeps demo mode off behind a same-host proxy: a loopback HOST with REQIO_PUBLIC_URL naming another host', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reqio-proxied-'))
    seedEmbeddedDataDir(dataDir)
    const proxied = await startReqio({
      HOST: '127.0.0.1',
      REQIO_PUBLIC_URL: 'https://feedback.example.com',
      REQIO_DATA_DIR: dataDir,
    })
    expect(proxied.output).toContain('dashboard:')
    expect(proxied.output).not.toContain('demo mode: ON')
    const local = await startReqio({
      HOST: '127.0.0.1',
      REQIO_PUBLIC_URL: 'http://localhost:8787',
      REQIO_DATA_DIR: dataDir,
    })
    expect(local.output).toContain('demo mode: ON')
  }, 120_000)
})

describe('demo mode from the environment', () => {
  const demo = (env: Record<string, string>) => readServerConfig(env).demo

  it('is on only with REQIO_DEMO=1, or a loopback HOST and no REQIO_PUBLIC_URL naming another host', () => {
    expect(demo({})).toBe(true)
    expect(demo({ HOST: '127.0.0.1' })).toBe(true)
    expect(demo({ HOST: '::1', REQIO_PUBLIC_URL: 'http://[::1]:8787' })).toBe(true)
    expect(demo({ HOST: 'localhost', REQIO_PUBLIC_URL: 'http://127.0.0.1:8787/reqio' })).toBe(true)
    expect(demo({ HOST: '127.0.0.1', REQIO_PUBLIC_URL: 'https://feedback.example.com' })).toBe(
      false,
    )
    expect(demo({ REQIO_PUBLIC_URL: 'http://10.0.0.5:8787' })).toBe(false)
    expect(demo({ REQIO_DEMO: '0' })).toBe(false)
    expect(
      demo({ HOST: '127.0.0.1', REQIO_PUBLIC_URL: 'https://demo.example.com', REQIO_DEMO: '1' }),
    ).toBe(true)
    expect(demo({ HOST: '0.0.0.0', REQIO_DEMO: '1' })).toBe(true)
    expect(() => demo({ HOST: '0.0.0.0' })).toThrow(/REQIO_DEMO=0/)
  })
})
