// A project filled by bulkSeedProject, and the real app over the store (routing, auth, SQL,
// JSON, no socket) with an admin token: what the at-scale admin benches time their reads on.
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { generateSecret } from '../../src/server/identity/secrets'
import { silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import { type BulkSeedSize, bulkSeedProject } from '../../src/server/store/bulk-seed'

const ADMIN_TOKEN = 'bench-admin-token'

export interface SeededAdminApp {
  projectId: string
  /** How long bulkSeedProject took. */
  seedSeconds: number
  /** GET `/v1/admin/projects/{projectId}{path}` as the admin. */
  adminGet: (path: string) => Promise<Response>
}

export async function seededAdminApp(store: Store, size: BulkSeedSize): Promise<SeededAdminApp> {
  const projectId = `bench-${Date.now().toString(36)}`
  await store.projects.create({
    id: projectId,
    name: 'Bench',
    secret: generateSecret(),
    now: Date.now(),
  })
  const seedStarted = performance.now()
  await bulkSeedProject(store.db, projectId, size)
  const seedSeconds = (performance.now() - seedStarted) / 1000
  const app = createApp({
    store,
    config: { ...readServerConfig({}), demo: false, adminToken: ADMIN_TOKEN },
    clock: systemClock,
    logger: silentLogger,
  })
  const adminGet = async (path: string) =>
    app.request(`/v1/admin/projects/${projectId}${path}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    })
  return { projectId, seedSeconds, adminGet }
}
