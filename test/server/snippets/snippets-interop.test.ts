import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jwtVerify } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { STACKS, type Stack, serverSnippet } from '../../../src/dashboard/identity/snippets'
import { audienceFor, monthlyRevenueCents } from '../../../src/shared/identity'
import { type FixedUser, harnessFor } from './harnesses'
import { runHarness } from './run-harness'

// INTERIM until test/helpers/start-server.ts lands: a locally chosen project and secret,
// verified with jose exactly as the spec states. Replaced by the real server below.
const projectId = 'interop-local'
const secret = 'bG9jYWwtc2VjcmV0LWZvci1zbmlwcGV0LWludGVyb3AtdGVzdHM'
const audience = audienceFor(projectId)

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

let goCacheDir: string
beforeAll(async () => {
  goCacheDir = await mkdtemp(join(tmpdir(), 'reqio-go-cache-'))
})

describe('the server snippet the dashboard shows', () => {
  for (const stack of STACKS) {
    it(`mints, in ${stack} with its real library, a token that verifies for the project`, async () => {
      const user = USERS[stack]
      const snippet = serverSnippet(stack, {
        projectId,
        audience,
        widgetUrl: 'http://127.0.0.1/widget.js',
      })
      const token = await runHarness(harnessFor(stack, snippet, user, goCacheDir), secret)

      const { payload, protectedHeader } = await jwtVerify(
        token,
        new TextEncoder().encode(secret),
        {
          algorithms: ['HS256'],
          audience,
        },
      )
      expect(protectedHeader.alg).toBe('HS256')
      expect(payload.sub).toBe(user.id)
      expect(payload.email).toBe(user.email)
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300)
      expect(payload.traits).toEqual({
        plan: user.plan,
        amount: user.amountCents,
        interval: user.interval,
      })
      expect(
        monthlyRevenueCents({ amount: user.amountCents, interval: user.interval }),
      ).toBeGreaterThan(0)
    }, 180_000)
  }
})
