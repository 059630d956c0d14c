import { beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { storeBackends } from '../../helpers/backends'
import { customer, type Person, patchRequest, submit, vote } from '../../helpers/loop-fixtures'
import { serverWithSmtpSink } from '../../helpers/mailing-server'
import type { ReceivedMail, SmtpSink } from '../../helpers/smtp-sink'
import type { TestServer } from '../../helpers/start-server'

const PUBLIC_URL = 'https://feedback.acme.test'

function header(mail: ReceivedMail, name: string): string | undefined {
  return mail.parsed.headerLines
    .find((line) => line.key === name)
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ')
}

const addresses = (mails: ReceivedMail[]) => mails.flatMap((m) => m.recipients).sort()

/** The preferences link of an email's footer, made to reach the test server. */
function preferencesLink(mail: ReceivedMail, serverUrl: string): string {
  const found = /https:\/\/\S+\/email-preferences\?token=[\w.-]+/.exec(mail.parsed.text ?? '')
  if (!found) throw new Error(`no preferences link in: ${mail.parsed.text}`)
  return found[0].replace(PUBLIC_URL, serverUrl)
}

describe.each(storeBackends())(
  'following and email preferences over real HTTP and SMTP on $name',
  (backend) => {
    const clock = frozenClock(Date.now())
    let smtp: SmtpSink
    let server: TestServer
    let projectId: string
    let ann: Person
    let bob: Person
    let cat: Person
    let requestId: string

    const afterWindow = async () => {
      await server.drainJobs()
      clock.advance(60_000)
      await server.drainJobs()
    }
    const publicCall = (person: Person, method: string, path: string) =>
      fetch(`${server.url}/v1/projects/${projectId}${path}`, { method, headers: person.headers })
    const follow = async (person: Person, method: 'POST' | 'DELETE') => {
      const res = await publicCall(person, method, `/requests/${requestId}/follow`)
      expect(res.status).toBe(200)
      return (await res.json()) as { following: boolean }
    }
    const updateKinds = async (person: Person) => {
      const res = await publicCall(person, 'GET', '/updates')
      const body = (await res.json()) as { updates: { kind: string; requestId: string }[] }
      return body.updates.map((update) => update.kind)
    }
    const teamReply = async (text: string) => {
      const res = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${requestId}/comments`,
        { method: 'POST', body: JSON.stringify({ body: text }) },
      )
      expect(res.status).toBe(201)
    }
    const ship = async () => {
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
        method: 'POST',
        body: JSON.stringify({
          title: 'March release',
          body: 'Dark mode',
          requestIds: [requestId],
          publish: true,
        }),
      })
      expect(res.status).toBe(201)
    }

    serverWithSmtpSink(
      {
        clock,
        demo: false,
        databaseUrl: backend.databaseUrl,
        notify: { publicUrl: PUBLIC_URL, mailCoalesceSeconds: 60, mailRetrySeconds: [5, 10] },
      },
      (started, sink) => {
        server = started
        smtp = sink
      },
    )
    beforeEach(async () => {
      const created = await server.createProject('Acme')
      projectId = created.project.id
      const now = clock.now()
      ann = await customer(created.secret, projectId, { sub: 'ann', email: 'ann@example.com' }, now)
      bob = await customer(created.secret, projectId, { sub: 'bob', email: 'bob@example.com' }, now)
      cat = await customer(created.secret, projectId, { sub: 'cat', email: 'cat@example.com' }, now)
      requestId = await submit(server, projectId, ann, 'Dark mode')
      await vote(server, projectId, bob, requestId)
    })

    it('sends the status email to the author and the voters, who follow by default', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
      expect(await updateKinds(bob)).toEqual(['status'])
      // Cat neither asked, voted nor commented: she does not follow, and hears nothing.
      expect(await updateKinds(cat)).toEqual([])
    })

    it('sends an unfollower no email and no widget update about that request, until they follow again', async () => {
      expect(await follow(bob, 'DELETE')).toEqual({ following: false })
      // A vote after the unfollow does not undo it.
      await vote(server, projectId, bob, requestId, 'DELETE')
      await vote(server, projectId, bob, requestId)
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await teamReply('On it.')
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com'])
      expect(await updateKinds(bob)).toEqual([])

      expect(await follow(bob, 'POST')).toEqual({ following: true })
      await patchRequest(server, projectId, requestId, { status: 'in_progress' })
      await afterWindow()
      expect(addresses(smtp.messages.slice(1))).toEqual(['ann@example.com', 'bob@example.com'])
      expect(await updateKinds(bob)).toEqual(['status'])
    })

    it('drops news queued for someone who unfollows within the coalescing window', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await server.drainJobs() // fanned out: bob's line waits for the window
      await follow(bob, 'DELETE')
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com'])
    })

    it('lets a stranger follow by hand and hear the next change', async () => {
      expect(await follow(cat, 'POST')).toEqual({ following: true })
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual([
        'ann@example.com',
        'bob@example.com',
        'cat@example.com',
      ])
    })

    it('puts the preferences link in the footer of every kind of email, beside the unsubscribe link', async () => {
      const kinds: Array<[string, () => Promise<void>]> = [
        ['status', () => patchRequest(server, projectId, requestId, { status: 'planned' })],
        ['reply', () => teamReply('We are on it.')],
        ['shipped', ship],
      ]
      for (const [kind, happen] of kinds) {
        smtp.messages.length = 0
        await happen()
        await afterWindow()
        const mail = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')
        expect(mail, kind).toBeDefined()
        const link = `${PUBLIC_URL}/p/${projectId}/email-preferences?token=`
        expect(mail!.parsed.text, kind).toContain(link)
        expect(mail!.parsed.html, kind).toContain(`href="${link}`)
        expect(mail!.parsed.text, kind).toContain(`${PUBLIC_URL}/v1/unsubscribe/`)
        expect(header(mail!, 'list-unsubscribe'), kind).toContain('/v1/unsubscribe/')
      }
    })

    it('honours the kinds chosen on the preferences page, in email and in the widget’s Updates', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      const bobs = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')!
      const link = preferencesLink(bobs, server.url)

      const page = await fetch(link)
      expect(page.status).toBe(200)
      expect(page.headers.get('referrer-policy')).toBe('same-origin')
      const html = await page.text()
      expect(html).toContain('bob@example.com')
      for (const kind of ['status', 'reply', 'shipped'])
        expect(html).toMatch(new RegExp(`name="kinds" value="${kind}" checked`))

      // Bob keeps replies only: no status email, no shipped email, no such updates either.
      const token = new URL(link).searchParams.get('token')!
      const saved = await fetch(new URL(link).pathname.replace(/^/, server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
        body: new URLSearchParams([
          ['token', token],
          ['kinds', 'reply'],
        ]),
        redirect: 'manual',
      })
      expect(saved.status).toBe(303)
      const again = await (await fetch(`${server.url}${saved.headers.get('location')}`)).text()
      expect(again).toContain('role="status"')
      expect(again).toMatch(/name="kinds" value="reply" checked/)
      expect(again).not.toMatch(/name="kinds" value="status" checked/)

      smtp.messages.length = 0
      await patchRequest(server, projectId, requestId, { status: 'in_progress' })
      await ship()
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com'])
      await teamReply('Almost there.')
      await afterWindow()
      expect(addresses(smtp.messages.slice(1))).toEqual(['ann@example.com', 'bob@example.com'])
      // The first status update came before the choice; after it, only the reply.
      expect(await updateKinds(bob)).toEqual(['reply', 'status'])
      expect(await updateKinds(ann)).toEqual(['reply', 'shipped', 'status', 'status'])
    })

    it('refuses a tampered or foreign token with a 4xx page, and a post from another site', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      const link = preferencesLink(smtp.messages[0]!, server.url)
      const token = new URL(link).searchParams.get('token')!
      const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
      const path = `/p/${projectId}/email-preferences`

      const refused = await fetch(`${server.url}${path}?token=${tampered}`)
      expect(refused.status).toBe(400)
      expect(refused.headers.get('content-type')).toContain('text/html')
      expect(await refused.text()).toContain('This link does not work')
      // The right token on another project's page, and an unsubscribe token, open nothing.
      const other = await server.createProject('Other')
      expect(
        (await fetch(`${server.url}/p/${other.project.id}/email-preferences?token=${token}`))
          .status,
      ).toBe(400)
      const unsubscribeToken = /\/v1\/unsubscribe\/([\w.-]+)/.exec(
        smtp.messages[0]!.parsed.text ?? '',
      )![1]
      expect((await fetch(`${server.url}${path}?token=${unsubscribeToken}`)).status).toBe(400)

      const post = (body: URLSearchParams, origin?: string) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            ...(origin ? { Origin: origin } : {}),
          },
          body,
          redirect: 'manual',
        })
      expect((await post(new URLSearchParams({ token: tampered }))).status).toBe(400)
      expect((await post(new URLSearchParams({ token }), 'https://evil.example')).status).toBe(403)
      // Nothing was turned off by the refused posts.
      await patchRequest(server, projectId, requestId, { status: 'done' })
      await afterWindow()
      expect(addresses(smtp.messages.slice(2))).toEqual(['ann@example.com', 'bob@example.com'])
    })

    it('keeps the one-click unsubscribe working, and a saved choice turns email back on', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      const bobs = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')!
      const unsubscribe = /<([^>]+)>/.exec(header(bobs, 'list-unsubscribe') ?? '')![1]!
      const res = await fetch(unsubscribe.replace(PUBLIC_URL, server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(res.status).toBe(200)
      await patchRequest(server, projectId, requestId, { status: 'in_progress' })
      await afterWindow()
      expect(addresses(smtp.messages.slice(2))).toEqual(['ann@example.com'])

      const link = preferencesLink(bobs, server.url)
      expect(await (await fetch(link)).text()).toContain('You unsubscribed from every email')
      const token = new URL(link).searchParams.get('token')!
      const saved = await fetch(`${server.url}/p/${projectId}/email-preferences`, {
        method: 'POST',
        body: new URLSearchParams([
          ['token', token],
          ['kinds', 'status'],
        ]),
        redirect: 'manual',
      })
      expect(saved.status).toBe(303)
      await patchRequest(server, projectId, requestId, { status: 'done' })
      await afterWindow()
      expect(addresses(smtp.messages.slice(3))).toEqual(['ann@example.com', 'bob@example.com'])
    })
  },
)
