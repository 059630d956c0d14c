import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MailSetupResponse, TestEmailResponse } from '../../../src/shared/mail-setup'
import { storeBackends } from '../../helpers/backends'
import { capturingLogger } from '../../helpers/capturing-logger'
import { serverWithSmtpSink } from '../../helpers/mailing-server'
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../helpers/smtp-sink'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { joinTeam, type SignedInMember, setUpOwner } from '../../helpers/team'

const FROM = 'Acme feedback <feedback@acme.test>'
/** What startTestServer gives the mail links without REQIO_PUBLIC_URL (which would move the CSRF origin). */
const PUBLIC_URL = 'http://reqio.test'

const testEmails = (sink: SmtpSink): ReceivedMail[] =>
  sink.messages.filter((mail) => mail.parsed.subject === 'Reqio test email')

async function postTest(who: SignedInMember | TestServer, body: unknown) {
  const init = { method: 'POST', body: JSON.stringify(body) }
  return 'adminFetch' in who
    ? who.adminFetch('/v1/admin/mail/test', init)
    : who.fetch('/v1/admin/mail/test', init)
}

describe.each(storeBackends())(
  '"Send a test email" over a real SMTP server on $name',
  (backend) => {
    let smtp: SmtpSink
    let server: TestServer
    const logger = capturingLogger()
    let owner: SignedInMember

    serverWithSmtpSink(
      { demo: false, databaseUrl: backend.databaseUrl, logger, notify: { mailFrom: FROM } },
      (started, sink) => {
        server = started
        smtp = sink
      },
    )
    beforeEach(async () => {
      owner = await setUpOwner(server, { email: `owner.${backend.name}.${Date.now()}@acme.test` })
    })

    it('says how mail leaves: SMTP, the sender, the server without credentials, the link base', async () => {
      const res = await owner.fetch('/v1/admin/mail')
      expect(res.status).toBe(200)
      const setup = (await res.json()) as MailSetupResponse
      const port = new URL(smtp.url).port
      expect(setup).toEqual({
        mail: 'smtp',
        from: FROM,
        server: `127.0.0.1:${port}`,
        publicUrl: PUBLIC_URL,
        signedInEmail: owner.member.email,
      })
    })

    it('sends the signed-in member a test email from the configured sender when no address is given', async () => {
      const res = await postTest(owner, {})
      expect(res.status).toBe(200)
      const answer = (await res.json()) as TestEmailResponse
      expect(answer).toEqual({ to: owner.member.email, from: FROM, sent: true, problem: null })
      const [mail, ...more] = testEmails(smtp)
      expect(more).toEqual([])
      expect(mail?.recipients).toEqual([owner.member.email])
      expect(mail?.parsed.from?.text).toBe('"Acme feedback" <feedback@acme.test>')
      expect(mail?.parsed.text).toContain(`Links in emails point to ${PUBLIC_URL}.`)
    })

    it('sends to a typed address instead, and an admin may too', async () => {
      const admin = await joinTeam(server, owner, 'admin')
      const res = await postTest(admin, { to: '  Someone.Else@Example.com ' })
      expect(res.status).toBe(200)
      expect(((await res.json()) as TestEmailResponse).to).toBe('someone.else@example.com')
      expect(testEmails(smtp).map((mail) => mail.recipients)).toEqual([
        ['someone.else@example.com'],
      ])
    })

    it('refuses members and viewers with 403 forbidden, sending nothing', async () => {
      for (const role of ['member', 'viewer'] as const) {
        const person = await joinTeam(server, owner, role)
        const res = await postTest(person, { to: 'x@example.com' })
        expect(res.status).toBe(403)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden')
        expect((await person.fetch('/v1/admin/mail')).status).toBe(403)
      }
      expect(testEmails(smtp)).toEqual([])
    })

    it('asks the admin token, which has no address, for one with 400 naming `to`', async () => {
      const res = await postTest(server, {})
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as { error: { code: string; field: string } }
      expect(error).toMatchObject({ code: 'validation_failed', field: 'to' })
      const typed = await postTest(server, { to: 'ops@acme.test' })
      expect(((await typed.json()) as TestEmailResponse).sent).toBe(true)
    })

    it('answers 400 for an address that is not one, or a list of them', async () => {
      for (const to of ['nobody', 'a@b.test, c@d.test', 42, '']) {
        const res = await postTest(owner, { to })
        expect(res.status, String(to)).toBe(400)
        expect(((await res.json()) as { error: { field: string } }).error.field).toBe('to')
      }
      expect(testEmails(smtp)).toEqual([])
    })

    it("reports the SMTP server's refusal in words, and logs neither the address nor the reply", async () => {
      smtp.down = true
      const res = await postTest(owner, { to: 'ops@acme.test' })
      expect(res.status).toBe(200)
      const answer = (await res.json()) as TestEmailResponse
      expect(answer.sent).toBe(false)
      expect(answer.problem).toContain('did not accept the email: 421')
      const logged = JSON.stringify(logger.lines)
      expect(logged).not.toContain('ops@acme.test')
      expect(logged).toContain('a test email was not accepted')
    })

    it('says the server cannot be reached when nothing listens at the SMTP address', async () => {
      const closed = await startSmtpSink()
      await closed.close()
      const unreachable = await startTestServer({
        demo: false,
        databaseUrl: backend.databaseUrl,
        notify: { smtpUrl: closed.url, mailFrom: FROM },
      })
      try {
        const res = await postTest(unreachable, { to: 'ops@acme.test' })
        const answer = (await res.json()) as TestEmailResponse
        expect(answer.sent).toBe(false)
        expect(answer.problem).toMatch(/could not be reached \(E[A-Z]+\)/)
      } finally {
        await unreachable.close()
      }
    })

    it('allows 5 test emails per 10 minutes per member, then 429 rate_limited with Retry-After', async () => {
      for (let i = 0; i < 5; i++) expect((await postTest(owner, {})).status).toBe(200)
      const res = await postTest(owner, {})
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(testEmails(smtp)).toHaveLength(5)
    })
  },
)

describe('"Send a test email" without SMTP', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: true })
  })
  afterAll(() => server.close())

  it('says demo mode keeps emails, and refuses a test with 409 conflict that names REQIO_SMTP_URL', async () => {
    const setup = (await (await server.adminFetch('/v1/admin/mail')).json()) as MailSetupResponse
    expect(setup).toMatchObject({ mail: 'kept', server: null, signedInEmail: null })
    expect(setup.from).toBe('Reqio <reqio@localhost>')
    const res = await postTest(server, { to: 'ops@acme.test' })
    expect(res.status).toBe(409)
    const { error } = (await res.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('REQIO_SMTP_URL')
  })
})
