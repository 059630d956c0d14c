// The drawer's server side (issue 26): the admin request detail lists the requests merged
// into it, so Unmerge is offered after any reload; and one PATCH with status and note queues
// one email that carries the note.
import { describe, expect, it } from 'vitest'
import type { AdminRequestDetailResponse, MergedRequest } from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

describe.each(storeBackends())('the admin request detail on $name', (backend) => {
  let server: TestServer
  let projectId: string
  let secret: string
  serverWithFreshProject(
    { databaseUrl: backend.databaseUrl, notify: { mailCoalesceSeconds: 0 } },
    'Acme',
    (fresh) => {
      ;({ server, projectId, secret } = fresh)
    },
  )

  async function submit(title: string, sub: string): Promise<string> {
    const token = await mintToken(secret, {
      sub,
      aud: audienceFor(projectId),
      email: `${sub}@example.com`,
    })
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Reqio-Anonymous-Id': `anon-${sub}`,
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ title }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { request: { id: string } }).request.id
  }

  async function patch(requestId: string, body: Record<string, unknown>): Promise<void> {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(200)
  }

  async function mergedInto(requestId: string): Promise<MergedRequest[]> {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as AdminRequestDetailResponse).request.mergedRequests
  }

  it('lists the requests merged into a request, with their votes, until they are unmerged', async () => {
    const keep = await submit('Export to CSV', 'ann')
    const duplicate = await submit('CSV export', 'bob')
    expect(await mergedInto(keep)).toEqual([])

    await patch(duplicate, { mergeInto: keep })
    const listed = await mergedInto(keep)
    expect(listed).toEqual([
      { id: duplicate, title: 'CSV export', votes: 1, mergedAt: expect.any(String) },
    ])
    expect(Number.isNaN(Date.parse(listed[0]!.mergedAt))).toBe(false)

    const undo = await server.adminFetch(
      `/v1/admin/projects/${projectId}/requests/${duplicate}/unmerge`,
      { method: 'POST', body: '{}' },
    )
    expect(undo.status).toBe(200)
    expect(await mergedInto(keep)).toEqual([])
  })

  it('lists on a merge chain only what Unmerge can take back from that request', async () => {
    const first = await submit('Dark mode', 'ann')
    const second = await submit('Dark theme', 'bob')
    const third = await submit('Night mode', 'cat')
    await patch(first, { mergeInto: second })
    await patch(second, { mergeInto: third })
    // "Dark mode" now points at "Night mode", but only undoing "Dark theme" frees it.
    expect((await mergedInto(third)).map((merged) => merged.title)).toEqual(['Dark theme'])
  })

  it('queues one email that carries the note when status and note are saved together', async () => {
    const requestId = await submit('Dark mode', 'ann')
    await patch(requestId, { status: 'planned', statusNote: 'Coming in the spring release.' })
    await server.drainJobs()
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/mail`)
    const { messages } = (await res.json()) as { messages: { to: string; text: string }[] }
    expect(messages.map((message) => message.to)).toEqual(['ann@example.com'])
    expect(messages[0]!.text).toContain('Coming in the spring release.')
  })
})
