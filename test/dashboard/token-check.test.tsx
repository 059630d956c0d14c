import { fireEvent, screen } from '@testing-library/preact'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { mintToken, type TokenClaims } from '../helpers/tokens'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()
let created: CreatedProjectResponse

beforeAll(async () => {
  created = await server.createProject('Check Co')
})

async function checkInDashboard(token: string): Promise<string> {
  renderSignedIn(server, `#/projects/${created.project.id}/identity`)
  fireEvent.input(await screen.findByLabelText('Token'), { target: { value: token } })
  fireEvent.click(screen.getByRole('button', { name: 'Check token' }))
  return (await screen.findByRole('status')).textContent ?? ''
}

const now = () => Math.floor(Date.now() / 1000)
const good = (): TokenClaims => ({
  sub: 'user-42',
  aud: created.project.audience,
  email: 'ada@example.com',
  traits: { plan: 'pro', amount: 58800, interval: 'year' },
})

it('a good token reads as verified with sub, email, plan and monthly revenue', async () => {
  const outcome = await checkInDashboard(await mintToken(created.secret, good()))
  expect(outcome).toContain('Verified')
  expect(outcome).toContain('user-42')
  expect(outcome).toContain('ada@example.com')
  expect(outcome).toContain('pro')
  // 588.00 a year is 49.00 a month.
  expect(outcome).toContain('$49.00')
})

it('names the other project when a token was minted for it, instead of blaming the secret', async () => {
  const other = await server.createProject('Other Co')
  const outcome = await checkInDashboard(
    await mintToken(other.secret, { ...good(), aud: other.project.audience }),
  )
  expect(outcome).toContain(`made for another project: “Other Co” (${other.project.id})`)
  expect(outcome).toContain(`set aud to exactly ${created.project.audience}`)
  expect(outcome).not.toContain("does not match this project's secret")
})

describe('a refused token is explained in plain words with the fix', () => {
  const cases: [string, () => Promise<string>, () => string[]][] = [
    [
      'signed with another secret',
      () => mintToken('a-different-secret-that-is-long-enough-000', good()),
      () => ["does not match this project's secret", 'Set REQIO_SECRET'],
    ],
    [
      'meant for another project',
      () => mintToken(created.secret, { ...good(), aud: 'https://reqio.app/p/someone-else' }),
      () => [
        'names another audience ("https://reqio.app/p/someone-else")',
        `set aud to exactly ${created.project.audience}`,
      ],
    ],
    [
      'expired',
      () => mintToken(created.secret, { ...good(), iat: now() - 1000, exp: now() - 700 }),
      () => ['has expired', 'mint a fresh one on every request'],
    ],
    [
      'living longer than 300 seconds',
      () => mintToken(created.secret, { ...good(), iat: now(), exp: now() + 3600 }),
      () => ['longer than 300 seconds', 'exp = iat + 300'],
    ],
    [
      'with malformed traits',
      () =>
        mintToken(created.secret, {
          ...good(),
          traits: { plan: 'pro', amount: 49.5, interval: 'week' },
        }),
      () => ['wrong type', 'interval ("month" or "year")'],
    ],
    [
      'signed with HS512',
      () => mintToken(created.secret, good(), { alg: 'HS512' }),
      () => ['not signed with HS256', 'Sign with the HS256 algorithm'],
    ],
    [
      'not a JWT at all',
      async () => 'Bearer hello',
      () => ['not a complete JWT', 'Paste the whole token'],
    ],
  ]
  for (const [label, makeToken, phrases] of cases) {
    it(`when ${label}`, async () => {
      const outcome = await checkInDashboard(await makeToken())
      expect(outcome).toContain('Not accepted')
      for (const phrase of phrases()) expect(outcome).toContain(phrase)
    })
  }
})
