/**
 * The PostgreSQL change feed under many writes at once: the same change published while one
 * notification is on its way goes out once for all of them, never before they asked, and every
 * other process still hears of it. Needs DATABASE_URL; each test uses its own channel (schema).
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import {
  type ChangeFeed,
  type ProjectChange,
  postgresChangeFeed,
} from '../../../src/server/store/change-feed'
import { openPgDb } from '../../../src/server/store/pg-db'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl && process.env.CI !== 'true') {
  console.log('skipped change feed tests: set DATABASE_URL to a PostgreSQL server')
}

async function withTwoFeeds(
  use: (
    publisher: ChangeFeed,
    heard: ProjectChange[],
    sent: { at: number; payload: string }[],
  ) => Promise<void>,
) {
  if (!databaseUrl) throw new Error('CI=true: DATABASE_URL must name a PostgreSQL server')
  const schema = `reqio_test_${randomBytes(6).toString('hex')}`
  const db = await openPgDb({ connectionString: databaseUrl })
  const sent: { at: number; payload: string }[] = []
  const publisher = await postgresChangeFeed({
    connectionString: databaseUrl,
    schema,
    notify: async (channel, payload) => {
      sent.push({ at: performance.now(), payload })
      await db.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
  })
  const other = await postgresChangeFeed({
    connectionString: databaseUrl,
    schema,
    notify: async () => {},
  })
  const heard: ProjectChange[] = []
  other.subscribe((change) => heard.push(change))
  try {
    await use(publisher, heard, sent)
  } finally {
    await publisher.close()
    await other.close()
    await db.close()
  }
}

describe.skipIf(!databaseUrl && process.env.CI !== 'true')('the PostgreSQL change feed', () => {
  it('sends the same change published by 20 writes at once in at most two notifications, each after it was asked', async () => {
    await withTwoFeeds(async (publisher, heard, sent) => {
      const change: ProjectChange = { projectId: 'p1', scope: 'lists' }
      const asked: number[] = []
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          asked.push(performance.now())
          await publisher.publish(change)
        }),
      )
      expect(sent.length).toBeLessThanOrEqual(2)
      // Whoever asked after the first notification went out is covered by the second one.
      const lastAsked = Math.max(...asked)
      expect(sent.some((notification) => notification.at >= lastAsked)).toBe(true)
      await vi.waitFor(() => expect(heard).toContainEqual(change))
    })
  })

  it('tells another process of a change published after one already on its way', async () => {
    await withTwoFeeds(async (publisher, heard, sent) => {
      const first = publisher.publish({ projectId: 'p1', scope: 'lists' })
      const second = publisher.publish({ projectId: 'p1', scope: 'lists' })
      const otherProject = publisher.publish({ projectId: 'p2', scope: 'lists' })
      await Promise.all([first, second, otherProject])
      // p1 twice (the second asked while the first was on its way), p2 on its own.
      expect(sent).toHaveLength(3)
      await vi.waitFor(() => {
        expect(heard.filter((change) => change.projectId === 'p1')).toHaveLength(2)
        expect(heard).toContainEqual({ projectId: 'p2', scope: 'lists' })
      })
    })
  })
})
