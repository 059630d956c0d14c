import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STACKS, type Stack, serverSnippet } from '../../../src/dashboard/identity/snippets'
import type { BacklogRequest, CreatedProjectResponse } from '../../../src/shared/api'
import { monthlyRevenueCents } from '../../../src/shared/identity'
import { visitor } from '../../dashboard/helpers/visitor'
import { type OutsideToolName, skipUnlessInstalled } from '../../helpers/outside-tools'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { type FixedUser, harnessFor } from './harnesses'
import { runHarness } from './run-harness'

/** One customer per stack, with a yearly plan or two so Reqio's division by 12 is exercised. */
const USERS: Record<Stack, FixedUser> = {
  nextjs: {
    id: 'next-1',
    email: 'next@example.com',
    plan: 'pro',
    amountCents: 4900,
    interval: 'month',
  },
  node: {
    id: 'node-1',
    email: 'node@example.com',
    plan: 'team',
    amountCents: 9900,
    interval: 'month',
  },
  python: {
    id: 'py-1',
    email: 'py@example.com',
    plan: 'pro',
    amountCents: 58800,
    interval: 'year',
  },
  php: {
    id: 'php-1',
    email: 'php@example.com',
    plan: 'starter',
    amountCents: 1900,
    interval: 'month',
  },
  ruby: {
    id: 'rb-1',
    email: 'rb@example.com',
    plan: 'business',
    amountCents: 120000,
    interval: 'year',
  },
  go: { id: 'go-1', email: 'go@example.com', plan: 'pro', amountCents: 2500, interval: 'month' },
}

let server: TestServer
let created: CreatedProjectResponse
// Shared by the file so Go compiles golang-jwt once.
let goCacheDir: string

beforeAll(async () => {
  server = await startTestServer()
  created = await server.createProject('Interop')
  goCacheDir = await mkdtemp(join(tmpdir(), 'reqio-go-cache-'))
})
afterAll(async () => {
  await server?.close()
  if (goCacheDir) await rm(goCacheDir, { recursive: true, force: true })
})

async function backlogRow(requestId: string): Promise<BacklogRequest | undefined> {
  const response = await server.adminFetch(
    `/v1/admin/projects/${created.project.id}/backlog?sort=revenue`,
  )
  const { requests } = (await response.json()) as { requests: BacklogRequest[] }
  return requests.find((request) => request.id === requestId)
}

/** What each stack's harness runs on besides Node. */
const TOOLS_FOR: Record<Stack, OutsideToolName[]> = {
  nextjs: [],
  node: [],
  python: ['python3Jwt'],
  php: ['php', 'vendor'],
  ruby: ['ruby'],
  go: ['go', 'vendor'],
}

describe('the server snippet the dashboard shows', () => {
  for (const stack of STACKS) {
    it.skipIf(skipUnlessInstalled(TOOLS_FOR[stack], `the ${stack} snippet test`))(
      `mints, in ${stack} with its real library, a token the server accepts with its revenue`,
      async () => {
        const user = USERS[stack]
        const snippet = serverSnippet(stack, {
          projectId: created.project.id,
          audience: created.project.audience,
          widgetUrl: `${server.url}/widget.js`,
        })
        const token = await runHarness(harnessFor(stack, snippet, user, goCacheDir), created.secret)

        const customer = visitor(server, created.project.id, token)
        const requestId = await customer.submit(`Export to CSV (${stack})`)
        await customer.vote(requestId)

        const row = await backlogRow(requestId)
        const mrrCents = monthlyRevenueCents({ amount: user.amountCents, interval: user.interval })
        expect(row?.mrrCents).toBe(mrrCents)
        expect(row?.voters).toEqual([
          { sub: user.id, email: user.email, plan: user.plan, mrrCents },
        ])
      },
      180_000,
    )
  }
})

it('fails with the reason, never skips, when a language cannot run', async () => {
  const harness = { files: {}, command: '/usr/bin/no-such-language', args: [] }
  await expect(runHarness(harness, 'unused')).rejects.toThrow(
    '/usr/bin/no-such-language is not installed',
  )
})
