import { describe, expect, it } from 'vitest'
import type { ChangelogEntry } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { customer, patchRequest, submit } from '../../helpers/loop-fixtures'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string
let secret: string

function admin(path: string, method = 'GET', body?: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** The request as the widget reads it. */
async function publicRequest(requestId: string) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { request: { status: string; statusNote: string | null } }).request
}

async function publish(requestIds: string[]) {
  const res = await admin('/changelog', 'POST', {
    title: 'Two-factor authentication is here',
    body: 'Turn it on in Settings.',
    requestIds,
    publish: true,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { entry: ChangelogEntry }).entry
}

describe.each(storeBackends())('shipping a request through the changelog on $name', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Notes', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  it('clears the old status note of a request it moves to Done, and audits the clearing', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann' })
    const requestId = await submit(server, projectId, ann, 'Two-factor authentication')
    await patchRequest(server, projectId, requestId, {
      status: 'planned',
      statusNote: 'Planned for Q1: CSV first, Excel after.',
    })
    expect((await publicRequest(requestId)).statusNote).toBe(
      'Planned for Q1: CSV first, Excel after.',
    )

    const entry = await publish([requestId])

    expect(await publicRequest(requestId)).toMatchObject({ status: 'done', statusNote: null })
    const audit = await server.store.audit.list(projectId)
    expect(audit.find((line) => line.action === 'request.status')?.detail).toEqual({
      status: 'done',
      changelogEntry: entry.id,
      statusNote: null,
    })
  })

  it('keeps the note of a request that was already Done: the team wrote it about shipping', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann' })
    const requestId = await submit(server, projectId, ann, 'CSV export')
    await patchRequest(server, projectId, requestId, {
      status: 'done',
      statusNote: 'Shipped in 2.3: see What’s new.',
    })

    await publish([requestId])

    expect(await publicRequest(requestId)).toMatchObject({
      status: 'done',
      statusNote: 'Shipped in 2.3: see What’s new.',
    })
  })

  it('leaves the note alone while the entry is a draft, and clears it when a later edit publishes', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann' })
    const requestId = await submit(server, projectId, ann, 'SSO login')
    await patchRequest(server, projectId, requestId, {
      status: 'in_progress',
      statusNote: 'Okta first.',
    })
    const draft = await admin('/changelog', 'POST', {
      title: 'SSO',
      body: 'Soon.',
      requestIds: [requestId],
    })
    const { entry } = (await draft.json()) as { entry: ChangelogEntry }
    expect(await publicRequest(requestId)).toMatchObject({
      status: 'in_progress',
      statusNote: 'Okta first.',
    })

    expect((await admin(`/changelog/${entry.id}`, 'PATCH', { publish: true })).status).toBe(200)

    expect(await publicRequest(requestId)).toMatchObject({ status: 'done', statusNote: null })
  })
})
