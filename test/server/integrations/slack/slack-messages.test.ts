// spec/api.md v3 "The team's tools", Slack: what the channel hears, over real HTTP with a fake
// Slack on 127.0.0.1: who asked (name, company, plan, MRR), links to the dashboard and the
// public page, customers' comments only, status changes, "shipped for N accounts, $X MRR",
// the changelog, and only the events the set-up names.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../../src/shared/identity'
import { storeBackends } from '../../../helpers/backends'
import { type FakeSlack, messageText, startFakeSlack } from '../../../helpers/fake-slack'
import { type FreshProject, serverWithFreshProject } from '../../../helpers/fresh-project'
import { type Person, patchRequest, visitor, vote } from '../../../helpers/loop-fixtures'
import { mintToken } from '../../../helpers/tokens'

const PUBLIC_URL = 'http://reqio.test'

describe.each(storeBackends())('Slack messages on $name', (backend) => {
  let fresh: FreshProject
  let slack: FakeSlack
  let ann: Person
  let bob: Person
  serverWithFreshProject({ databaseUrl: backend.databaseUrl }, 'Acme', (f) => {
    fresh = f
  })
  beforeAll(async () => {
    slack = await startFakeSlack()
  })
  afterAll(async () => {
    await slack.close()
  })
  beforeEach(async () => {
    slack.messages.length = 0
    ann = await person('ann', {
      name: 'Ann Lee',
      company: { id: 'acme', name: 'Acme Inc' },
      traits: { plan: 'Pro', amount: 49_000, interval: 'month' },
    })
    bob = await person('bob', {
      name: 'Bob Stone',
      traits: { plan: 'Team', amount: 98_000, interval: 'month' },
    })
    await connectSlack()
    const settings = await fresh.server.adminFetch(`/v1/admin/projects/${fresh.projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    expect(settings.status).toBe(200)
  })

  async function person(sub: string, claims: Record<string, unknown>): Promise<Person> {
    const token = await mintToken(fresh.secret, {
      sub,
      aud: audienceFor(fresh.projectId),
      email: `${sub}@example.com`,
      ...claims,
    })
    return { headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: randomUUID() } }
  }

  async function connectSlack(events?: string[]) {
    const res = await fresh.server.adminFetch(
      `/v1/admin/projects/${fresh.projectId}/integrations/slack`,
      { method: 'POST', body: JSON.stringify({ webhookUrl: slack.webhookUrl, events }) },
    )
    expect(res.status).toBe(201)
  }

  async function post(who: Person, path: string, body: unknown): Promise<any> {
    const res = await fetch(`${fresh.server.url}/v1/projects/${fresh.projectId}${path}`, {
      method: 'POST',
      headers: { ...who.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return res.json()
  }

  const submit = async (who: Person, title: string, body = '') =>
    (await post(who, '/requests', { title, body })).request.id as string
  const comment = (who: Person, requestId: string, body: string) =>
    post(who, `/requests/${requestId}/comments`, { body })

  async function teamComment(requestId: string, body: string, internal: boolean) {
    const res = await fresh.server.adminFetch(
      `/v1/admin/projects/${fresh.projectId}/requests/${requestId}/comments`,
      { method: 'POST', body: JSON.stringify({ body, internal }) },
    )
    expect(res.status).toBe(201)
  }

  /** Runs the queue and answers the whole text of every message sent since the last call. */
  async function heard(): Promise<string[]> {
    await fresh.server.drainJobs()
    return slack.messages.splice(0).map(messageText)
  }

  const dashboardLink = (rid: string) =>
    `${PUBLIC_URL}/dashboard/p/${fresh.projectId}/requests/${rid}`
  const publicLink = (rid: string) => `${PUBLIC_URL}/p/${fresh.projectId}/requests/${rid}`

  it('names who asked for a new request (name, company, plan, MRR) and links to it in the dashboard and in public', async () => {
    const rid = await submit(ann, 'Dark mode', 'Our support team works at night.')
    const [message, ...more] = await heard()
    expect(more).toEqual([])
    expect(message).toContain('New request: Dark mode')
    expect(message).toContain('*Ann Lee* · Acme Inc · Pro plan · $490 MRR')
    expect(message).toContain('>Our support team works at night.')
    expect(message).toContain(`<${dashboardLink(rid)}|`)
    expect(message).toContain(`<${publicLink(rid)}|Public page>`)

    const anonymous = await submit(visitor(), 'Export to CSV <!channel>')
    const [visitorMessage = ''] = await heard()
    expect(visitorMessage).toContain('an anonymous visitor')
    // A customer's words cannot mention the whole channel or forge a link.
    expect(visitorMessage).toContain('Export to CSV &lt;!channel&gt;')
    // Only the header, plain text that Slack shows as it is, keeps the words unescaped.
    const unescaped = visitorMessage.split('\n').filter((line) => line.includes('<!channel>'))
    expect(unescaped).toEqual(['New request: Export to CSV <!channel>'])
    expect(visitorMessage).toContain(dashboardLink(anonymous))
  })

  it("tells customers' comments, with who wrote them, and never the team's replies or internal notes", async () => {
    const rid = await submit(bob, 'SSO with Okta')
    await heard()
    await comment(ann, rid, 'We need this before renewal.')
    await teamComment(rid, 'On our list for Q1.', false)
    await teamComment(rid, 'Ann is a big account.', true)
    await comment(visitor(), rid, 'Same here!')
    const messages = await heard()
    expect(messages).toHaveLength(2)
    // One project's messages go out a few at a time: their order is not promised.
    const fromAnn = messages.find((m) => m.includes('renewal')) ?? ''
    const fromVisitor = messages.find((m) => m.includes('Same here')) ?? ''
    expect(fromAnn).toContain('*Ann Lee* commented on')
    expect(fromAnn).toContain('SSO with Okta')
    expect(fromAnn).toContain('>We need this before renewal.')
    expect(fromAnn).toContain('Acme Inc · Pro plan · $490 MRR')
    expect(fromAnn).toContain(publicLink(rid))
    expect(fromVisitor).toContain('>Same here!')
    expect(fromVisitor).toContain('An anonymous visitor')
    expect(messages.join('\n')).not.toContain('On our list')
    expect(messages.join('\n')).not.toContain('big account')
  })

  it('tells a status change from and to, and a request done as shipped for N accounts and $X MRR', async () => {
    const rid = await submit(ann, 'Audit log')
    await vote(fresh.server, fresh.projectId, bob, rid)
    await vote(fresh.server, fresh.projectId, visitor(), rid)
    await heard()

    await patchRequest(fresh.server, fresh.projectId, rid, { title: 'Audit log export' })
    expect(await heard()).toEqual([])

    await patchRequest(fresh.server, fresh.projectId, rid, { status: 'planned' })
    const [planned] = await heard()
    expect(planned).toContain('moved from *Open* to *Planned*')
    expect(planned).toContain('3 votes · asked by 2 accounts, $1,470 MRR')
    expect(planned).toContain(dashboardLink(rid))

    await patchRequest(fresh.server, fresh.projectId, rid, {
      status: 'done',
      statusNote: 'In every plan from today.',
    })
    const [done] = await heard()
    expect(done).toContain('Audit log export shipped for 2 accounts, $1,470 MRR')
    expect(done).toContain('>In every plan from today.')
    expect(done).toContain(publicLink(rid))
  })

  it('tells a published changelog entry with what it shipped, each account counted once', async () => {
    const first = await submit(ann, 'Dark mode')
    const second = await submit(bob, 'Keyboard shortcuts')
    await vote(fresh.server, fresh.projectId, bob, first)
    await vote(fresh.server, fresh.projectId, ann, second)
    await heard()
    const res = await fresh.server.adminFetch(`/v1/admin/projects/${fresh.projectId}/changelog`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'December release',
        body: 'Two things you asked for.',
        requestIds: [first, second],
        publish: true,
      }),
    })
    expect(res.status).toBe(201)
    const [message, ...more] = await heard()
    expect(more).toEqual([])
    expect(message).toContain(`<${PUBLIC_URL}/p/${fresh.projectId}/changelog|December release>`)
    expect(message).toContain(`<${dashboardLink(first)}|Dark mode>: 2 accounts, $1,470 MRR`)
    expect(message).toContain(`<${dashboardLink(second)}|Keyboard shortcuts>`)
    expect(message).toContain(publicLink(second))
    expect(message).toContain('Shipped for 2 accounts, $1,470 MRR')
  })

  it('tells only the events the set-up names, and nothing once Slack is removed', async () => {
    await connectSlack(['request.updated'])
    const rid = await submit(ann, 'Webhooks for Zapier')
    await comment(bob, rid, 'Yes please')
    await patchRequest(fresh.server, fresh.projectId, rid, { status: 'in_progress' })
    const messages = await heard()
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('moved from *Open* to *In progress*')

    const removed = await fresh.server.adminFetch(
      `/v1/admin/projects/${fresh.projectId}/integrations/slack`,
      { method: 'DELETE' },
    )
    expect(removed.status).toBe(204)
    await patchRequest(fresh.server, fresh.projectId, rid, { status: 'planned' })
    expect(await heard()).toEqual([])
  })
})
