/**
 * The databases store tests run against: always the embedded one, plus PostgreSQL when
 * DATABASE_URL is set (CI sets it). Use with describe.each:
 *
 *   describe.each(storeBackends())('votes on $name', (backend) => { ... backend.open() ... })
 *
 * On PostgreSQL each open() gets its own throwaway schema, so test files never collide.
 */
import { randomBytes } from 'node:crypto'
import { openStore, type Store } from '../../src/server/store'

export interface StoreBackend {
  name: 'embedded' | 'postgres'
  /** For startTestServer({ databaseUrl }); undefined for the embedded database. */
  databaseUrl: string | undefined
  open(): Promise<Store>
}

export function storeBackends(): StoreBackend[] {
  const backends: StoreBackend[] = [
    { name: 'embedded', databaseUrl: undefined, open: () => openStore({ dataDir: null }) },
  ]
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    backends.push({
      name: 'postgres',
      databaseUrl,
      open: () =>
        openStore({
          databaseUrl,
          pgSchema: `reqio_test_${randomBytes(6).toString('hex')}`,
          dropSchemaOnClose: true,
        }),
    })
  }
  return backends
}
