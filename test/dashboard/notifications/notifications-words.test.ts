import { describe, expect, it } from 'vitest'
import { audienceSentence } from '../../../src/dashboard/notifications/audience-line'
import { smtpSettingsExample } from '../../../src/dashboard/notifications/mail-setup'
import { describeEvents } from '../../../src/dashboard/notifications/webhook-endpoint'

describe('the words of the Webhooks & mail page', () => {
  it('names the events an endpoint hears in the words the form offered', () => {
    expect(describeEvents(null)).toBe('all events, including ones added later')
    expect(describeEvents(['request.created', 'changelog.published'])).toBe(
      'A request is submitted; A changelog entry is published',
    )
  })

  it('gives the three SMTP settings with no trailing comment an env file would keep', () => {
    const lines = smtpSettingsExample('Reqio <reqio@localhost>').split('\n')
    expect(lines.map((line) => line.split('=')[0])).toEqual([
      'REQIO_SMTP_URL',
      'REQIO_MAIL_FROM',
      'REQIO_PUBLIC_URL',
    ])
    expect(lines.some((line) => line.includes('#'))).toBe(false)
    expect(smtpSettingsExample('Acme <help@acme.test>')).toContain(
      "REQIO_MAIL_FROM='Acme <help@acme.test>'",
    )
  })

  it('counts one person as a person before a status change', () => {
    const one = { people: 1, withEmail: 1, anonymous: 0, mail: 'smtp' as const }
    expect(audienceSentence(one)).toBe('1 person, 1 with email, will hear about a status change.')
    expect(audienceSentence({ ...one, people: 3 })).toMatch(/^3 people,/)
  })
})
