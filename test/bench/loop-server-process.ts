// The server for the loop benchmark's vote throughput, in its own process (as server-process.ts)
// but with the job queue running, as under `npm start`. Prints {url, adminToken} when listening.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestServer } from '../helpers/start-server'

const dataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-loop-'))
const server = await startTestServer({
  demo: false,
  rateLimitPerMinute: 1_000_000,
  dataDir,
  jobs: 'auto',
})
console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken }))
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})
