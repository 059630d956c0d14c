// Tags on requests (spec/api.md v3 "Tags") over real HTTP on both databases: PATCH tagIds, the
// tags in every public and admin answer, and ?tag= on the public list and the backlog.
import { describe, expect, it } from 'vitest'
import type { AuditLogResponse, RequestTag } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { adminJson } from '../people/people-fixtures'
import { tagNames, tagsApi } from './tags-helpers'

type Answer = { id: string; tags: RequestTag[] }

describe.each(storeBackends())('tags on requests on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  let api: ReturnType<typeof tagsApi>

  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    server = fresh.server
    projectId = fresh.projectId
    api = tagsApi(server, projectId)
  })

  const publicGet = async <T>(path: string, anon = 'anon-reader'): Promise<T> => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}${path}`, {
      headers: { 'X-Reqio-Anonymous-Id': anon },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as T
  }
  const board = (query = '') =>
    publicGet<{ requests: Answer[] }>(`/requests${query}`).then((body) => body.requests)
  const backlog = (query = '') =>
    adminJson<{ requests: Answer[] }>(server, `${api.base}/backlog${query}`).then(
      (body) => body.requests,
    )
  const error = async (res: Response) => ({
    status: res.status,
    ...((await res.json()) as { error: { code: string; field?: string } }).error,
  })

  async function submit(title: string, anon = 'anon-author'): Promise<string> {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': anon },
      body: JSON.stringify({ title }),
    })
    expect(res.status).toBe(201)
    const { request } = (await res.json()) as { request: Answer }
    expect(request.tags).toEqual([])
    return request.id
  }

  it('sets a request’s tags to exactly the ids sent, answering them by name', async () => {
    const mobile = await api.create('Mobile', '#0f766e')
    const billing = await api.create('billing', '#1d4ed8')
    const api2 = await api.create('API')
    const id = await submit('Invoices on the phone')

    const first = await api.tagRequest(id, [mobile.id, billing.id])
    expect(first.status).toBe(200)
    const { request } = (await first.json()) as { request: Answer }
    expect(request.tags).toEqual([billing, mobile])

    await api.tagRequest(id, [api2.id, mobile.id])
    expect(tagNames((await backlog())[0] as Answer)).toEqual(['API', 'Mobile'])
    await api.tagRequest(id, [])
    expect((await backlog())[0]?.tags).toEqual([])
  })

  it('refuses tag ids that are not this project’s with 400 naming tagIds, changing nothing', async () => {
    const mine = await api.create('Billing')
    const theirs = await tagsApi(server, (await server.createProject('Other')).project.id).create(
      'Billing',
    )
    const id = await submit('Invoices as PDF')
    await api.tagRequest(id, [mine.id])

    for (const tagIds of [[mine.id, theirs.id], ['tag_nope'], [mine.id, mine.id], [''], [42]]) {
      const res = await server.adminFetch(
        `${api.base}/requests/${id}`,
        api.send('PATCH', { tagIds, status: 'planned' }),
      )
      const refused = await error(res)
      expect(refused, JSON.stringify(tagIds)).toMatchObject({
        status: 400,
        code: 'validation_failed',
      })
      expect(refused.field).toMatch(/^tagIds/)
    }
    const notAList = await server.adminFetch(
      `${api.base}/requests/${id}`,
      api.send('PATCH', { tagIds: mine.id }),
    )
    expect(await error(notAList)).toMatchObject({ status: 400, field: 'tagIds' })
    const tooMany = Array.from({ length: 21 }, (_, i) => `tag_${i}`)
    expect(await error(await api.tagRequest(id, tooMany))).toMatchObject({ status: 400 })

    const [request] = await backlog()
    expect(request?.tags).toEqual([mine])
    expect((request as unknown as { status: string }).status).toBe('open')
  })

  it('answers 404 request_not_found for tags on a request the project does not have', async () => {
    const tag = await api.create('Billing')
    expect(await error(await api.tagRequest('r_nope', [tag.id]))).toMatchObject({
      status: 404,
      code: 'request_not_found',
    })
  })

  it('shows the tags in every public answer: list, search, detail, vote, roadmap', async () => {
    const tag = await api.create('Billing')
    const id = await submit('Invoices as PDF')
    await api.tagRequest(id, [tag.id])
    await server.adminFetch(`${api.base}/requests/${id}`, api.send('PATCH', { status: 'planned' }))

    expect((await board())[0]?.tags).toEqual([tag])
    expect((await board('?q=invoices'))[0]?.tags).toEqual([tag])
    expect((await board('?similar=invoices%20pdf'))[0]?.tags).toEqual([tag])
    const detail = await publicGet<{ request: Answer }>(`/requests/${id}`)
    expect(detail.request.tags).toEqual([tag])
    const voted = await fetch(`${server.url}/v1/projects/${projectId}/requests/${id}/vote`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-voter' },
    })
    expect(((await voted.json()) as { request: Answer }).request.tags).toEqual([tag])
    const roadmap = await publicGet<{ lanes: { status: string; requests: Answer[] }[] }>('/roadmap')
    const planned = roadmap.lanes.find((lane) => lane.status === 'planned')
    expect(planned?.requests[0]?.tags).toEqual([tag])
  })

  it('shows the tags in the admin answers: backlog, detail and the PATCH answer', async () => {
    const tag = await api.create('Billing')
    const id = await submit('Invoices as PDF')
    await api.tagRequest(id, [tag.id])
    expect((await backlog())[0]?.tags).toEqual([tag])
    const detail = await adminJson<{ request: Answer }>(server, `${api.base}/requests/${id}`)
    expect(detail.request.tags).toEqual([tag])
  })

  it('narrows the public list to one tag with ?tag=, searched or not, in either sort', async () => {
    const billing = await api.create('Billing')
    const mobile = await api.create('Mobile')
    const pdf = await submit('Invoices as PDF')
    const phone = await submit('Invoices on the phone')
    await submit('Dark mode')
    await api.tagRequest(pdf, [billing.id])
    await api.tagRequest(phone, [billing.id, mobile.id])

    const ids = (requests: Answer[]) => requests.map((request) => request.id).sort()
    expect(ids(await board(`?tag=${billing.id}`))).toEqual([pdf, phone].sort())
    expect(ids(await board(`?tag=${mobile.id}&sort=new`))).toEqual([phone])
    expect(ids(await board(`?tag=${mobile.id}&q=invoices`))).toEqual([phone])
    expect(await board('?tag=tag_nope')).toEqual([])
    expect(await board('?tag=')).toHaveLength(3)

    // A tag change shows on the cached list at once.
    await api.tagRequest(pdf, [mobile.id])
    expect(ids(await board(`?tag=${mobile.id}`))).toEqual([pdf, phone].sort())
  })

  it('narrows the backlog to one tag with ?tag=, with the other filters', async () => {
    const billing = await api.create('Billing')
    const pdf = await submit('Invoices as PDF')
    const phone = await submit('Invoices on the phone')
    await submit('Dark mode')
    await api.tagRequest(pdf, [billing.id])
    await api.tagRequest(phone, [billing.id])
    await server.adminFetch(`${api.base}/requests/${pdf}`, api.send('PATCH', { status: 'planned' }))

    const ids = (requests: Answer[]) => requests.map((request) => request.id).sort()
    expect(ids(await backlog(`?tag=${billing.id}`))).toEqual([pdf, phone].sort())
    expect(ids(await backlog(`?tag=${billing.id}&status=planned`))).toEqual([pdf])
    expect(await backlog('?tag=tag_nope')).toEqual([])
    const csv = await server.adminFetch(`${api.base}/backlog.csv?tag=${billing.id}`)
    expect((await csv.text()).trim().split('\n')).toHaveLength(3)
  })

  it('refuses a ?tag= too long to be a tag id with 400 on the board and the backlog', async () => {
    const long = 'x'.repeat(65)
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests?tag=${long}`)
    expect(await error(res)).toMatchObject({ status: 400, field: 'tag' })
    expect(await error(await server.adminFetch(`${api.base}/backlog?tag=${long}`))).toMatchObject({
      status: 400,
      field: 'tag',
    })
  })

  it('writes one audit line naming the tags added and taken off, none when nothing changed', async () => {
    const billing = await api.create('Billing')
    const mobile = await api.create('Mobile')
    const id = await submit('Invoices as PDF')
    await api.tagRequest(id, [billing.id])
    await api.tagRequest(id, [mobile.id])
    await api.tagRequest(id, [mobile.id])
    await api.tagRequest(id, [])
    const { entries } = await adminJson<AuditLogResponse>(server, `${api.base}/audit`)
    const lines = entries.filter((entry) => entry.action === 'request.tags')
    expect(lines.map((entry) => entry.summary)).toEqual([
      'The admin token took “Mobile” off Invoices as PDF',
      'The admin token tagged Invoices as PDF “Mobile” and took “Billing” off',
      'The admin token tagged Invoices as PDF “Billing”',
    ])
  })

  it('keeps a merged request’s tags for an unmerge, and the target keeps its own', async () => {
    const billing = await api.create('Billing')
    const mobile = await api.create('Mobile')
    const source = await submit('PDF invoices')
    const target = await submit('Invoices as PDF')
    await api.tagRequest(source, [billing.id])
    await api.tagRequest(target, [mobile.id])
    const merged = await adminJson<{ request: Answer }>(
      server,
      `${api.base}/requests/${source}`,
      api.send('PATCH', { mergeInto: target }),
    )
    expect(merged.request.tags).toEqual([mobile])
    const back = await adminJson<{ request: Answer }>(
      server,
      `${api.base}/requests/${source}/unmerge`,
      api.send('POST'),
    )
    expect(back.request.tags).toEqual([billing])
  })
})
