import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  portalSnippet,
  STACKS,
  type Stack,
  serverSnippet,
} from '../../../src/dashboard/identity/snippets'
import type { CreatedProjectResponse } from '../../../src/shared/api'
import { type OutsideToolName, skipUnlessInstalled } from '../../helpers/outside-tools'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { portalHarnessFor } from './portal-harnesses'
import { runHarnessLine } from './run-harness'

let server: TestServer
let created: CreatedProjectResponse
// Shared by the file so Go compiles golang-jwt once.
let goCacheDir: string

beforeAll(async () => {
  server = await startTestServer()
  created = await server.createProject('Portal interop')
  goCacheDir = await mkdtemp(join(tmpdir(), 'reqio-go-cache-'))
})
afterAll(async () => {
  await server?.close()
  if (goCacheDir) await rm(goCacheDir, { recursive: true, force: true })
})

/** What each stack's harness runs on besides Node. */
const TOOLS_FOR: Record<Stack, OutsideToolName[]> = {
  nextjs: [],
  node: [],
  python: ['python3Jwt'],
  php: ['php', 'vendor'],
  ruby: ['ruby'],
  go: ['go', 'vendor'],
}

describe('the portal sign-in snippet the dashboard shows', () => {
  for (const stack of STACKS) {
    it.skipIf(skipUnlessInstalled(TOOLS_FOR[stack], `the ${stack} portal snippet test`))(
      `builds, in ${stack}, a sign-in the portal accepts: a session cookie and back to the page`,
      async () => {
        const pid = created.project.id
        const target = {
          projectId: pid,
          audience: created.project.audience,
          widgetUrl: `${server.url}/widget.js`,
        }
        const returnTo = `${server.url}/p/${pid}/requests/r_${stack}?sort=new&lang=de`
        const user = {
          id: `portal-${stack}`,
          email: `${stack}@example.com`,
          name: `Pat ${stack}`,
          plan: 'pro',
          amountCents: 1000,
          interval: 'month' as const,
          companyId: `${stack}-co`,
          companyName: `${stack} Co`,
        }
        const harness = portalHarnessFor(
          stack,
          serverSnippet(stack, target),
          portalSnippet(stack, target),
          user,
          returnTo,
          goCacheDir,
        )
        const signInUrl = await runHarnessLine(harness, created.secret)
        expect(signInUrl.startsWith(`${server.url}/p/${pid}/sso?`)).toBe(true)

        const res = await fetch(signInUrl, { redirect: 'manual' })
        expect(res.status).toBe(302)
        expect(res.headers.get('Location')).toBe(returnTo)
        expect(res.headers.get('Set-Cookie')).toMatch(/^reqio_portal=[\w-]+;/)
        expect(await server.store.people.find(pid, user.id)).toBeTruthy()
      },
      240_000,
    )
  }
})
