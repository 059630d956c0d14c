import { createHmac } from 'node:crypto'
import { LinearWebhookClient } from '@linear/sdk/webhooks'
import { describe, expect, it } from 'vitest'
import {
  parseLinearIssueUrl,
  readLinearChange,
} from '../../../../src/server/integrations/linear/linear-changes'
import { verifyLinearDelivery } from '../../../../src/server/integrations/linear/linear-transport'

const NOW = Date.parse('2026-12-06T20:00:00Z')

function issueUpdate(stateType: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    action: 'update',
    type: 'Issue',
    data: {
      identifier: 'ENG-42',
      url: 'https://linear.app/acme/issue/ENG-42/a-newer-title',
      state: { id: 'state-1', name: 'Whatever the team calls it', type: stateType },
    },
    updatedFrom: { stateId: 'state-0', updatedAt: '2026-12-06T19:59:00.000Z' },
    webhookTimestamp: NOW,
    ...extra,
  })
}

function delivery(rawBody: string, signature: string | undefined, now = NOW) {
  return {
    rawBody,
    now,
    header: (name: string) => (name.toLowerCase() === 'linear-signature' ? signature : undefined),
  }
}

const sign = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('hex')

describe('Linear issue URLs', () => {
  it('keys an issue by its identifier whatever slug, case, query or fragment its URL carries', () => {
    const urls = [
      'https://linear.app/acme/issue/ENG-42',
      'https://linear.app/acme/issue/ENG-42/',
      'https://linear.app/acme/issue/ENG-42/export-to-csv',
      'https://linear.app/acme/issue/eng-42/an-older-title?foo=1#comment-9',
      '  https://linear.app/Acme/issue/ENG-42/x  ',
    ]
    for (const url of urls) {
      expect(parseLinearIssueUrl(url), url).toEqual({
        key: 'ENG-42',
        url: 'https://linear.app/acme/issue/ENG-42',
      })
    }
  })

  it('answers null for anything that is not a Linear issue', () => {
    const urls = [
      'https://github.com/acme/app/issues/42',
      'https://linear.app/acme/project/roadmap-1',
      'https://linear.app/acme/issue/42',
      'https://linear.app/acme/issue/ENG-0',
      'https://linear.app/acme/issue/ENG-42/slug/more',
      'https://evil.example/acme/issue/ENG-42',
      'https://linear.app.evil.example/acme/issue/ENG-42',
      'https://user:pw@linear.app/acme/issue/ENG-42',
      'ftp://linear.app/acme/issue/ENG-42',
      'not a url',
    ]
    for (const url of urls) expect(parseLinearIssueUrl(url), url).toBeNull()
  })
})

describe('what a Linear event changes', () => {
  it('moves requests by the state type: completed done, started in progress, canceled declined', () => {
    expect(readLinearChange(issueUpdate('completed'))).toEqual({
      issueKey: 'ENG-42',
      status: 'done',
    })
    expect(readLinearChange(issueUpdate('started'))).toEqual({
      issueKey: 'ENG-42',
      status: 'in_progress',
    })
    expect(readLinearChange(issueUpdate('canceled'))).toEqual({
      issueKey: 'ENG-42',
      status: 'declined',
    })
  })

  it('moves nothing for other state types, other edits, other events or a broken body', () => {
    for (const type of ['triage', 'backlog', 'unstarted', 'constructor', '__proto__'])
      expect(readLinearChange(issueUpdate(type)), type).toBeNull()
    expect(readLinearChange(issueUpdate('completed', { updatedFrom: { title: 'Old' } }))).toBeNull()
    expect(readLinearChange(issueUpdate('completed', { action: 'create' }))).toBeNull()
    expect(readLinearChange(issueUpdate('completed', { type: 'Comment' }))).toBeNull()
    expect(readLinearChange(issueUpdate('completed', { data: { identifier: 'x' } }))).toBeNull()
    expect(readLinearChange('{"type":')).toBeNull()
    expect(readLinearChange('null')).toBeNull()
  })
})

describe('Linear signatures', () => {
  const secret = 'lin_wh_test_secret'

  it('accepts the hex HMAC-SHA256 of the raw body with a timestamp within 60 s either way', () => {
    const body = issueUpdate('completed')
    expect(verifyLinearDelivery(delivery(body, sign(body, secret)), secret)).toBe(true)
    expect(verifyLinearDelivery(delivery(body, sign(body, secret), NOW + 60_000), secret)).toBe(
      true,
    )
    expect(verifyLinearDelivery(delivery(body, sign(body, secret), NOW - 60_000), secret)).toBe(
      true,
    )
  })

  it('refuses a wrong, missing or malformed signature, a changed body and a stale or absent timestamp', () => {
    const body = issueUpdate('completed')
    expect(verifyLinearDelivery(delivery(body, sign(body, 'another')), secret)).toBe(false)
    expect(verifyLinearDelivery(delivery(body, undefined), secret)).toBe(false)
    expect(verifyLinearDelivery(delivery(body, 'zz'), secret)).toBe(false)
    expect(verifyLinearDelivery(delivery(`${body} `, sign(body, secret)), secret)).toBe(false)
    expect(verifyLinearDelivery(delivery(body, sign(body, secret), NOW + 60_001), secret)).toBe(
      false,
    )
    expect(verifyLinearDelivery(delivery(body, sign(body, secret), NOW - 60_001), secret)).toBe(
      false,
    )
    const untimed = issueUpdate('completed', { webhookTimestamp: undefined })
    expect(verifyLinearDelivery(delivery(untimed, sign(untimed, secret)), secret)).toBe(false)
  })

  it('agrees with Linear’s own SDK verifier (LinearWebhookClient) on every delivery', () => {
    // The SDK reads Date.now(), so these deliveries are timed against the real clock, far
    // from the 60 s edge either way.
    const now = Date.now()
    const linear = new LinearWebhookClient(secret)
    const sdkAccepts = (body: string, signature: string) => {
      try {
        return linear.verify(Buffer.from(body), signature)
      } catch {
        return false
      }
    }
    const fresh = issueUpdate('completed', { webhookTimestamp: now - 30_000 })
    const stale = issueUpdate('completed', { webhookTimestamp: now - 90_000 })
    const untimed = issueUpdate('completed', { webhookTimestamp: undefined })
    const cases: [body: string, signature: string, accepted: boolean][] = [
      [fresh, sign(fresh, secret), true],
      [fresh, sign(fresh, 'another'), false],
      [`${fresh} `, sign(fresh, secret), false],
      [stale, sign(stale, secret), false],
      [untimed, sign(untimed, secret), false],
      [fresh, 'zz', false],
    ]
    for (const [body, signature, accepted] of cases) {
      expect(sdkAccepts(body, signature)).toBe(accepted)
      expect(verifyLinearDelivery(delivery(body, signature, now), secret)).toBe(accepted)
    }
  })
})
