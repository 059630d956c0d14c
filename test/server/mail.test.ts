import { beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { enqueueEvent, type ReqioEvent } from '../../src/server/events/events'
import { storeBackends } from '../helpers/backends'
import {
  customer,
  type Person,
  patchRequest,
  submit,
  visitor,
  vote,
} from '../helpers/loop-fixtures'
import { serverWithSmtpSink } from '../helpers/mailing-server'
import { seedEmbeddedDatabase } from '../helpers/seed-embedded'
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink'
import { startTestServer, type TestServer } from '../helpers/start-server'

const PUBLIC_URL = 'https://feedback.acme.test'

function header(mail: ReceivedMail, name: string): string | undefined {
  return mail.parsed.headerLines
    .find((line) => line.key === name)
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ')
}

function unsubscribeLink(mail: ReceivedMail): string {
  const value = header(mail, 'list-unsubscribe') ?? ''
  return /<([^>]+)>/.exec(value)?.[1] ?? ''
}

const addresses = (mails: ReceivedMail[]) => mails.flatMap((m) => m.recipients).sort()

describe.each(storeBackends())(
  'email notifications over a real SMTP server on $name',
  (backend) => {
    const clock = frozenClock(Date.now())
    let smtp: SmtpSink
    let server: TestServer
    let projectId: string
    let secret: string
    let ann: Person
    let bob: Person
    let cat: Person
    let requestId: string

    const inTx = (event: ReqioEvent) =>
      server.store.db.transaction((tx) => enqueueEvent(tx, event, clock.now()))
    /** Lets the coalescing window pass, then runs what is due. */
    const afterWindow = async () => {
      await server.drainJobs()
      clock.advance(60_000)
      await server.drainJobs()
    }

    serverWithSmtpSink(
      {
        clock,
        demo: false,
        databaseUrl: backend.databaseUrl,
        notify: {
          mailFrom: 'Acme feedback <feedback@acme.test>',
          publicUrl: PUBLIC_URL,
          mailCoalesceSeconds: 60,
          mailRetrySeconds: [5, 10],
        },
      },
      (started, sink) => {
        server = started
        smtp = sink
      },
    )
    beforeEach(async () => {
      const created = await server.createProject('Acme')
      projectId = created.project.id
      secret = created.secret
      const now = clock.now()
      ann = await customer(secret, projectId, { sub: 'ann', email: 'ann@example.com' }, now)
      bob = await customer(secret, projectId, { sub: 'bob', email: 'bob@example.com' }, now)
      cat = await customer(secret, projectId, { sub: 'cat' }, now) // no email
      requestId = await submit(server, projectId, ann, 'Dark mode')
      for (const person of [bob, cat, visitor()]) await vote(server, projectId, person, requestId)
    })

    it('emails the author and the voters with an email, once the coalescing window has passed', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await server.drainJobs()
      expect(smtp.messages).toHaveLength(0) // waiting for more events to fold in

      clock.advance(60_000)
      await server.drainJobs()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
      const mail = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')!
      expect(mail.parsed.subject).toBe('[Acme] “Dark mode” is now Planned')
      expect(mail.parsed.from?.value).toEqual([
        { name: 'Acme feedback', address: 'feedback@acme.test' },
      ])
      expect(mail.parsed.text).toContain('“Dark mode” is now Planned')
      // No siteUrl set: the link lands on the request's portal page.
      expect(mail.parsed.text).toContain(`${PUBLIC_URL}/p/${projectId}/requests/${requestId}`)
      expect(mail.parsed.html).toContain('View the request')
      expect(unsubscribeLink(mail)).toMatch(
        new RegExp(`^${PUBLIC_URL}/v1/unsubscribe/[\\w-]+\\.[\\w-]+$`),
      )
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
      expect(mail.parsed.text).toContain(unsubscribeLink(mail))
    })

    it('links to the request on the customer’s own site when the project set siteUrl', async () => {
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
        method: 'PATCH',
        body: JSON.stringify({ settings: { siteUrl: 'https://app.acme.test/help?tab=ideas#top' } }),
      })
      expect(res.status).toBe(200)
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      const mail = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')!
      const link = `https://app.acme.test/help?tab=ideas&reqio-request=${requestId}#top`
      expect(mail.parsed.text).toContain(link)
      expect(mail.parsed.html).toContain(`href="${link.replace('&', '&amp;')}"`)
      // The portal page is not linked (the footer's preferences page lives under /p/ too).
      expect(mail.parsed.text).not.toContain(`/p/${projectId}/requests/`)
    })

    it('folds several events for one person within the window into one email', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      clock.advance(20_000)
      await patchRequest(server, projectId, requestId, { status: 'in_progress' })
      await patchRequest(server, projectId, requestId, { title: 'Dark theme' }) // tells nobody
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
      const mail = smtp.messages[0]!
      expect(mail.parsed.subject).toBe('[Acme] 2 updates on what you asked for')
      expect(mail.parsed.text).toContain('is now Planned')
      expect(mail.parsed.text).toContain('is now In progress')

      // A later change is a new email.
      await patchRequest(server, projectId, requestId, { status: 'done' })
      await afterWindow()
      expect(smtp.messages).toHaveLength(4)
    })

    it('does not email the team member who made the change', async () => {
      const dan = await customer(
        secret,
        projectId,
        { sub: 'dan', email: 'Dan@Acme.test' },
        clock.now(),
      )
      await vote(server, projectId, dan, requestId)
      await server.store.requests.update(projectId, requestId, { status: 'planned' }, clock.now())
      await inTx({
        type: 'request.updated',
        projectId,
        requestId,
        changes: { status: { from: 'open', to: 'planned' } },
        statusNote: 'Coming in the spring release.',
        teamMemberEmail: 'dan@acme.test',
      })
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
      expect(smtp.messages[0]!.parsed.text).toContain('Coming in the spring release.')
    })

    it('a one-click POST to the unsubscribe URL answers 200 and stops every email from the project', async () => {
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      const bobs = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')!
      const link = unsubscribeLink(bobs).replace(PUBLIC_URL, server.url)

      const page = await fetch(link) // a mail scanner following the link changes nothing
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<form method="post">')
      const res = await fetch(link, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(res.status).toBe(200)
      const tampered = await fetch(`${link.slice(0, -2)}xx`, { method: 'POST' })
      expect(tampered.status).toBe(400)

      await patchRequest(server, projectId, requestId, { status: 'done' })
      await afterWindow()
      expect(addresses(smtp.messages.slice(2))).toEqual(['ann@example.com'])
      const audience = await (
        await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}/audience`)
      ).json()
      expect(audience).toEqual({ people: 3, withEmail: 1, anonymous: 1, mail: 'smtp' })
    })

    it('a team reply emails its text; an internal note and a customer comment email nobody', async () => {
      const comment = {
        type: 'comment.created' as const,
        projectId,
        requestId,
        commentId: 'c_1',
        teamMemberEmail: null,
      }
      await inTx({
        ...comment,
        body: 'Note to self',
        kind: 'team',
        internal: true,
        authorName: 'Team',
        authorSub: null,
      })
      await inTx({
        ...comment,
        body: 'Me too!',
        kind: 'customer',
        internal: false,
        authorName: 'Cat',
        authorSub: 'cat',
      })
      await afterWindow()
      expect(smtp.messages).toHaveLength(0)

      await inTx({
        ...comment,
        body: 'We are on it.\nStay tuned.',
        kind: 'team',
        internal: false,
        authorName: 'Priya',
        authorSub: null,
      })
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
      expect(smtp.messages[0]!.parsed.subject).toBe('[Acme] Priya replied to “Dark mode”')
      expect(smtp.messages[0]!.parsed.text).toContain('We are on it.')
    })

    it('a commenter follows the request and hears its next status change', async () => {
      const eve = await customer(
        secret,
        projectId,
        { sub: 'eve', email: 'eve@example.com' },
        clock.now(),
      )
      await fetch(`${server.url}/v1/projects/${projectId}/requests`, { headers: eve.headers }) // eve is known now
      await server.store.people.remember(
        projectId,
        {
          sub: 'eve',
          email: 'eve@example.com',
          plan: null,
          interval: null,
          amountCents: null,
          mrrCents: 0,
          iat: Math.floor(clock.now() / 1000),
        },
        clock.now(),
      )
      await inTx({
        type: 'comment.created',
        projectId,
        requestId,
        commentId: 'c_2',
        body: 'Please!',
        kind: 'customer',
        internal: false,
        authorName: 'Eve',
        authorSub: 'eve',
        teamMemberEmail: null,
      })
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual([
        'ann@example.com',
        'bob@example.com',
        'eve@example.com',
      ])
    })

    it('a published changelog entry tells everyone behind each linked request that it shipped', async () => {
      const other = await submit(server, projectId, bob, 'CSV export')
      await inTx({
        type: 'changelog.published',
        projectId,
        entryId: 'e_1',
        title: 'Spring release',
        requestIds: [requestId, other],
        teamMemberEmail: null,
      })
      await afterWindow()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
      const bobs = smtp.messages.find((m) => m.recipients[0] === 'bob@example.com')!
      expect(bobs.parsed.subject).toBe('[Acme] 2 updates on what you asked for')
      expect(bobs.parsed.text).toContain('“CSV export” shipped: Spring release')
    })

    it('SMTP down, then up: the email arrives once', async () => {
      smtp.down = true
      await patchRequest(server, projectId, requestId, { status: 'planned' })
      await afterWindow()
      expect(smtp.messages).toHaveLength(0)
      const jobs = await server.store.jobs.counts(projectId)
      expect(jobs.queued).toBe(2) // one per person, waiting for the retry

      smtp.down = false
      clock.advance(5_000)
      await server.drainJobs()
      clock.advance(60_000)
      await server.drainJobs()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com', 'bob@example.com'])
    })
  },
)

describe('email with the server restarted while a message waits', () => {
  it('the next server sends it, once', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dataDir = mkdtempSync(join(tmpdir(), 'reqio-mail-restart-'))
    // The restart is the subject, not the first open's migrations.
    seedEmbeddedDatabase(dataDir)
    const smtp = await startSmtpSink()
    const clock = frozenClock(Date.now())
    const notify = { smtpUrl: smtp.url, mailCoalesceSeconds: 60, publicUrl: PUBLIC_URL }
    try {
      const first = await startTestServer({ clock, dataDir, notify, demo: false })
      const { project, secret } = await first.createProject('Acme')
      const ann = await customer(
        secret,
        project.id,
        { sub: 'ann', email: 'ann@example.com' },
        clock.now(),
      )
      const requestId = await submit(first, project.id, ann, 'Dark mode')
      await patchRequest(first, project.id, requestId, { status: 'planned' })
      await first.drainJobs() // the email now waits for the coalescing window
      await first.close()

      clock.advance(60_000)
      const second = await startTestServer({ clock, dataDir, notify, demo: false })
      await second.drainJobs()
      await second.drainJobs()
      await second.close()
      expect(addresses(smtp.messages)).toEqual(['ann@example.com'])
    } finally {
      await smtp.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('without SMTP', { timeout: 90_000 }, () => {
  it('sends nothing and queues nothing for email, and the dashboard is told email is off', async () => {
    const clock = frozenClock(Date.now())
    const server = await startTestServer({ clock, demo: false })
    try {
      const { project, secret } = await server.createProject('Acme')
      const ann = await customer(
        secret,
        project.id,
        { sub: 'ann', email: 'ann@example.com' },
        clock.now(),
      )
      const requestId = await submit(server, project.id, ann, 'Dark mode')
      await patchRequest(server, project.id, requestId, { status: 'planned' })
      await server.drainJobs()
      expect(await server.store.jobs.counts(project.id)).toEqual({
        queued: 0,
        running: 0,
        failed: 0,
      })
      const audience = await (
        await server.adminFetch(`/v1/admin/projects/${project.id}/requests/${requestId}/audience`)
      ).json()
      expect(audience).toEqual({ people: 1, withEmail: 0, anonymous: 0, mail: 'off' })
    } finally {
      await server.close()
    }
  })

  it('in demo mode keeps the emails for the dashboard’s Sent mail page', async () => {
    const clock = frozenClock(Date.now())
    const server = await startTestServer({ clock, demo: true, notify: { mailCoalesceSeconds: 0 } })
    try {
      const { project, secret } = await server.createProject('Acme')
      const ann = await customer(
        secret,
        project.id,
        { sub: 'ann', email: 'ann@example.com' },
        clock.now(),
      )
      const requestId = await submit(server, project.id, ann, 'Dark mode')
      await patchRequest(server, project.id, requestId, { status: 'done' })
      await server.drainJobs()
      const body = await (await server.adminFetch(`/v1/admin/projects/${project.id}/mail`)).json()
      expect(body.mail).toBe('kept')
      expect(body.messages).toEqual([
        expect.objectContaining({
          to: 'ann@example.com',
          subject: '[Acme] “Dark mode” is now Done',
        }),
      ])
      expect(body.messages[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    } finally {
      await server.close()
    }
  })
})
