// The server the hostile-client bench attacks, in its own process so its RSS is its own.
// argv[2]: JSON TestServerOptions. Prints one JSON line {url, adminToken, pid}; SIGTERM closes it.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startTestServer, type TestServerOptions } from '../helpers/start-server'

const options = JSON.parse(process.argv[2] ?? '{}') as TestServerOptions
const dataDir = mkdtempSync(join(tmpdir(), 'reqio-hostile-'))
// A built widget.js when there is one; else a stand-in, so /widget.js reaches its ETag check.
const builtDist = resolve(import.meta.dirname, '../../dist')
let distDir = builtDist
if (!existsSync(join(builtDist, 'widget.js'))) {
  distDir = join(dataDir, 'dist')
  mkdirSync(distDir)
  writeFileSync(join(distDir, 'widget.js'), `/* stand-in */${' '.repeat(30_000)}`)
}
const server = await startTestServer({
  demo: false,
  dataDir: join(dataDir, 'db'),
  distDir,
  ...options,
})
console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken, pid: process.pid }))
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})
