import { afterAll, beforeAll, beforeEach } from 'vitest'
import { truncateAllTables } from '../../src/server/store/reset'
import { startTestServer, type TestServer, type TestServerOptions } from './start-server'

export interface FreshProject {
  server: TestServer
  projectId: string
  secret: string
}

/**
 * One real server per test file (PGlite takes seconds to open) and, before each test, empty
 * tables with one new project. `use` receives them after every reset.
 */
export function serverWithFreshProject(
  options: TestServerOptions,
  projectName: string,
  use: (fresh: FreshProject) => void,
): void {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(options)
  })
  afterAll(async () => {
    await server.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    const { project, secret } = await server.createProject(projectName)
    use({ server, projectId: project.id, secret })
  })
}
