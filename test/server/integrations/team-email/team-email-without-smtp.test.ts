import { describe, expect, it } from 'vitest'
import { storeBackends } from '../../../helpers/backends'
import { type FreshProject, serverWithFreshProject } from '../../../helpers/fresh-project'
import { customer, submit } from '../../../helpers/loop-fixtures'
import { setUpOwner } from '../../../helpers/team'

describe.each(storeBackends())('team email without SMTP on $name', (backend) => {
  let fresh: FreshProject
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (made) => {
    fresh = made
  })

  it('queues no team email at all, though the owner would want it', async () => {
    const { server, projectId, secret } = fresh
    const owner = await setUpOwner(server)
    expect(await (await owner.fetch('/v1/auth/notifications')).json()).toEqual({
      newRequest: true,
      newComment: true,
    })
    const ann = await customer(secret, projectId, { sub: 'ann', email: 'ann@example.com' })
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    const res = await fetch(
      `${server.url}/v1/projects/${projectId}/requests/${requestId}/comments`,
      {
        method: 'POST',
        headers: { ...ann.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'Please' }),
      },
    )
    expect(res.status).toBe(201)
    await server.drainJobs()
    expect(await server.store.db.query('SELECT id FROM team_mail_items')).toEqual([])
    expect(await server.store.jobs.counts(projectId)).toEqual({ queued: 0, running: 0, failed: 0 })
  })
})
