// One server for the shared-limits benchmark, in its own process: on PostgreSQL (DATABASE_URL, a
// throwaway schema), its rate limits shared there or, with BENCH_LIMITS=memory, kept in process.
// Default limits, trusting the loopback proxy, so the load can come from many forwarded IPs.
// Prints one JSON line {url, adminToken} when listening; SIGTERM closes it.
import { startTestServer } from '../helpers/start-server'

const server = await startTestServer({
  demo: false,
  databaseUrl: process.env.DATABASE_URL,
  limits: process.env.BENCH_LIMITS === 'memory' ? 'memory' : undefined,
  trustProxy: ['loopback'],
  rateLimitPerMinute: Number(process.env.BENCH_PERSON_PER_MINUTE ?? 120),
  ipWritesPerMinute: Number(process.env.BENCH_IP_PER_MINUTE ?? 600),
  ipReadsPerMinute: Number(process.env.BENCH_IP_PER_MINUTE ?? 600),
  anonVotersPerIpPerHour: 20,
  authFailuresPer15Minutes: 10,
})
console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken }))
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
