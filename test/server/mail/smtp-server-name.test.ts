import { describe, expect, it } from 'vitest'
import { smtpServerName } from '../../../src/server/mail/smtp-server-name'

describe('the SMTP server as the dashboard names it', () => {
  it('keeps the host and port and drops the user name and password', () => {
    expect(smtpServerName('smtps://apikey:s3cret@smtp.example.com:465')).toBe(
      'smtp.example.com:465',
    )
  })

  it('names the default port of each scheme when the URL gives none', () => {
    expect(smtpServerName('smtps://u:p@mail.example.com')).toBe('mail.example.com:465')
    expect(smtpServerName('smtp://mail.example.com')).toBe('mail.example.com:587')
  })

  it('answers null without an SMTP URL', () => {
    expect(smtpServerName(null)).toBeNull()
  })
})
