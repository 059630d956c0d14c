import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedInvite } from '../../../src/shared/team-api'
import { type SmtpSink, startSmtpSink } from '../../helpers/smtp-sink'
import { startTestServer, type TestServer } from '../../helpers/start-server'

let smtp: SmtpSink
let server: TestServer

beforeAll(async () => {
  smtp = await startSmtpSink()
  server = await startTestServer({ demo: false, notify: { smtpUrl: smtp.url } })
})
afterAll(async () => {
  await server?.close()
  await smtp?.close()
})

describe('invites with SMTP configured', () => {
  it('email the invite link to the invited person, and still answer it to copy', async () => {
    const res = await server.adminFetch('/v1/admin/invites', {
      method: 'POST',
      body: JSON.stringify({ email: 'sam@example.com', role: 'member' }),
    })
    expect(res.status).toBe(201)
    const { invite } = (await res.json()) as { invite: CreatedInvite }
    expect(invite.url).toContain('code=')
    await expect.poll(() => smtp.messages.length, { timeout: 10_000 }).toBe(1)
    const [mail] = smtp.messages
    expect(mail?.recipients).toEqual(['sam@example.com'])
    expect(mail?.parsed.subject).toBe('You are invited to Reqio')
    expect(mail?.parsed.text).toContain(invite.url)
    expect(mail?.parsed.text).toContain('as member')
  })
})
