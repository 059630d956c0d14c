/**
 * globalSetup of the widget project: one real Reqio server (real HTTP on 127.0.0.1, the
 * embedded database) for every widget UI test file, started here in plain Node because inside
 * happy-dom the server would pick up the DOM's Request/Headers. Opening the database once costs
 * ~2 s; each test then works in a project of its own (see real-server.ts), so files never
 * collide. The team members whose replies the tests show sign in here once (argon2 is slow).
 */
import type { TestProject } from 'vitest/node'
import { startTestServer } from '../../../helpers/start-server'
import { acceptInvite, invite, setUpOwner } from '../../../helpers/team'

/** The people replying for the team in widget tests, by the name the widget shows. */
export const TEAM_NAMES = ['Sam', 'Kim', '<b>Mallory</b>'] as const

export interface WidgetTestServer {
  url: string
  adminToken: string
  /** Session cookies (as a Cookie header) of the team members, by name. */
  teamCookies: Record<string, string>
}

declare module 'vitest' {
  export interface ProvidedContext {
    widgetTestServer: WidgetTestServer
  }
}

export default async function startWidgetTestServer(project: TestProject) {
  // Jobs run in the background as in production: people's updates are written by them.
  const server = await startTestServer({ demo: false, jobs: 'auto' })
  const [ownerName, ...memberNames] = TEAM_NAMES
  const owner = await setUpOwner(server, { email: 'sam@example.com', name: ownerName })
  const teamCookies: Record<string, string> = { [ownerName]: owner.cookie }
  for (const [i, name] of memberNames.entries()) {
    const created = await invite(owner, `member${i}@example.com`, 'member')
    teamCookies[name] = (await acceptInvite(server, created, { name })).cookie
  }
  project.provide('widgetTestServer', {
    url: server.url,
    adminToken: server.adminToken,
    teamCookies,
  })
  return () => server.close()
}
