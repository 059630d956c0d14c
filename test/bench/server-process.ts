// The server under benchmark, in its own process so autocannon does not share its CPU time.
// Prints one JSON line {url, adminToken} when listening; SIGTERM closes it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestServer } from '../helpers/start-server'

// On disk, like `npm start`, not in memory.
const dataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-'))
const server = await startTestServer({ demo: false, rateLimitPerMinute: 1_000_000, dataDir })
console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken }))
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})
