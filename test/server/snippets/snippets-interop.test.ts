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

/**
 * One customer company per stack, with a yearly plan or two so Reqio's division by 12 is
 * exercised; two of its people vote, and the company's revenue must count once.
 */
const USERS: Record<Stack, FixedUser> = {
  nextjs: {
    id: 'next-1',
    email: 'next@example.com',
    name: 'Pat Next',
    plan: 'pro',
    amountCents: 4900,
    interval: 'month',
    companyId: 'nextjs-co',
    companyName: 'Nextjs Co',
  },
  node: {
    id: 'node-1',
    email: 'node@example.com',
    name: 'Pat Node',
    plan: 'team',
    amountCents: 9900,
    interval: 'month',
    companyId: 'node-co',
    companyName: 'Node Co',
  },
  python: {
    id: 'py-1',
    email: 'py@example.com',
    name: 'Pat Py',
    plan: 'pro',
    amountCents: 58800,
    interval: 'year',
    companyId: 'python-co',
    companyName: 'Python Co',
  },
  php: {
    id: 'php-1',
    email: 'php@example.com',
    name: 'Pat Php',
    plan: 'starter',
    amountCents: 1900,
    interval: 'month',
    companyId: 'php-co',
    companyName: 'Php Co',
  },
  ruby: {
    id: 'rb-1',
    email: 'rb@example.com',
    name: 'Pat Rb',
    plan: 'business',
    amountCents: 120000,
    interval: 'year',
    companyId: 'ruby-co',
    companyName: 'Ruby Co',
  },
  go: {
    id: 'go-1',
    email: 'go@example.com',
    name: 'Pat Go',
    plan: 'pro',
    amountCents: 2500,
    interval: 'month',
    companyId: 'go-co',
    companyName: 'Go Co',
  },
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
      `mints, in ${stack} with its real library, tokens the server accepts with their company's revenue, counted once`,
      async () => {
        const user = USERS[stack]
        const colleague = { ...user, id: `${user.id}-colleague`, email: `colleague.${user.email}` }
        const snippet = serverSnippet(stack, {
          projectId: created.project.id,
          audience: created.project.audience,
          widgetUrl: `${server.url}/widget.js`,
        })
        const tokens = []
        for (const person of [user, colleague])
          tokens.push(
            await runHarness(harnessFor(stack, snippet, person, goCacheDir), created.secret),
          )

        const [customer, other] = tokens.map((token) => visitor(server, created.project.id, token))
        const requestId = await customer?.submit(`Export to CSV (${stack})`)
        if (!requestId || !other) throw new Error('no request')
        await customer?.vote(requestId)
        await other.vote(requestId)

        const row = await backlogRow(requestId)
        const mrrCents = monthlyRevenueCents({ amount: user.amountCents, interval: user.interval })
        expect(row).toMatchObject({ votes: 2, accounts: 1, mrrCents })
        // Revenue from the token, as of when it came, not at risk (v3 "The revenue ledger").
        const fromToken = { mrrSource: 'token', mrrAsOf: expect.any(String), atRisk: false }
        const company = { id: user.companyId, name: user.companyName, mrrCents, ...fromToken }
        const voter = { plan: user.plan, mrrCents, company, ...fromToken }
        expect(row?.voters).toEqual(
          expect.arrayContaining([
            { sub: user.id, email: user.email, ...voter },
            { sub: colleague.id, email: colleague.email, ...voter },
          ]),
        )
        // The optional name claim travels too: it is what the widget shows beside their comments.
        const commented = await fetch(
          `${server.url}/v1/projects/${created.project.id}/requests/${requestId}/comments`,
          {
            method: 'POST',
            headers: { Authorization: `Bearer ${tokens[0]}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ body: 'Me too' }),
          },
        )
        expect(
          ((await commented.json()) as { comment: { author: { name: string } } }).comment.author
            .name,
        ).toBe(user.name)
      },
      240_000,
    )
  }
})

it('fails with the reason, never skips, when a language cannot run', async () => {
  const harness = { files: {}, command: '/usr/bin/no-such-language', args: [] }
  await expect(runHarness(harness, 'unused')).rejects.toThrow(
    '/usr/bin/no-such-language is not installed',
  )
})
