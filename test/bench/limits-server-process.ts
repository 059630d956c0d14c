// One server for the shared-limits benchmark, in its own process: on PostgreSQL (DATABASE_URL, a
// throwaway schema), its rate limits shared there or, with BENCH_LIMITS=memory, kept in process.
// Default limits, trusting the loopback proxy, so the load can come from many forwarded IPs.
// Prints one JSON line {url, adminToken, schema} when listening; SIGTERM closes it (and drops
// the schema).
import { randomBytes } from 'node:crypto'
import { startTestServer } from '../helpers/start-server'

const schema = `reqio_bench_${randomBytes(6).toString('hex')}`
const server = await startTestServer({
  demo: false,
  databaseUrl: process.env.DATABASE_URL,
  pgSchema: schema,
  dropSchema: true,
  limits: process.env.BENCH_LIMITS === 'memory' ? 'memory' : undefined,
  trustProxy: ['loopback'],
  rateLimitPerMinute: Number(process.env.BENCH_PERSON_PER_MINUTE ?? 120),
  ipWritesPerMinute: Number(process.env.BENCH_IP_PER_MINUTE ?? 600),
  ipReadsPerMinute: Number(process.env.BENCH_IP_PER_MINUTE ?? 600),
  anonVotersPerIpPerHour: 20,
  authFailuresPer15Minutes: 10,
})
console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken, schema }))
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
