import { cleanup } from '@testing-library/preact'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import {
  type DashboardTestServer,
  startTestServerProcess,
  type TestServerProcessOptions,
} from './test-server-process'

/**
 * Puts the happy-dom page on the real test server's origin, the way the dashboard is served
 * in production (same origin as the API, so relative URLs and no CORS), with fresh storage.
 */
export function openDashboardOrigin(server: { url: string }): void {
  const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM
  happyDOM.setURL(`${server.url}/dashboard/`)
  sessionStorage.clear()
  localStorage.clear()
}

/**
 * The real server for one test file, started once; every test begins on its origin with fresh
 * storage, and its rendering is cleaned up after.
 */
export function useDashboardServer(options: TestServerProcessOptions = {}): DashboardTestServer {
  let server: DashboardTestServer | undefined
  const started = (): DashboardTestServer => {
    if (!server) throw new Error('The dashboard test server is used before beforeAll started it.')
    return server
  }
  // Starting the server process (and its embedded database) can take a while on a busy machine.
  beforeAll(async () => {
    server = await startTestServerProcess(options)
    openDashboardOrigin(server)
  }, 120_000)
  afterAll(() => server?.close())
  beforeEach(() => openDashboardOrigin(started()))
  afterEach(cleanup)
  return {
    get url() {
      return started().url
    },
    get adminToken() {
      return started().adminToken
    },
    createProject: (name) => started().createProject(name),
    adminFetch: (path, init) => started().adminFetch(path, init),
    close: () => started().close(),
  }
}
