import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { enqueueEvent } from '../../src/server/events/events'
import { truncateAllTables } from '../../src/server/store/reset'
import { storeBackends } from '../helpers/backends'
import {
  customer,
  type Person,
  patchRequest,
  submit,
  visitor,
  vote,
} from '../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../helpers/start-server'

describe.each(storeBackends())('widget updates on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let server: TestServer
  let projectId: string
  let ann: Person
  let bob: Person
  let requestId: string

  const updates = async (person: Person) => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/updates`, {
      headers: person.headers,
    })
    expect(res.status).toBe(200)
    return res.json()
  }
  const read = async (person: Person, body: unknown) => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/updates/read`, {
      method: 'POST',
      headers: { ...person.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(200)
    return res.json()
  }

  beforeAll(async () => {
    server = await startTestServer({ clock, databaseUrl: backend.databaseUrl, demo: false })
  })
  afterAll(async () => {
    await server.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    const created = await server.createProject('Acme')
    projectId = created.project.id
    ann = await customer(created.secret, projectId, { sub: 'ann' }, clock.now())
    bob = await customer(
      created.secret,
      projectId,
      { sub: 'bob', email: 'bob@example.com' },
      clock.now(),
    )
    requestId = await submit(server, projectId, ann, 'Dark mode')
    await vote(server, projectId, bob, requestId)
  })

  it('lists a status change for the author and each identified voter, email or not, newest first', async () => {
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    clock.advance(1_000)
    await server.store.db.transaction((tx) =>
      enqueueEvent(
        tx,
        {
          type: 'comment.created',
          projectId,
          requestId,
          commentId: 'c1',
          body: 'On it',
          kind: 'team',
          internal: false,
          authorName: 'Team',
          authorSub: null,
          teamMemberEmail: null,
        },
        clock.now(),
      ),
    )
    await server.drainJobs()
    for (const person of [ann, bob]) {
      const body = await updates(person)
      expect(body.unread).toBe(2)
      expect(body.updates).toEqual([
        expect.objectContaining({
          requestId,
          title: 'Dark mode',
          kind: 'reply',
          status: 'planned',
          read: false,
        }),
        expect.objectContaining({
          requestId,
          title: 'Dark mode',
          kind: 'status',
          status: 'planned',
          read: false,
        }),
      ])
    }
  })

  it('answers an anonymous visitor with nothing', async () => {
    const someone = visitor()
    await vote(server, projectId, someone, requestId)
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    await server.drainJobs()
    expect(await updates(someone)).toEqual({ updates: [], unread: 0 })
    expect(await read(someone, {})).toEqual({ unread: 0 })
  })

  it('marks the given updates read, or all of them, and answers the unread count', async () => {
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    await patchRequest(server, projectId, requestId, { status: 'in_progress' })
    await patchRequest(server, projectId, requestId, { status: 'done' })
    await server.drainJobs()
    const { updates: list } = await updates(ann)
    expect(list).toHaveLength(3)
    expect(await read(ann, { ids: [list[0].id, 'not-an-id'] })).toEqual({ unread: 2 })
    expect((await updates(ann)).updates[0].read).toBe(true)
    expect(await read(ann, {})).toEqual({ unread: 0 })
    expect((await updates(bob)).unread).toBe(3) // bob's are his own
  })

  it('tells of a shipped changelog entry, and nothing of a title change', async () => {
    await patchRequest(server, projectId, requestId, { title: 'Dark theme' })
    await server.store.db.transaction((tx) =>
      enqueueEvent(
        tx,
        {
          type: 'changelog.published',
          projectId,
          entryId: 'e1',
          title: 'v2',
          requestIds: [requestId],
          teamMemberEmail: null,
        },
        clock.now(),
      ),
    )
    await server.drainJobs()
    const body = await updates(bob)
    expect(body.updates).toEqual([
      expect.objectContaining({ kind: 'shipped', title: 'Dark theme' }),
    ])
  })

  it('refuses ids that are not a list of strings', async () => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/updates/read`, {
      method: 'POST',
      headers: { ...ann.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: 'all' }),
    })
    expect(res.status).toBe(400)
  })
})
