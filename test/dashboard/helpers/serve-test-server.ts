/**
 * Child-process entry for the dashboard tests: runs startTestServer() in plain Node, because
 * inside happy-dom the server would pick up the DOM's Request/Headers instead of Node's.
 * Prints one JSON line {url, adminToken}; exits when its parent closes stdin.
 */
import { randomUUID } from 'node:crypto'
import { hashPassword } from '../../../src/server/auth/passwords'
import { startTestServer } from '../../helpers/start-server'

const server = await startTestServer()
// REQIO_TEST_OWNER="email password…": an owner exists from the start (no cookie in the page's jar).
const owner = process.env.REQIO_TEST_OWNER
if (owner) {
  const [email = '', ...password] = owner.split(' ')
  await server.store.members.create({
    id: randomUUID(),
    email,
    name: 'Olive',
    role: 'owner',
    passwordHash: await hashPassword(password.join(' ')),
    now: Date.now(),
  })
}
process.stdout.write(`${JSON.stringify({ url: server.url, adminToken: server.adminToken })}\n`)

async function shutDown() {
  await server.close()
  process.exit(0)
}
process.stdin.on('end', shutDown)
process.stdin.resume()
process.on('SIGTERM', shutDown)
