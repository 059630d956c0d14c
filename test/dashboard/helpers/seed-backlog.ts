import type { CreatedProjectResponse } from '../../../src/shared/api'
import { mintToken } from '../../helpers/tokens'
import type { DashboardTestServer } from './test-server-process'
import { visitor } from './visitor'

/**
 * A project whose backlog ranks differently by revenue, votes and age, with a duplicate to
 * merge that shares a voter (alice) with its target:
 *
 *   Dark mode      3 anonymous votes                 $0
 *   SSO login      bob (yearly 1,188.00 = 99.00/mo)  $99
 *   CSV export     alice (49.00/mo), carol (no plan) $49
 *   Export to CSV  bob, alice                        $148   (newest)
 */
export async function seedBacklog(server: DashboardTestServer): Promise<CreatedProjectResponse> {
  const created = await server.createProject('Backlog Co')
  const { id, audience } = created.project
  const person = async (sub: string, email: string, traits?: object) =>
    visitor(server, id, await mintToken(created.secret, { sub, aud: audience, email, traits }))
  const alice = await person('alice', 'alice@acme.test', {
    plan: 'pro',
    amount: 4900,
    interval: 'month',
  })
  const bob = await person('bob', 'bob@acme.test', {
    plan: 'team',
    amount: 118800,
    interval: 'year',
  })
  const carol = await person('carol', 'carol@acme.test')
  const anonymous = [visitor(server, id), visitor(server, id), visitor(server, id)]

  const darkMode = await anonymous[0]?.submit('Dark mode')
  for (const someone of anonymous) if (darkMode) await someone.vote(darkMode)
  const sso = await bob.submit('SSO login')
  await bob.vote(sso)
  const csv = await alice.submit('CSV export')
  await alice.vote(csv)
  await carol.vote(csv)
  const duplicate = await bob.submit('Export to CSV')
  await bob.vote(duplicate)
  await alice.vote(duplicate)
  return created
}
