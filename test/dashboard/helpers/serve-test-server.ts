/**
 * Child-process entry for the dashboard tests: runs startTestServer() in plain Node, because
 * inside happy-dom the server would pick up the DOM's Request/Headers instead of Node's.
 * Prints one JSON line {url, adminToken}; exits when its parent closes stdin.
 */
import { startTestServer } from '../../helpers/start-server'

const server = await startTestServer()
process.stdout.write(`${JSON.stringify({ url: server.url, adminToken: server.adminToken })}\n`)

async function shutDown() {
  await server.close()
  process.exit(0)
}
process.stdin.on('end', shutDown)
process.stdin.resume()
process.on('SIGTERM', shutDown)
