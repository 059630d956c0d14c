/**
 * "Forgot password?" (issue 26, Sign-in): an emailed link when SMTP is on, single-use, working
 * for an hour, saying nothing about whether the email is on the team, throttled like sign-ins,
 * and signing the member out everywhere once used.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { truncateAllTables } from '../../../src/server/store/reset'
import type { TeamMemberInfo } from '../../../src/shared/team-api'
import { storeBackends } from '../../helpers/backends'
import { type CapturingLogger, capturingLogger } from '../../helpers/capturing-logger'
import { type SmtpSink, startSmtpSink } from '../../helpers/smtp-sink'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import {
  cookieFetch,
  invite,
  inviteCode,
  joinTeam,
  logIn,
  postJson,
  type SignedInMember,
  sessionCookieFrom,
  setUpOwner,
  TEST_PASSWORD,
} from '../../helpers/team'

const NEW_PASSWORD = 'a brand new passphrase 2026'
const START = Date.parse('2026-12-06T10:00:00Z')
/** What the test server puts in front of every email's links (not the Host it was called on). */
const EMAIL_LINK_BASE = 'http://reqio.test'

describe.each(storeBackends())('forgot password with SMTP on $name', (backend) => {
  let smtp: SmtpSink
  let server: TestServer
  let logger: CapturingLogger
  const clock = frozenClock(START)
  let owner: SignedInMember
  let sam: SignedInMember

  beforeAll(async () => {
    smtp = await startSmtpSink()
    logger = capturingLogger()
    server = await startTestServer({
      demo: false,
      clock,
      logger,
      databaseUrl: backend.databaseUrl,
      notify: { smtpUrl: smtp.url },
    })
  })
  afterAll(async () => {
    await server?.close()
    await smtp?.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    clock.set(START)
    smtp.messages.length = 0
    owner = await setUpOwner(server)
    sam = await joinTeam(server, owner, 'member', 'sam@example.com')
  })

  /** The reset emails received so far (the invites that brought people in are not). */
  const resetMails = () =>
    smtp.messages.filter((mail) => mail.parsed.subject === 'Reset your Reqio password')

  async function askForLink(email: string): Promise<string> {
    const before = resetMails().length
    const res = await postJson(server, '/v1/auth/password-reset', { email })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ byEmail: true })
    await expect.poll(() => resetMails().length, { timeout: 10_000 }).toBe(before + 1)
    const mail = resetMails().at(-1)
    expect(mail?.recipients).toEqual([email.trim().toLowerCase()])
    const url = /http\S+\/dashboard\/reset\?code=\S+/.exec(mail?.parsed.text ?? '')?.[0]
    if (!url) throw new Error(`no reset link in: ${mail?.parsed.text}`)
    return url
  }

  function confirm(code: string, password = NEW_PASSWORD) {
    return postJson(server, '/v1/auth/password-reset/confirm', { code, password })
  }

  it('emails a link to the dashboard reset page, built on the public URL rather than the Host called', async () => {
    expect(
      await (await fetch(`${server.url}/v1/auth/password-reset`)).json(),
      'the sign-in page asks before showing the form',
    ).toEqual({ byEmail: true })
    const url = await askForLink('SAM@example.com ')
    expect(url.startsWith(`${EMAIL_LINK_BASE}/dashboard/reset?code=`)).toBe(true)
    expect(resetMails()[0]?.parsed.text).toContain('60 minutes')
  })

  it('sets the new password once, signs every old session out and starts a new one', async () => {
    const code = inviteCode({ url: await askForLink('sam@example.com') })
    const res = await confirm(code)
    expect(res.status).toBe(200)
    const { member } = (await res.json()) as { member: TeamMemberInfo }
    expect(member).toMatchObject({ email: 'sam@example.com', name: 'A member', role: 'member' })
    const fresh = cookieFetch(server, sessionCookieFrom(res))
    expect((await fresh('/v1/auth/me')).status).toBe(200)
    expect((await sam.fetch('/v1/auth/me')).status, 'the old session').toBe(401)
    expect((await logIn(server, 'sam@example.com', TEST_PASSWORD)).status).toBe(401)
    expect((await logIn(server, 'sam@example.com', NEW_PASSWORD)).status).toBe(200)
    expect((await owner.fetch('/v1/auth/me')).status, 'other members keep theirs').toBe(200)

    const again = await confirm(code, 'yet another passphrase')
    expect(again.status).toBe(404)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('not_found')
    expect((await logIn(server, 'sam@example.com', NEW_PASSWORD)).status).toBe(200)
  })

  it('stops working after an hour, and when a newer link is asked for', async () => {
    const first = inviteCode({ url: await askForLink('sam@example.com') })
    const second = inviteCode({ url: await askForLink('sam@example.com') })
    expect((await confirm(first)).status, 'the older link').toBe(404)
    clock.advance(60 * 60 * 1000 + 1)
    expect((await confirm(second)).status, 'past the hour').toBe(404)
    expect((await logIn(server, 'sam@example.com', TEST_PASSWORD)).status).toBe(200)
  })

  it('answers an unknown email exactly as a known one, and emails nobody', async () => {
    const unknown = await postJson(server, '/v1/auth/password-reset', {
      email: 'nobody@example.com',
    })
    expect(unknown.status).toBe(202)
    expect(await unknown.json()).toEqual({ byEmail: true })
    await askForLink('sam@example.com')
    expect(resetMails().flatMap((mail) => mail.recipients)).toEqual(['sam@example.com'])
  })

  it('keeps a short password from spending the link, and refuses invite codes and bad input with 4xx', async () => {
    const code = inviteCode({ url: await askForLink('sam@example.com') })
    const short = await confirm(code, 'short')
    expect(short.status).toBe(400)
    expect((await confirm(code)).status, 'the link still works').toBe(200)

    const newcomer = await invite(owner, 'newcomer@example.com', 'viewer')
    expect((await confirm(inviteCode(newcomer))).status, 'an invite is no reset link').toBe(404)
    expect(
      (await postJson(server, '/v1/auth/password-reset', { email: 'not an email' })).status,
    ).toBe(400)
    expect((await postJson(server, '/v1/auth/password-reset', {})).status).toBe(400)
    expect((await postJson(server, '/v1/auth/password-reset/confirm', { code: 7 })).status).toBe(
      400,
    )
    const forged = await fetch(`${server.url}/v1/auth/password-reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'sam@example.com' }),
    })
    expect(forged.status).toBe(403)
  })

  it('logs neither the email nor the link', async () => {
    const url = await askForLink('sam@example.com')
    await confirm(inviteCode({ url }))
    const logged = JSON.stringify(logger.lines)
    expect(logged).not.toContain('sam@example.com')
    expect(logged).not.toContain(inviteCode({ url }))
  })
})

describe('forgot password, throttled like sign-ins', () => {
  let smtp: SmtpSink
  let server: TestServer

  beforeAll(async () => {
    smtp = await startSmtpSink()
    server = await startTestServer({
      demo: false,
      authFailuresPer15Minutes: 3,
      notify: { smtpUrl: smtp.url },
    })
    const owner = await setUpOwner(server)
    await joinTeam(server, owner, 'member', 'sam@example.com')
  })
  afterAll(async () => {
    await server?.close()
    await smtp?.close()
  })

  it('answers 429 past the limit for a known and an unknown email alike', async () => {
    // "More than 3 in 15 minutes": the fourth still goes, the fifth does not.
    for (let ask = 0; ask < 4; ask++) {
      const res = await postJson(server, '/v1/auth/password-reset', { email: 'sam@example.com' })
      expect(res.status).toBe(202)
    }
    for (const email of ['sam@example.com', 'nobody@example.com']) {
      const res = await postJson(server, '/v1/auth/password-reset', { email })
      expect(res.status).toBe(429)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
    }
    const resets = () =>
      smtp.messages.filter((mail) => mail.parsed.subject === 'Reset your Reqio password')
    await expect.poll(() => resets().length, { timeout: 10_000 }).toBe(4)
  })
})

describe('forgot password without SMTP', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({ demo: false })
    const owner = await setUpOwner(server)
    await joinTeam(server, owner, 'member', 'sam@example.com')
  })
  afterAll(() => server?.close())

  it('says a link cannot be emailed, and stores none', async () => {
    expect(await (await fetch(`${server.url}/v1/auth/password-reset`)).json()).toEqual({
      byEmail: false,
    })
    const res = await postJson(server, '/v1/auth/password-reset', { email: 'sam@example.com' })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ byEmail: false })
    const pending = await server.store.invites.listPending(Date.now())
    expect(pending.filter((link) => link.memberId !== null)).toEqual([])
  })
})
