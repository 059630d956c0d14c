// The People page's API over real HTTP on both databases: list, search, one person's page, 404.
import { describe, expect, it } from 'vitest'
import type { PeopleListResponse, PersonDetailResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { adminJson, customersOf } from './people-fixtures'

describe.each(storeBackends())('people on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  let customers: ReturnType<typeof customersOf>
  const people = (query = '') =>
    adminJson<PeopleListResponse>(server, `/v1/admin/projects/${projectId}/people${query}`)

  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    server = fresh.server
    projectId = fresh.projectId
    customers = customersOf(server, projectId, fresh.secret)
  })

  async function ann() {
    return customers.token('ann-1', {
      email: 'Ann@Example.com',
      name: 'Ann Lee',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
      company: { id: 'globex', name: 'Globex Corp' },
    })
  }

  it('lists each person with their facts and counts, as numbers', async () => {
    const token = await ann()
    const dark = await customers.submit('Dark mode', token)
    const csv = await customers.submit('CSV export')
    await customers.vote(csv, token)
    await customers.comment(dark, 'Please', token)
    await customers.comment(csv, 'Also this', token)

    const { people: list, nextCursor } = await people()
    expect(nextCursor).toBeNull()
    expect(list).toEqual([
      {
        sub: 'ann-1',
        email: 'Ann@Example.com',
        name: 'Ann Lee',
        plan: 'pro',
        mrrCents: 4900,
        mrrSource: 'token',
        mrrAsOf: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        atRisk: false,
        company: { id: 'globex', name: 'Globex Corp' },
        lastSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        requests: 1,
        votes: 2,
        comments: 2,
      },
    ])
  })

  it('finds people by email, name, sub or company name, whatever the case', async () => {
    const token = await ann()
    await customers.vote(await customers.submit('Dark mode'), token)
    await customers.vote(
      await customers.submit('CSV'),
      await customers.token('bob-2', { email: 'bob@corp.test', name: 'Bob Stone' }),
    )
    const subsFor = async (q: string) =>
      (await people(`?q=${encodeURIComponent(q)}`)).people.map((person) => person.sub).sort()
    expect(await subsFor('ann@example')).toEqual(['ann-1'])
    expect(await subsFor('bob stone')).toEqual(['bob-2'])
    expect(await subsFor('BOB-2')).toEqual(['bob-2'])
    expect(await subsFor('globex')).toEqual(['ann-1'])
    expect(await subsFor('-')).toEqual(['ann-1', 'bob-2'])
    expect(await subsFor('%')).toEqual([]) // literal, not a wildcard
    expect(await subsFor('nobody')).toEqual([])
  })

  it('answers one person with their requests, votes and comments in the admin shapes', async () => {
    const token = await ann()
    const dark = await customers.submit('Dark mode', token)
    const csv = await customers.submit('CSV export')
    await customers.vote(csv, token)
    const commentId = await customers.comment(csv, 'Please', token)

    const { person } = await adminJson<PersonDetailResponse>(
      server,
      `/v1/admin/projects/${projectId}/people/ann-1`,
    )
    expect(person).toMatchObject({ sub: 'ann-1', email: 'Ann@Example.com', mrrCents: 4900 })
    expect(person.requests.map((r) => [r.id, r.title, r.mrrCents])).toEqual([
      [dark, 'Dark mode', 4900],
    ])
    expect(person.votes.map((vote) => vote.requestId).sort()).toEqual([dark, csv].sort())
    expect(person.votes[0]?.createdAt).toMatch(/^\d{4}-/)
    expect(person.comments).toEqual([
      expect.objectContaining({
        id: commentId,
        body: 'Please',
        author: expect.objectContaining({ sub: 'ann-1', email: 'Ann@Example.com' }),
      }),
    ])
    // Both requests lose Globex's MRR when Ann goes: she is its only voter on each.
    expect(person.erasure).toEqual({
      votes: 2,
      comments: 1,
      requestsLosingRevenue: 2,
      mrrCents: 9800,
    })
  })

  it('answers 404 not_found for a sub nobody sent, and for another project’s person', async () => {
    await customers.vote(await customers.submit('Dark mode'), await ann())
    const other = await server.createProject('Other')
    for (const path of [
      `/v1/admin/projects/${projectId}/people/nobody`,
      `/v1/admin/projects/${projectId}/people/nobody/export`,
      `/v1/admin/projects/${other.project.id}/people/ann-1`,
    ]) {
      const res = await server.adminFetch(path)
      expect(res.status, path).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    }
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/people/nobody`, {
      method: 'DELETE',
    })
    expect(res.status).toBe(404)
  })

  it('refuses a q of more than 200 characters with validation_failed', async () => {
    const res = await server.adminFetch(
      `/v1/admin/projects/${projectId}/people?q=${'x'.repeat(201)}`,
    )
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed')
  })
})
