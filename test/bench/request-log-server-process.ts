// A server for the request-log benchmark, in its own process: the real pino logger on stdout
// (the parent points stdout at a file, as a container's log driver would), LOG_LEVEL from the
// environment. Prints {url, adminToken} on stderr when listening; answers each IPC message
// with its CPU time so far (process.cpuUsage); SIGTERM closes it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readLogSettings } from '../../src/server/logging/log-settings'
import { createPinoLogger } from '../../src/server/logging/pino-logger'
import { startTestServer } from '../helpers/start-server'

const dataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-log-'))
const server = await startTestServer({
  demo: false,
  dataDir,
  logger: createPinoLogger(readLogSettings(process.env)),
})
process.stderr.write(`${JSON.stringify({ url: server.url, adminToken: server.adminToken })}\n`)
process.on('message', () => process.send?.(process.cpuUsage()))
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})
