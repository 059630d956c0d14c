// Tags (spec/api.md v3 "Intake and moderation" > Tags): the project's vocabulary over real HTTP
// on both databases: create, list, rename, recolour, delete; refusals; roles; the audit log.
import { describe, expect, it } from 'vitest'
import type { AuditLogResponse, RequestTag } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { joinTeam, setUpOwner } from '../../helpers/team'
import { adminJson } from '../people/people-fixtures'
import { tagsApi } from './tags-helpers'

describe.each(storeBackends())('tags of a project on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  let api: ReturnType<typeof tagsApi>

  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    server = fresh.server
    projectId = fresh.projectId
    api = tagsApi(server, projectId)
  })

  const post = (body: unknown) => server.adminFetch(`${api.base}/tags`, api.send('POST', body))
  const patch = (id: string, body: unknown) =>
    server.adminFetch(`${api.base}/tags/${id}`, api.send('PATCH', body))
  const error = async (res: Response) => ({
    status: res.status,
    ...((await res.json()) as { error: { code: string; field?: string } }).error,
  })

  it('creates a tag with its colour in lower case and lists the tags by name', async () => {
    const mobile = await api.create('mobile', '#0F766E')
    const billing = await api.create('Billing')
    expect(mobile).toEqual({ id: expect.stringMatching(/^tag_/), name: 'mobile', color: '#0f766e' })
    expect(await api.list()).toEqual([billing, mobile])
  })

  it('refuses a second tag of the same name, whatever its case, with 409 conflict', async () => {
    await api.create('Billing')
    expect(await error(await post({ name: ' BILLING ', color: '#000000' }))).toMatchObject({
      status: 409,
      code: 'conflict',
    })
    expect(await api.list()).toHaveLength(1)
  })

  it('refuses names over 40 characters, empty names and colours that are not #rrggbb', async () => {
    const bad: [unknown, string][] = [
      [{ name: 'x'.repeat(41), color: '#000000' }, 'name'],
      [{ name: '   ', color: '#000000' }, 'name'],
      [{ color: '#000000' }, 'name'],
      [{ name: 'Red', color: 'red' }, 'color'],
      [{ name: 'Red', color: '#f00' }, 'color'],
      [{ name: 'Red', color: '#gg0000' }, 'color'],
      [{ name: 'Red', color: 16711680 }, 'color'],
    ]
    for (const [body, field] of bad) {
      expect(await error(await post(body)), JSON.stringify(body)).toMatchObject({
        status: 400,
        code: 'validation_failed',
        field,
      })
    }
    const forty = 'y'.repeat(40)
    expect((await api.create(forty)).name).toBe(forty)
    expect(await api.list()).toHaveLength(1)
  })

  it('renames and recolours a tag, and every request carrying it shows the change', async () => {
    const tag = await api.create('Billing')
    const requestId = await submit('Invoices as PDF')
    expect((await api.tagRequest(requestId, [tag.id])).status).toBe(200)

    const renamed = await adminJson<{ tag: RequestTag }>(
      server,
      `${api.base}/tags/${tag.id}`,
      api.send('PATCH', { name: 'Invoices', color: '#B91C1C' }),
    )
    expect(renamed.tag).toEqual({ id: tag.id, name: 'Invoices', color: '#b91c1c' })
    const board = await publicList()
    expect(board.requests[0]?.tags).toEqual([renamed.tag])
  })

  it('refuses a rename onto another tag’s name, an empty patch and an unknown tag', async () => {
    const billing = await api.create('Billing')
    await api.create('Mobile')
    expect(await error(await patch(billing.id, { name: 'mobile' }))).toMatchObject({
      status: 409,
      code: 'conflict',
    })
    expect(await error(await patch(billing.id, {}))).toMatchObject({ status: 400 })
    expect(await error(await patch(billing.id, { color: 'blue' }))).toMatchObject({
      status: 400,
      field: 'color',
    })
    expect(await error(await patch('tag_nope', { name: 'X' }))).toMatchObject({
      status: 404,
      code: 'not_found',
    })
    // Its own name in another case is not a clash.
    expect((await patch(billing.id, { name: 'BILLING' })).status).toBe(200)
  })

  it('deletes a tag and takes it off every request; a second delete is 404', async () => {
    const tag = await api.create('Billing')
    const keep = await api.create('Mobile')
    const requestId = await submit('Invoices as PDF')
    await api.tagRequest(requestId, [tag.id, keep.id])

    const res = await server.adminFetch(`${api.base}/tags/${tag.id}`, api.send('DELETE'))
    expect(res.status).toBe(204)
    expect(await api.list()).toEqual([keep])
    expect((await publicList()).requests[0]?.tags).toEqual([keep])
    const again = await server.adminFetch(`${api.base}/tags/${tag.id}`, api.send('DELETE'))
    expect(await error(again)).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('keeps each project’s tags to itself', async () => {
    const other = await server.createProject('Other')
    const theirs = await tagsApi(server, other.project.id).create('Billing')
    // The same name is free in this project, and their tag is not ours to change.
    await api.create('Billing')
    expect(await error(await patch(theirs.id, { name: 'Mine' }))).toMatchObject({ status: 404 })
    expect(
      (await server.adminFetch(`${api.base}/tags/${theirs.id}`, api.send('DELETE'))).status,
    ).toBe(404)
  })

  it('writes who created, changed and deleted which tag in the audit log', async () => {
    const tag = await api.create('Billing')
    await patch(tag.id, { name: 'Invoices' })
    await patch(tag.id, { color: '#000000' })
    await server.adminFetch(`${api.base}/tags/${tag.id}`, api.send('DELETE'))
    const { entries } = await adminJson<AuditLogResponse>(server, `${api.base}/audit`)
    expect(entries.slice(0, 4).map((entry) => entry.summary)).toEqual([
      'The admin token deleted the tag “Invoices”',
      'The admin token changed the colour of the tag “Invoices”',
      'The admin token renamed the tag “Billing” to “Invoices”',
      'The admin token created the tag “Billing”',
    ])
  })

  it('lets every role read the tags, admins shape them, and members only tag requests', async () => {
    const owner = await setUpOwner(server)
    const admin = await joinTeam(server, owner, 'admin')
    const member = await joinTeam(server, owner, 'member')
    const viewer = await joinTeam(server, owner, 'viewer')
    const tag = await api.create('Billing')
    const requestId = await submit('Invoices as PDF')
    const tags = `${api.base}/tags`

    for (const who of [admin, member, viewer]) expect((await who.fetch(tags)).status).toBe(200)
    for (const who of [member, viewer]) {
      const create = await who.fetch(tags, api.send('POST', { name: 'X', color: '#000000' }))
      expect(create.status).toBe(403)
      expect((await who.fetch(`${tags}/${tag.id}`, api.send('PATCH', { name: 'Y' }))).status).toBe(
        403,
      )
      expect((await who.fetch(`${tags}/${tag.id}`, api.send('DELETE'))).status).toBe(403)
    }
    const created = await admin.fetch(tags, api.send('POST', { name: 'Mobile', color: '#000000' }))
    expect(created.status).toBe(201)

    const tagIt = (who: typeof member) =>
      who.fetch(`${api.base}/requests/${requestId}`, api.send('PATCH', { tagIds: [tag.id] }))
    expect((await tagIt(viewer)).status).toBe(403)
    expect((await tagIt(member)).status).toBe(200)
  })

  it('refuses the 101st tag of a project with 409 conflict', async () => {
    for (let i = 0; i < 100; i++) await api.create(`Tag ${i}`)
    expect(await error(await post({ name: 'One more', color: '#000000' }))).toMatchObject({
      status: 409,
      code: 'conflict',
    })
  })

  async function submit(title: string): Promise<string> {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-tags-test' },
      body: JSON.stringify({ title }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { request: { id: string } }).request.id
  }

  async function publicList(query = '') {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as { requests: { id: string; tags: RequestTag[] }[] }
  }
})
