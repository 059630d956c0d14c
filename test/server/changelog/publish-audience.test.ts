import { describe, expect, it } from 'vitest'
import type { AudienceResponse, KeptMailInfo } from '../../../src/shared/notifications'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { customer, patchRequest, submit, visitor, vote } from '../../helpers/loop-fixtures'
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

async function audienceOf(query: string) {
  const res = await admin(`/changelog/audience${query}`)
  return { status: res.status, body: (await res.json()) as AudienceResponse & { error?: unknown } }
}

describe.each(storeBackends())('who publishing a changelog entry tells, on $name', (backend) => {
  // Demo mode keeps emails for the dashboard instead of sending them: they can be counted.
  serverWithFreshProject(
    { demo: true, databaseUrl: backend.databaseUrl, notify: { mailCoalesceSeconds: 0 } },
    'Audience',
    (fresh) => {
      ;({ server, projectId, secret } = fresh)
    },
  )

  it('counts each person once across the requests, merged ones included, and that many are emailed', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann', email: 'ann@example.com' })
    const bob = await customer(secret, projectId, { sub: 'bob' })
    const dan = await customer(secret, projectId, { sub: 'dan', email: 'dan@example.com' })
    const passerby = visitor()
    const sso = await submit(server, projectId, ann, 'SSO login')
    const okta = await submit(server, projectId, dan, 'Okta sign-in')
    await patchRequest(server, projectId, okta, { mergeInto: sso })
    const csv = await submit(server, projectId, bob, 'CSV export')
    await vote(server, projectId, ann, csv)
    await vote(server, projectId, passerby, sso)
    await vote(server, projectId, passerby, csv)

    const before = await audienceOf(`?requestIds=${sso},${csv}`)
    expect(before).toEqual({
      status: 200,
      body: { people: 3, withEmail: 2, anonymous: 1, mail: 'kept' },
    })
    // Asking about the merged request counts the request it went into.
    expect((await audienceOf(`?requestIds=${okta}`)).body.people).toBe(2)

    const res = await admin('/changelog', 'POST', {
      title: 'Spring release',
      body: 'Two things.',
      requestIds: [sso, csv],
      publish: true,
    })
    expect(res.status).toBe(201)
    await server.drainJobs()
    const kept = (await (await admin('/mail')).json()) as { messages: KeptMailInfo[] }
    expect(kept.messages.map((message) => message.to).sort()).toEqual([
      'ann@example.com',
      'dan@example.com',
    ])
    expect(kept.messages).toHaveLength(before.body.withEmail)
  })

  it('answers nobody for no requests, and 400 for ids the project does not have or that are not ids', async () => {
    expect(await audienceOf('')).toEqual({
      status: 200,
      body: { people: 0, withEmail: 0, anonymous: 0, mail: 'kept' },
    })
    const unknown = await audienceOf('?requestIds=r_nope')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 'validation_failed', field: 'requestIds' })
    const tooMany = await audienceOf(
      `?requestIds=${Array.from({ length: 51 }, (_, i) => `r_${i}`).join(',')}`,
    )
    expect(tooMany.status).toBe(400)
    const spaced = await audienceOf(`?requestIds=${encodeURIComponent('r_1, r_2')}`)
    expect(spaced.status).toBe(400)
  })
})
