import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Actor, PersonFacts, Store } from '../../src/server/store'
import { anonymousVoter, personVoter } from '../../src/server/store'
import { truncateAllTables } from '../../src/server/store/reset'
import { storeBackends } from '../helpers/backends'

const NOW = Date.parse('2026-03-01T12:00:00Z')

function person(sub: string, mrrCents = 0, iat = NOW / 1000): PersonFacts {
  return {
    sub,
    email: `${sub}@example.com`,
    plan: mrrCents ? 'pro' : null,
    interval: mrrCents ? 'month' : null,
    amountCents: mrrCents || null,
    mrrCents,
    iat,
  }
}
const asPerson = (facts: PersonFacts): Actor => ({ voter: personVoter(facts.sub), person: facts })
const anonymous = (id: string): Actor => ({ voter: anonymousVoter(id), person: null })

describe.each(storeBackends())('store on the $name database', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
  })
  afterAll(async () => {
    await store.close()
  })
  beforeEach(async () => {
    await truncateAllTables(store.db)
    await store.projects.create({ id: 'p1', name: 'P1', secret: 's', now: NOW })
  })

  async function newRequest(title = 'Dark mode', actor: Actor = anonymous('anon-author')) {
    const { request } = await store.requests.create({
      projectId: 'p1',
      actor,
      title,
      body: '',
      idempotencyKey: null,
      now: NOW,
    })
    return request
  }

  it('applies migrations once: opening the same database again changes nothing', async () => {
    const { migrate } = await import('../../src/server/store/migrate')
    expect(await migrate(store.db)).toEqual([])
  })

  it('keeps one vote when one person votes 100 times in parallel', async () => {
    const request = await newRequest()
    const alice = asPerson(person('alice', 4900))
    await Promise.all(
      Array.from({ length: 100 }, () => store.votes.cast('p1', request.id, alice, NOW)),
    )
    const [entry] = await store.backlog.list({ projectId: 'p1', sort: 'votes' })
    // The anonymous author's vote, and Alice's once.
    expect(entry?.votes).toBe(2)
    expect(entry?.mrrCents).toBe(4900)
  })

  it('counts distinct people when many vote in parallel, and a retract removes exactly one', async () => {
    const request = await newRequest()
    const voters = Array.from({ length: 40 }, (_, i) => asPerson(person(`u${i}`, 100)))
    await Promise.all(voters.map((actor) => store.votes.cast('p1', request.id, actor, NOW)))
    await Promise.all(
      [0, 0, 0].map(() => store.votes.retract('p1', request.id, voters[0] as Actor, NOW)),
    )
    const [entry] = await store.backlog.list({ projectId: 'p1', sort: 'votes' })
    // The author's vote plus 39 of the 40.
    expect(entry?.votes).toBe(40)
    expect(entry?.mrrCents).toBe(3900)
  })

  it('answers the same request for the same Idempotency-Key even when the calls race', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.requests.create({
          projectId: 'p1',
          actor: anonymous('anon-retrying'),
          title: 'Export to CSV',
          body: '',
          idempotencyKey: 'key-1',
          now: NOW,
        }),
      ),
    )
    expect(new Set(results.map((r) => r.request.id)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(
      await store.requests.listPublic({ projectId: 'p1', sort: 'new', q: null, voter: null }),
    ).toHaveLength(1)
  })

  it('does not duplicate a double submit of the same title by the same person without a key', async () => {
    const alice = asPerson(person('alice'))
    const create = (now: number) =>
      store.requests.create({
        projectId: 'p1',
        actor: alice,
        title: 'Slack alerts',
        body: '',
        idempotencyKey: null,
        now,
      })
    const [first, second] = await Promise.all([create(NOW), create(NOW + 1000)])
    expect(second?.request.id).toBe(first?.request.id)
    const later = await create(NOW + 60_000)
    expect(later.request.id).not.toBe(first?.request.id)
  })

  it('merges an anonymous id into the person on identify, without double counting, idempotently', async () => {
    const both = await newRequest('Both voted')
    const onlyAnonymous = await newRequest('Only anonymous')
    const alice = person('alice', 2000)
    await store.votes.cast('p1', both.id, anonymous('anon-alice'), NOW)
    await store.votes.cast('p1', both.id, asPerson(alice), NOW)
    await store.votes.cast('p1', onlyAnonymous.id, anonymous('anon-alice'), NOW)

    await store.votes.linkAnonymous('p1', 'anon-alice', alice, NOW)
    await store.votes.linkAnonymous('p1', 'anon-alice', alice, NOW)

    const entries = await store.backlog.list({ projectId: 'p1', sort: 'new' })
    const byTitle = Object.fromEntries(entries.map((e) => [e.title, e]))
    // Each also has its anonymous author's vote.
    expect(byTitle['Both voted']).toMatchObject({ votes: 2, mrrCents: 2000 })
    expect(byTitle['Only anonymous']).toMatchObject({ votes: 2, mrrCents: 2000 })
    const seen = await store.requests.find('p1', onlyAnonymous.id, personVoter('alice'))
    expect(seen?.voted).toBe(true)
  })

  it('moves requests written anonymously to the person on identify', async () => {
    const written = await newRequest('Mine', anonymous('anon-bob'))
    await store.votes.linkAnonymous('p1', 'anon-bob', person('bob'), NOW)
    const again = await store.requests.create({
      projectId: 'p1',
      actor: asPerson(person('bob')),
      title: 'Mine',
      body: '',
      idempotencyKey: null,
      now: NOW + 500,
    })
    expect(again.request.id).toBe(written.id)
  })

  it('updates revenue on every voted request when a newer token brings new traits, never an older one', async () => {
    const a = await newRequest('A')
    const b = await newRequest('B')
    await store.votes.cast('p1', a.id, asPerson(person('carol', 1000, 100)), NOW)
    await store.votes.cast('p1', b.id, asPerson(person('carol', 1000, 100)), NOW)
    await store.people.remember('p1', person('carol', 5000, 200), NOW)
    await store.people.remember('p1', person('carol', 9999, 150), NOW)
    const entries = await store.backlog.list({ projectId: 'p1', sort: 'revenue' })
    expect(entries.map((e) => e.mrrCents)).toEqual([5000, 5000])
    expect(entries[0]?.voters).toMatchObject([
      { sub: 'carol', email: 'carol@example.com', plan: 'pro', mrrCents: 5000, company: null },
    ])
  })

  it('sorts the backlog by revenue, votes or newest', async () => {
    const rich = await newRequest('Rich')
    const popular = await newRequest('Popular')
    await store.votes.cast('p1', rich.id, asPerson(person('whale', 50_000)), NOW)
    for (const id of ['x1', 'x2', 'x3'])
      await store.votes.cast('p1', popular.id, anonymous(`anon-${id}`), NOW)
    const titles = async (sort: 'revenue' | 'votes' | 'new') =>
      (await store.backlog.list({ projectId: 'p1', sort })).map((e) => e.title)
    expect(await titles('revenue')).toEqual(['Rich', 'Popular'])
    expect(await titles('votes')).toEqual(['Popular', 'Rich'])
  })

  it('merges one request into another, keeping one vote per person and summing revenue again', async () => {
    const source = await newRequest('Dark theme')
    const target = await newRequest('Dark mode ')
    const dana = person('dana', 300)
    const eve = person('eve', 700)
    await store.votes.cast('p1', source.id, asPerson(dana), NOW)
    await store.votes.cast('p1', source.id, asPerson(eve), NOW)
    await store.votes.cast('p1', target.id, asPerson(dana), NOW)
    expect(await store.requests.merge('p1', source.id, target.id, NOW)).toBe(true)
    const entries = await store.backlog.list({ projectId: 'p1', sort: 'revenue' })
    expect(entries).toHaveLength(1)
    // Dana, Eve and the one author of both.
    expect(entries[0]).toMatchObject({ id: target.id, votes: 3, mrrCents: 1000 })
    const voted = await store.votes.cast('p1', source.id, anonymous('anon-late'), NOW)
    expect(voted?.request.id).toBe(target.id)
  })

  it('bulk-seeds a backlog whose counters match its votes, for benchmarks', async () => {
    const { bulkSeedProject } = await import('../../src/server/store/bulk-seed')
    await bulkSeedProject(store.db, 'p1', { requests: 50, people: 40, votesPerPerson: 5 })
    const entries = await store.backlog.list({ projectId: 'p1', sort: 'revenue', limit: 500 })
    expect(entries).toHaveLength(50)
    expect(entries.reduce((sum, e) => sum + e.votes, 0)).toBe(200)
    const [top] = entries
    expect(top?.voters[0]?.mrrCents).toBeGreaterThanOrEqual(top?.voters.at(-1)?.mrrCents ?? 0)
  })

  it('bulk-seeds companies, some at risk, with every counter equal to a recount', async () => {
    const { bulkSeedProject } = await import('../../src/server/store/bulk-seed')
    const { expectCountersEqualRecount } = await import('../helpers/revenue-recount')
    await bulkSeedProject(store.db, 'p1', {
      requests: 40,
      people: 300,
      votesPerPerson: 4,
      companies: 100,
      atRiskEvery: 4,
    })
    const [top] = await store.backlog.list({ projectId: 'p1', sort: 'at_risk', limit: 1 })
    expect(top?.atRiskMrrCents).toBeGreaterThan(0)
    await expectCountersEqualRecount(store.db, 'p1')
  })

  it('finds requests by text in the title or body, treating % and _ literally', async () => {
    await newRequest('Export to CSV')
    await newRequest('100% uptime')
    const search = async (q: string) =>
      (await store.requests.listPublic({ projectId: 'p1', sort: 'top', q, voter: null })).map(
        (r) => r.title,
      )
    expect(await search('csv')).toEqual(['Export to CSV'])
    expect(await search('%')).toEqual(['100% uptime'])
  })
})
