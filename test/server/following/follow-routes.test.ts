import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { truncateAllTables } from '../../../src/server/store/reset'
import { storeBackends } from '../../helpers/backends'
import { customer, type Person, submit, visitor, vote } from '../../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../../helpers/start-server'

describe.each(storeBackends())('following a request over real HTTP on $name', (backend) => {
  let server: TestServer
  let projectId: string
  let ann: Person
  let bob: Person
  let cat: Person
  let requestId: string

  const call = (person: Person, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/v1/projects/${projectId}${path}`, {
      method,
      headers: { ...person.headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const followingOf = async (person: Person, id = requestId) => {
    const res = await call(person, 'GET', `/requests/${id}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { request: { following: boolean } }).request.following
  }

  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend.databaseUrl })
  })
  afterAll(async () => {
    await server?.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    const created = await server.createProject('Acme')
    projectId = created.project.id
    ann = await customer(created.secret, projectId, { sub: 'ann', email: 'ann@example.com' })
    bob = await customer(created.secret, projectId, { sub: 'bob' })
    cat = await customer(created.secret, projectId, { sub: 'cat' })
    requestId = await submit(server, projectId, ann, 'Dark mode')
  })

  it('tells the author and a voter they follow by default, and a stranger and a visitor that they do not', async () => {
    await vote(server, projectId, bob, requestId)
    expect(await followingOf(ann)).toBe(true)
    expect(await followingOf(bob)).toBe(true)
    expect(await followingOf(cat)).toBe(false)
    expect(await followingOf(visitor())).toBe(false)
  })

  it('makes a commenter a follower', async () => {
    const res = await call(cat, 'POST', `/requests/${requestId}/comments`, { body: 'Yes please' })
    expect(res.status).toBe(201)
    await server.drainJobs()
    expect(await followingOf(cat)).toBe(true)
  })

  it('answers {following} to follow and unfollow, idempotently, and the detail agrees', async () => {
    const follow = async (person: Person, method: 'POST' | 'DELETE') => {
      const res = await call(person, method, `/requests/${requestId}/follow`)
      expect(res.status).toBe(200)
      return res.json()
    }
    expect(await follow(ann, 'DELETE')).toEqual({ following: false })
    expect(await follow(ann, 'DELETE')).toEqual({ following: false })
    expect(await followingOf(ann)).toBe(false)
    expect(await follow(ann, 'POST')).toEqual({ following: true })
    expect(await follow(ann, 'POST')).toEqual({ following: true })
    expect(await followingOf(ann)).toBe(true)
    expect(await follow(cat, 'POST')).toEqual({ following: true })
    expect(await followingOf(cat)).toBe(true)
  })

  it('refuses anonymous callers with 401 identity_required and an unknown request with 404', async () => {
    for (const method of ['POST', 'DELETE']) {
      const res = await call(visitor(), method, `/requests/${requestId}/follow`)
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'identity_required',
      )
    }
    const missing = await call(ann, 'POST', '/requests/nope/follow')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'request_not_found',
    )
  })

  it('keeps an unfollow of a request merged into another on the one it went into', async () => {
    const other = await submit(server, projectId, cat, 'Night theme')
    await vote(server, projectId, bob, other)
    await call(bob, 'DELETE', `/requests/${other}/follow`)
    const merged = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${other}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: requestId }),
    })
    expect(merged.status).toBe(200)
    await server.drainJobs()
    expect(await followingOf(bob)).toBe(false)
    expect(await followingOf(cat)).toBe(true) // the merged request's author
    // Following the merged request's link follows the one it went into.
    expect(await (await call(bob, 'POST', `/requests/${other}/follow`)).json()).toEqual({
      following: true,
    })
    expect(await followingOf(bob)).toBe(true)
  })
})
