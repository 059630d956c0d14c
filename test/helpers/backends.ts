/**
 * The databases store tests run against: always the embedded one, plus PostgreSQL when
 * DATABASE_URL is set (CI sets it). Use with describe.each:
 *
 *   describe.each(storeBackends())('votes on $name', (backend) => { ... backend.open() ... })
 *
 * Each open() is a fresh copy of the run's migrated template (test-store.ts): on PostgreSQL a
 * throwaway database of its own, so test files never collide.
 */
import type { Store } from '../../src/server/store'
import { openTestStore } from './test-store'

export interface StoreBackend {
  name: 'embedded' | 'postgres'
  /** For startTestServer({ databaseUrl }); undefined for the embedded database. */
  databaseUrl: string | undefined
  open(): Promise<Store>
}

export function storeBackends(): StoreBackend[] {
  const backends: StoreBackend[] = [
    { name: 'embedded', databaseUrl: undefined, open: () => openTestStore() },
  ]
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    backends.push({ name: 'postgres', databaseUrl, open: () => openTestStore({ databaseUrl }) })
  }
  return backends
}
