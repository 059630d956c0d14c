import type { Db } from './db'

/** Empties every table, keeping the schema: lets a test file reuse one database between tests. */
export async function truncateAllTables(db: Db): Promise<void> {
  await db.exec(
    'TRUNCATE anonymous_links, votes, requests, people, projects RESTART IDENTITY CASCADE',
  )
}
