import { beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../../src/server/clock'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../../src/shared/identity'
import type { TeamEmailSettings } from '../../../../src/shared/team-email'
import { storeBackends } from '../../../helpers/backends'
import { type Person, submit } from '../../../helpers/loop-fixtures'
import { serverWithSmtpSink } from '../../../helpers/mailing-server'
import type { ReceivedMail, SmtpSink } from '../../../helpers/smtp-sink'
import type { TestServer } from '../../../helpers/start-server'
import { joinTeam, type SignedInMember, setUpOwner } from '../../../helpers/team'
import { mintToken } from '../../../helpers/tokens'

/** Where the jobs' links point while REQIO_PUBLIC_URL is unset (the test server's default). */
const PUBLIC_URL = 'http://reqio.test'

const addresses = (mails: ReceivedMail[]) => mails.flatMap((mail) => mail.recipients).sort()
const mailTo = (mails: ReceivedMail[], address: string) =>
  mails.filter((mail) => mail.recipients.includes(address))

describe.each(storeBackends())('team email over real HTTP and SMTP on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let smtp: SmtpSink
  let server: TestServer
  let projectId: string
  let secret: string
  let owner: SignedInMember
  let admin: SignedInMember
  let ann: Person

  serverWithSmtpSink(
    {
      clock,
      demo: false,
      databaseUrl: backend.databaseUrl,
      notify: { mailCoalesceSeconds: 60, mailRetrySeconds: [5, 10] },
    },
    (started, sink) => {
      server = started
      smtp = sink
    },
  )

  /** Fans the events out, then lets the coalescing window pass and sends what waited. */
  const afterWindow = async () => {
    await server.drainJobs()
    clock.advance(61_000)
    await server.drainJobs()
  }
  const settingsOf = async (who: SignedInMember) => {
    const res = await who.fetch('/v1/auth/notifications')
    expect(res.status).toBe(200)
    return (await res.json()) as TeamEmailSettings
  }
  const choose = async (who: SignedInMember, choice: Partial<TeamEmailSettings>) => {
    const res = await who.fetch('/v1/auth/notifications', {
      method: 'PUT',
      body: JSON.stringify(choice),
    })
    expect(res.status).toBe(200)
    return (await res.json()) as TeamEmailSettings
  }
  const customerNamed = async (sub: string, name: string, pid = projectId, key = secret) => {
    const token = await mintToken(
      key,
      {
        sub,
        aud: audienceFor(pid),
        email: `${sub}@customer.test`,
        name,
        company: { id: 'globex', name: 'Globex' },
        traits: { plan: 'pro', amount: 49_000, interval: 'month' },
      },
      { nowMs: clock.now() },
    )
    return { headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: `anon-${sub}` } }
  }
  const comment = async (person: Person, requestId: string, body: string, pid = projectId) => {
    const res = await fetch(`${server.url}/v1/projects/${pid}/requests/${requestId}/comments`, {
      method: 'POST',
      headers: { ...person.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body }),
    })
    expect(res.status).toBe(201)
  }
  const adminCall = async (who: SignedInMember, path: string, body: unknown, status = 201) => {
    const res = await who.fetch(`/v1/admin/projects/${projectId}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    })
    expect(res.status, await res.clone().text()).toBe(status)
    return res.json() as Promise<{ request?: { id: string } }>
  }

  beforeEach(async () => {
    const created = await server.createProject('Acme')
    projectId = created.project.id
    secret = created.secret
    owner = await setUpOwner(server, { email: 'olive@team.test' })
    admin = await joinTeam(server, owner, 'admin', 'adam@team.test')
    ann = await customerNamed('ann', 'Ann')
    smtp.messages.length = 0 // the invite
  })

  it('emails owners and admins by default, one email per window with a link into the dashboard', async () => {
    const member = await joinTeam(server, owner, 'member', 'mia@team.test')
    const viewer = await joinTeam(server, owner, 'viewer', 'vic@team.test')
    smtp.messages.length = 0 // the invites
    expect(await settingsOf(owner)).toEqual({ newRequest: true, newComment: true })
    expect(await settingsOf(admin)).toEqual({ newRequest: true, newComment: true })
    expect(await settingsOf(member)).toEqual({ newRequest: false, newComment: false })
    expect(await settingsOf(viewer)).toEqual({ newRequest: false, newComment: false })

    const allowVisitors = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    expect(allowVisitors.status).toBe(200)
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    await comment(ann, requestId, 'Our night shift needs it.')
    await comment({ headers: { [ANONYMOUS_ID_HEADER]: 'anon-visitor-1' } }, requestId, 'Me too!')
    await server.drainJobs()
    expect(smtp.messages).toEqual([]) // the window has not passed
    await afterWindow()

    expect(addresses(smtp.messages)).toEqual(['adam@team.test', 'olive@team.test'])
    const [toOwner] = mailTo(smtp.messages, 'olive@team.test')
    expect(toOwner?.parsed.subject).toBe('[Acme] 1 new request and 2 new comments')
    const text = toOwner?.parsed.text ?? ''
    expect(text).toContain('New request: “Dark mode” from Ann (Globex, $490.00 MRR)')
    expect(text).toContain('Ann (Globex, $490.00 MRR) commented on “Dark mode”')
    expect(text).toContain('Our night shift needs it.')
    expect(text).toContain('An anonymous visitor commented on “Dark mode”')
    expect(text).toContain(`${PUBLIC_URL}/dashboard/p/${projectId}/requests/${requestId}`)
    expect(text).toContain(`${PUBLIC_URL}/dashboard/#/account`)
    expect(text).not.toContain('ann@customer.test')
    expect(toOwner?.parsed.html).toContain(
      `href="${PUBLIC_URL}/dashboard/p/${projectId}/requests/${requestId}"`,
    )

    // A member who opts in hears of the next comment, alone in its email.
    expect(await choose(member, { newComment: true })).toEqual({
      newRequest: false,
      newComment: true,
    })
    expect(await settingsOf(member)).toEqual({ newRequest: false, newComment: true })
    await comment(ann, requestId, 'Any news?')
    await afterWindow()
    const later = smtp.messages.slice(2)
    expect(addresses(later)).toEqual(['adam@team.test', 'mia@team.test', 'olive@team.test'])
    expect(mailTo(later, 'mia@team.test')[0]?.parsed.subject).toBe(
      '[Acme] Ann (Globex, $490.00 MRR) commented on “Dark mode”',
    )
  })

  it('respects an opt-out, even one made while the email waits out its window', async () => {
    await choose(owner, { newRequest: false })
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    await server.drainJobs() // fanned out: only the admin's line waits
    expect(await server.store.db.query('SELECT 1 FROM team_mail_items')).toHaveLength(1)

    await comment(ann, requestId, 'Please')
    await server.drainJobs() // owner and admin each have a comment line waiting
    await choose(owner, { newComment: false })
    await afterWindow()
    expect(addresses(smtp.messages)).toEqual(['adam@team.test'])
    expect(smtp.messages[0]?.parsed.subject).toBe('[Acme] 1 new request and 1 new comment')
    // The owner's dropped line is closed, not sent later.
    await comment(ann, requestId, 'Again')
    await choose(owner, { newComment: true })
    await afterWindow()
    expect(mailTo(smtp.messages, 'olive@team.test').map((mail) => mail.parsed.text)).toEqual([
      expect.not.stringContaining('Please'),
    ])
  })

  it("never emails a member about their own action: on a customer's behalf, replies and notes", async () => {
    const filed = await adminCall(owner, '/requests', {
      title: 'SSO',
      onBehalfOf: { sub: 'bea', name: 'Bea' },
    })
    const requestId = filed.request?.id ?? ''
    await adminCall(owner, `/requests/${requestId}/comments`, {
      body: 'Bea says: soon please',
      onBehalfOf: { sub: 'bea' },
    })
    await adminCall(admin, `/requests/${requestId}/comments`, { body: 'We are on it.' })
    await adminCall(admin, `/requests/${requestId}/comments`, {
      body: 'Internal: ask sales',
      internal: true,
    })
    await afterWindow()
    // The admin hears what the owner filed for Bea; nobody hears the team's own words.
    expect(addresses(smtp.messages)).toEqual(['adam@team.test'])
    const text = smtp.messages[0]?.parsed.text ?? ''
    expect(smtp.messages[0]?.parsed.subject).toBe('[Acme] 1 new request and 1 new comment')
    expect(text).toContain('New request: “SSO” from Bea')
    expect(text).not.toContain('We are on it.')
    expect(text).not.toContain('Internal')
  })

  it('tells the team of a held-back request once approved, but not the member who approved it', async () => {
    const moderated = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { moderation: 'all' } }),
    })
    expect(moderated.status).toBe(200)
    const requestId = await submit(server, projectId, ann, 'Free trial')
    await afterWindow()
    expect(smtp.messages).toEqual([]) // nobody hears of it while it waits
    await adminCall(admin, `/requests/${requestId}/approve`, {}, 200)
    await afterWindow()
    expect(addresses(smtp.messages)).toEqual(['olive@team.test'])
    expect(smtp.messages[0]?.parsed.subject).toBe(
      '[Acme] New request: “Free trial” from Ann (Globex, $490.00 MRR)',
    )
  })

  it('tells each project apart: one email per project, each holding only its own news', async () => {
    const other = await server.createProject('Initech')
    const bob = await customerNamed('bob', 'Bob', other.project.id, other.secret)
    await submit(server, projectId, ann, 'Dark mode')
    await submit(server, projectId, ann, 'CSV export')
    await submit(server, other.project.id, bob, 'Audit log')
    await afterWindow()
    const toOwner = mailTo(smtp.messages, 'olive@team.test')
    expect(toOwner.map((mail) => mail.parsed.subject).sort()).toEqual([
      '[Acme] 2 new requests',
      '[Initech] New request: “Audit log” from Bob (Globex, $490.00 MRR)',
    ])
    const acme = toOwner.find((mail) => mail.parsed.subject?.startsWith('[Acme]'))
    expect(acme?.parsed.text).toContain('“Dark mode”')
    expect(acme?.parsed.text).toContain('“CSV export”')
    expect(acme?.parsed.text).not.toContain('Audit log')
    expect(smtp.messages).toHaveLength(4) // owner and admin, two projects each
  })

  it('refuses a choice of the wrong type naming the field, and answers nobody signed out', async () => {
    const wrong = await owner.fetch('/v1/auth/notifications', {
      method: 'PUT',
      body: JSON.stringify({ newRequest: 'no' }),
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'newRequest' },
    })
    const unknown = await owner.fetch('/v1/auth/notifications', {
      method: 'PUT',
      body: JSON.stringify({ newVote: true }),
    })
    expect(unknown.status).toBe(400)
    expect(await settingsOf(owner)).toEqual({ newRequest: true, newComment: true })
    const anonymous = await fetch(`${server.url}/v1/auth/notifications`)
    expect(anonymous.status).toBe(401)
    const byToken = await server.adminFetch('/v1/auth/notifications', {
      method: 'PUT',
      body: JSON.stringify({ newRequest: false }),
    })
    expect(byToken.status).toBe(401)
  })
})
