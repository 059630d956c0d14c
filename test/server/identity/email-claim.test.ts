import { beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { isSingleEmailAddress } from '../../../src/shared/email-address'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { customer, patchRequest, submit, vote } from '../../helpers/loop-fixtures'
import { serverWithSmtpSink } from '../../helpers/mailing-server'
import type { SmtpSink } from '../../helpers/smtp-sink'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

/** The two values that reached nodemailer as address lists (issue 24, item 7). */
const HEADER_INJECTION = 'v1@victim.test\r\nBcc: e1@evil.test'
const ADDRESS_LIST = 'a@x, e2@evil.test'

describe('the email claim is one address', () => {
  const clock = frozenClock(Date.now())
  let smtp: SmtpSink
  let server: TestServer
  let projectId: string
  let secret: string

  serverWithSmtpSink(
    {
      clock,
      demo: false,
      notify: { publicUrl: 'https://feedback.acme.test', mailCoalesceSeconds: 0 },
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
  })

  async function identifyWithEmail(email: string) {
    const token = await mintToken(
      secret,
      { sub: 'victim', aud: audienceFor(projectId), email },
      { nowMs: clock.now() },
    )
    return fetch(`${server.url}/v1/projects/${projectId}/identify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: crypto.randomUUID() },
    })
  }

  it.each([
    HEADER_INJECTION,
    ADDRESS_LIST,
    'Ann <ann@example.com>',
    'team: ann@example.com;',
    'ann@example.com\n',
    '"ann smith"@example.com',
    'ann@',
  ])('refuses %j with 401 token_claims', async (email) => {
    const res = await identifyWithEmail(email)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('token_claims')
  })

  it('takes plain addresses, international ones included', async () => {
    for (const email of ['ann@example.com', 'ann.o+tag@mail.example.co.uk', 'zoë@exämple.de']) {
      expect((await identifyWithEmail(email)).status).toBe(200)
    }
  })

  it('mails a valid address and only it, named as one recipient', async () => {
    const ann = await customer(
      secret,
      projectId,
      { sub: 'ann', email: 'ann@example.com' },
      clock.now(),
    )
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    await server.drainJobs()
    expect(smtp.messages).toHaveLength(1)
    const [mail] = smtp.messages
    expect(mail?.recipients).toEqual(['ann@example.com'])
    expect(mail?.parsed.to).toMatchObject({ value: [{ address: 'ann@example.com' }] })
    expect(mail?.parsed.bcc).toBeUndefined()
  })

  it('mails nobody for a list stored before addresses were checked', async () => {
    const ann = await customer(
      secret,
      projectId,
      { sub: 'ann', email: 'ann@example.com' },
      clock.now(),
    )
    const bob = await customer(
      secret,
      projectId,
      { sub: 'bob', email: 'bob@example.com' },
      clock.now(),
    )
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    await vote(server, projectId, bob, requestId)
    await server.store.db.query('UPDATE people SET email = $1 WHERE sub = $2', [
      ADDRESS_LIST,
      'ann',
    ])
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    await server.drainJobs()
    expect(smtp.messages.flatMap((mail) => mail.recipients)).toEqual(['bob@example.com'])
  })
})

describe('isSingleEmailAddress', () => {
  it('answers false for anything that could name a second recipient', () => {
    for (const value of [HEADER_INJECTION, ADDRESS_LIST, 'a@b;c@d', 'a b@c', 'a@b c', '<a@b>'])
      expect(isSingleEmailAddress(value)).toBe(false)
    expect(isSingleEmailAddress('a@localhost')).toBe(true)
  })
})
