// The server under benchmark, in its own process so autocannon does not share its CPU time.
// Prints one JSON line {url, adminToken} when listening; SIGTERM closes it.
import { startTestServer } from '../helpers/start-server'

const server = await startTestServer({ demo: false, rateLimitPerMinute: 1_000_000 })
console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken }))
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
