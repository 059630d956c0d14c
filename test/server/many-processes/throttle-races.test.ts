/**
 * Guess throttles hold when guesses arrive at once on two `npm start` processes sharing one
 * PostgreSQL (issue 24, item 10): a guess takes its place in the budget before it is checked,
 * so 40 concurrent wrong guesses with a budget of 10 get at most 10 checks, the rest 429.
 * Needs DATABASE_URL (CI starts one).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { ThrowawayDatabase } from '../../helpers/postgres-database'
import type { ServerProcess } from '../../helpers/server-process'
import { TEST_PASSWORD } from '../../helpers/team'
import { twoProcessesCanRun, withTwoProcesses } from '../../helpers/two-processes'

const BUDGET = 10
const GUESSES = 40

describe.runIf(twoProcessesCanRun('throttle race tests'))(
  'guess throttles across two processes on one PostgreSQL',
  () => {
    const adminToken = randomBytes(24).toString('base64url')
    let a: ServerProcess
    let b: ServerProcess
    let database: ThrowawayDatabase
    withTwoProcesses(
      { REQIO_ADMIN_TOKEN: adminToken, REQIO_AUTH_FAILURES_PER_15_MINUTES: String(BUDGET) },
      (started, throwaway) => {
        ;[a, b] = started
        database = throwaway
      },
    )

    /** Sends all at once, alternating between the two processes; answers the status codes. */
    async function allAtOnce(send: (server: ServerProcess, i: number) => Promise<Response>) {
      const answers = await Promise.all(
        Array.from({ length: GUESSES }, async (_, i) => {
          const res = await send(i % 2 === 0 ? a : b, i)
          await res.arrayBuffer()
          return res.status
        }),
      )
      return {
        refused: answers.filter((status) => status === 401).length,
        throttled: answers.filter((status) => status === 429).length,
        other: answers.filter((status) => status !== 401 && status !== 429),
      }
    }

    it('checks at most 10 of 40 concurrent wrong admin tokens, and the right one then waits too', async () => {
      const counts = await allAtOnce((server, i) =>
        fetch(`${server.url}/v1/admin/projects`, {
          headers: { Authorization: `Bearer wrong-guess-${i}` },
        }),
      )
      expect(counts.other).toEqual([])
      expect(counts.refused).toBeLessThanOrEqual(BUDGET)
      expect(counts.throttled).toBeGreaterThanOrEqual(GUESSES - BUDGET)
      const right = await fetch(`${b.url}/v1/admin/projects`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      })
      expect(right.status).toBe(429)
    })

    it('checks at most 11 of 40 concurrent wrong passwords for one email', async () => {
      const setup = await fetch(`${a.url}/v1/auth/setup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          adminToken,
          email: 'olive@example.com',
          name: 'Olive',
          password: TEST_PASSWORD,
        }),
      })
      expect(setup.status).toBe(201)
      const counts = await allAtOnce((server, i) =>
        fetch(`${server.url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'olive@example.com', password: `wrong password ${i}` }),
        }),
      )
      expect(counts.other).toEqual([])
      expect(counts.refused).toBeLessThanOrEqual(BUDGET)
      // Every password checked left one failure behind: the limit, plus the one that reached it.
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM auth_failures WHERE key = 'email:olive@example.com'`,
      )
      await client.end()
      expect(rows[0]?.n).toBeLessThanOrEqual(BUDGET + 1)
    })
  },
)
