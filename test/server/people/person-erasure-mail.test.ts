// An email already queued for a person who is then erased is never sent: the job goes with them.
import { beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { storeBackends } from '../../helpers/backends'
import { serverWithSmtpSink } from '../../helpers/mailing-server'
import type { SmtpSink } from '../../helpers/smtp-sink'
import type { TestServer } from '../../helpers/start-server'
import { adminJson, customersOf } from './people-fixtures'

describe.each(storeBackends())('mail for an erased person on the $name database', (backend) => {
  const clock = frozenClock(Date.UTC(2026, 11, 6, 12))
  let server: TestServer
  let smtp: SmtpSink
  let projectId: string
  let customers: ReturnType<typeof customersOf>

  serverWithSmtpSink(
    {
      clock,
      demo: false,
      databaseUrl: backend.databaseUrl,
      notify: { publicUrl: 'https://feedback.acme.test', mailCoalesceSeconds: 60 },
    },
    (started, sink) => {
      server = started
      smtp = sink
    },
  )
  beforeEach(async () => {
    const created = await server.createProject('Acme')
    projectId = created.project.id
    customers = customersOf(server, projectId, created.secret)
  })

  it('sends nothing to the erased address, while the others still get theirs', async () => {
    const now = clock.now()
    const ann = await customers.token('ann', { email: 'ann@example.com' }, now)
    const bob = await customers.token('bob', { email: 'bob@example.com' }, now)
    const request = await customers.submit('Dark mode', ann)
    await customers.vote(request, bob)
    const patched = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    expect(patched.status).toBe(200)
    await server.drainJobs() // both emails now wait for the coalescing window
    const [queued] = await server.store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'mail' AND status = 'queued'",
    )
    expect(queued?.n).toBe(2)

    await adminJson(server, `/v1/admin/projects/${projectId}/people/bob`, { method: 'DELETE' }, 204)
    clock.advance(61_000)
    await server.drainJobs()

    expect(smtp.messages.map((mail) => mail.recipients).flat()).toEqual(['ann@example.com'])
  })
})
