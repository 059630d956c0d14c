/**
 * A PostgreSQL server of the test's own (initdb + pg_ctl in a temp folder, on a free port),
 * for tests that stop, restart or cut off the database: the shared server on DATABASE_URL
 * serves every other test and must never be touched. As root (this machine, containers) the
 * binaries run as the `postgres` user, which PostgreSQL requires.
 *
 *   const cluster = await createPostgresCluster()   // initialised and started
 *   ... cluster.url, await cluster.stop(), await cluster.start() ...
 *   await cluster.destroy()
 */
import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { postgresBinDir } from './outside-tools'

const run = promisify(execFile)

export interface PostgresCluster {
  port: number
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust auth, loopback only). */
  url: string
  start(): Promise<void>
  /** `pg_ctl stop -m fast`: every connection is ended, as in a restart. */
  stop(): Promise<void>
  /** Stops it and removes its folder. */
  destroy(): Promise<void>
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('no PostgreSQL server binaries (apt-get install -y postgresql)')
  const root = mkdtempSync(join(tmpdir(), 'reqio-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: group } = await run('id', ['-g', 'postgres'])
    chownSync(root, Number(stdout.trim()), Number(group.trim()))
  }
  const pgRun = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { timeout: 60_000 })
      : run(join(bin, tool), args, { timeout: 60_000 })
  const data = join(root, 'data')
  const port = await freePort()
  await pgRun('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  let running = false
  const cluster: PostgresCluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await pgRun('pg_ctl', [
        '-D',
        data,
        '-l',
        join(root, 'server.log'),
        '-w',
        '-o',
        `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`,
        'start',
      ])
      running = true
    },
    async stop() {
      await pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      running = false
    },
    async destroy() {
      if (running) await cluster.stop().catch(() => {})
      rmSync(root, { recursive: true, force: true })
    },
  }
  await cluster.start()
  return cluster
}

/** A port nothing listens on right now (the OS picks it; we close it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
