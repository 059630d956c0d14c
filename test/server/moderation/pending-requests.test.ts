import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PORTAL_ANONYMOUS_COOKIE } from '../../../src/server/portal/portal-anonymous-id'
import type { BacklogRequest, FeedbackRequest } from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { addWebhook, type Person } from '../../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'

describe.each(storeBackends())('requests waiting for approval on $name', (backend) => {
  let server: TestServer
  let receiver: WebhookReceiver
  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend.databaseUrl })
    receiver = await startWebhookReceiver()
  })
  afterAll(async () => {
    await server.close()
    await receiver.close()
  })

  async function project(moderation: 'off' | 'anonymous' | 'all') {
    const { project, secret } = await server.createProject('Acme')
    const admin = (path: string, init: RequestInit = {}) =>
      server.adminFetch(`/v1/admin/projects/${project.id}${path}`, init)
    const settings = await admin('', {
      method: 'PATCH',
      body: JSON.stringify({
        settings: { moderation, allowAnonymousComments: true, portal: { enabled: true } },
      }),
    })
    expect(settings.status).toBe(200)
    expect(
      ((await settings.json()) as { project: { settings: { moderation: string } } }).project
        .settings.moderation,
    ).toBe(moderation)
    await addWebhook(server, project.id, receiver.url, ['request.created'])
    const api = (path: string, person: Person, init: RequestInit = {}) =>
      fetch(`${server.url}/v1/projects/${project.id}${path}`, {
        ...init,
        headers: { ...person.headers, 'Content-Type': 'application/json' },
      })
    const customer = async (sub: string): Promise<Person> => {
      const token = await mintToken(secret, { sub, aud: audienceFor(project.id) })
      return { headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: randomUUID() } }
    }
    const submit = async (person: Person, title: string) => {
      const res = await api('/requests', person, {
        method: 'POST',
        body: JSON.stringify({ title }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { request: FeedbackRequest }).request
    }
    const listIds = async (person: Person) =>
      ((await (await api('/requests?sort=new', person)).json()) as { requests: FeedbackRequest[] })
        .requests
    const backlog = async (query = '') =>
      ((await (await admin(`/backlog${query}`)).json()) as { requests: BacklogRequest[] }).requests
    const createdEvents = () =>
      receiver.received
        .map((delivery) => JSON.parse(delivery.body) as { data: { request: { id: string } } })
        .map((event) => event.data.request.id)
    return { id: project.id, admin, api, customer, submit, listIds, backlog, createdEvents }
  }

  const anonymous = (): Person => ({ headers: { [ANONYMOUS_ID_HEADER]: randomUUID() } })

  it('refuses a moderation setting it does not know', async () => {
    const { project } = await server.createProject('Acme')
    const res = await server.adminFetch(`/v1/admin/projects/${project.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { moderation: 'sometimes' } }),
    })
    expect(res.status).toBe(400)
    const settings = (await (await server.adminFetch('/v1/admin/projects')).json()) as {
      projects: { id: string; settings: { moderation: string } }[]
    }
    expect(settings.projects.find((one) => one.id === project.id)?.settings.moderation).toBe('off')
  })

  it("with `anonymous`, an anonymous visitor's request is pending: only they and the team see it, nobody is told", async () => {
    const p = await project('anonymous')
    const author = anonymous()
    const stranger = anonymous()
    const ann = await p.customer('ann')
    const pending = await p.submit(author, 'Cheap watches')
    expect(pending).toMatchObject({ status: 'pending', mine: true, votes: 1, voted: true })
    // An identified customer's request is not held back.
    expect((await p.submit(ann, 'Dark mode')).status).toBe('open')

    expect(await (await p.api(`/requests/${pending.id}`, author)).json()).toMatchObject({
      request: { id: pending.id, status: 'pending', mine: true },
    })
    expect((await p.listIds(author)).map((request) => request.id)).toContain(pending.id)
    for (const other of [stranger, ann]) {
      const res = await p.api(`/requests/${pending.id}`, other)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'request_not_found',
      )
      expect((await p.listIds(other)).map((request) => request.id)).not.toContain(pending.id)
      expect((await p.api(`/requests/${pending.id}/vote`, other, { method: 'POST' })).status).toBe(
        404,
      )
      const comment = await p.api(`/requests/${pending.id}/comments`, other, {
        method: 'POST',
        body: '{"body":"+1"}',
      })
      expect(comment.status).toBe(404)
    }
    // Its author may comment on it while it waits.
    const own = await p.api(`/requests/${pending.id}/comments`, author, {
      method: 'POST',
      body: '{"body":"More details"}',
    })
    expect(own.status).toBe(201)
    const told = await server.store.db.query(
      "SELECT 1 FROM jobs WHERE payload ->> 'requestId' = $1 AND payload ->> 'type' = 'comment.created'",
      [pending.id],
    )
    expect(told).toEqual([])
    // The roadmap, search and the portal leave it out for anyone else.
    expect(await (await p.api('/requests?q=watches', stranger)).text()).not.toContain(pending.id)
    expect((await fetch(`${server.url}/p/${p.id}/requests/${pending.id}`)).status).toBe(404)
    expect(await (await fetch(`${server.url}/p/${p.id}`)).text()).not.toContain('Cheap watches')

    // The team sees it waiting, apart from the backlog; nobody was told of it.
    expect((await p.backlog()).map((request) => request.id)).not.toContain(pending.id)
    const waiting = await p.backlog('?status=pending')
    expect(waiting.map((request) => request.id)).toEqual([pending.id])
    await server.drainJobs()
    expect(p.createdEvents()).not.toContain(pending.id)
    // A status is not how it gets out: approving is.
    const patched = await p.admin(`/requests/${pending.id}`, {
      method: 'PATCH',
      body: '{"status":"planned"}',
    })
    expect(patched.status).toBe(409)

    const approved = await p.admin(`/requests/${pending.id}/approve`, { method: 'POST' })
    expect(approved.status).toBe(200)
    expect(((await approved.json()) as { request: BacklogRequest }).request).toMatchObject({
      id: pending.id,
      status: 'open',
    })
    await server.drainJobs()
    expect(p.createdEvents()).toContain(pending.id)
    expect((await p.api(`/requests/${pending.id}`, stranger)).status).toBe(200)
    expect((await p.listIds(stranger)).map((request) => request.id)).toContain(pending.id)
    // Approving twice finds nothing waiting.
    expect((await p.admin(`/requests/${pending.id}/approve`, { method: 'POST' })).status).toBe(404)
  })

  it("with `all`, everyone's request waits; rejecting is deleting, after which its author no longer sees it", async () => {
    const p = await project('all')
    const ann = await p.customer('ann')
    const request = await p.submit(ann, 'Audit log')
    expect(request.status).toBe('pending')
    expect((await p.listIds(ann)).map((one) => one.status)).toEqual(['pending'])
    expect((await p.admin(`/requests/${request.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await p.api(`/requests/${request.id}`, ann)).status).toBe(404)
    expect(await p.listIds(ann)).toEqual([])
    expect(await p.backlog('?status=pending')).toEqual([])
    expect((await p.backlog('?deleted=true')).map((one) => one.id)).toEqual([request.id])
    // Requests the team files for a customer never wait.
    const onBehalf = await p.admin('/requests', {
      method: 'POST',
      body: JSON.stringify({ title: 'SSO', onBehalfOf: { sub: 'bob' } }),
    })
    expect(onBehalf.status).toBe(201)
    expect(((await onBehalf.json()) as { request: BacklogRequest }).request.status).toBe('open')
  })

  it('on the portal, the visitor who filed it sees it as waiting for review; anyone else gets 404', async () => {
    const p = await project('anonymous')
    const res = await fetch(`${server.url}/p/${p.id}/requests`, {
      method: 'POST',
      headers: { Origin: server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Cheap watches', body: 'Visit my shop' }),
    })
    expect(res.status).toBe(201)
    const { request } = (await res.json()) as { request: FeedbackRequest }
    expect(request.status).toBe('pending')
    const cookie = res.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair?.startsWith(`${PORTAL_ANONYMOUS_COOKIE}=`))
    expect(cookie).toBeTruthy()
    const asAuthor = { headers: { Cookie: cookie ?? '' } }

    const page = await fetch(`${server.url}/p/${p.id}/requests/${request.id}`, asAuthor)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Waiting for review')
    const board = await (await fetch(`${server.url}/p/${p.id}`, asAuthor)).text()
    expect(board).toContain('Cheap watches')
    expect((await fetch(`${server.url}/p/${p.id}/requests/${request.id}`)).status).toBe(404)
    expect(await (await fetch(`${server.url}/p/${p.id}`)).text()).not.toContain('Cheap watches')
  })
})
