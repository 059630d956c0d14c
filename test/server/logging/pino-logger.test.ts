import { describe, expect, it } from 'vitest'
import { readServerConfig } from '../../../src/server/config'
import type { LogSettings } from '../../../src/server/logging/log-settings'
import { readLogSettings } from '../../../src/server/logging/log-settings'
import { createPinoLogger } from '../../../src/server/logging/pino-logger'

function loggerWritingTo(settings: LogSettings) {
  const written: string[] = []
  const logger = createPinoLogger(settings, { write: (line: string) => written.push(line) })
  const json = () => written.map((line) => JSON.parse(line) as Record<string, any>)
  return { logger, written, json }
}

describe('the server logger (pino)', () => {
  it('writes one JSON object per line with the level name, an ISO time, the message and the fields', () => {
    const { logger, written, json } = loggerWritingTo({ level: 'info', format: 'json' })
    logger.info('GET /v1/projects/:projectId/requests 200', { reqId: 'r1', status: 200, ms: 1.5 })
    expect(written).toHaveLength(1)
    expect(written[0]).toMatch(/^\{.*\}\n$/)
    expect(json()[0]).toMatchObject({
      level: 'info',
      msg: 'GET /v1/projects/:projectId/requests 200',
      reqId: 'r1',
      status: 200,
      ms: 1.5,
    })
    expect(new Date(json()[0]?.time).toISOString()).toBe(json()[0]?.time)
  })

  it('leaves out what is below LOG_LEVEL', () => {
    const { logger, json } = loggerWritingTo({ level: 'warn', format: 'json' })
    logger.debug?.('debug')
    logger.info('info')
    logger.warn('warn')
    logger.error('error')
    expect(json().map((line) => line.msg)).toEqual(['warn', 'error'])
  })

  it('writes an error with its type, message and stack', () => {
    const { logger, json } = loggerWritingTo({ level: 'info', format: 'json' })
    logger.error('could not start', new TypeError('the pool broke'))
    const { err } = json()[0] as { err: Record<string, string> }
    expect(err.type).toBe('TypeError')
    expect(err.message).toBe('the pool broke')
    expect(err.stack).toMatch(/^TypeError: the pool broke\n\s+at /)
  })

  it('redacts fields named like secrets, at the top level and in headers', () => {
    const { logger, written } = loggerWritingTo({ level: 'info', format: 'json' })
    logger.info('fields', {
      email: 'ann@example.com',
      password: 'hunter2-hunter2',
      token: 'tok-123456',
      adminToken: 'adm-123456',
      headers: { authorization: 'Bearer abc', cookie: 'reqio_session=s3cr3t' },
    })
    for (const secret of ['ann@', 'hunter2', 'tok-123456', 'Bearer abc', 's3cr3t', 'adm-'])
      expect(written[0]).not.toContain(secret)
    expect(written[0]).toContain('[redacted]')
  })

  it('scrubs emails, bearer credentials, URL passwords, JWTs and query tokens from messages and errors', () => {
    const { logger, written } = loggerWritingTo({ level: 'info', format: 'json' })
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJl'
    logger.warn(
      `550 mailbox bob.smith+tag@mail.example.org unavailable; sent with Bearer sk-abc ${jwt}`,
    )
    logger.error(
      'smtp failed',
      new Error('connect smtp://mailer:p4ssw0rd@smtp.example.com failed for /x?token=t0k3n&y=1'),
    )
    const text = written.join('')
    for (const secret of ['bob.smith', 'sk-abc', jwt, 'p4ssw0rd', 't0k3n'])
      expect(text).not.toContain(secret)
    expect(text).toContain('[email]')
    expect(text).toContain('smtp://[redacted]@smtp.example.com')
  })

  it('writes readable lines in pretty format, the dashboard banner included', () => {
    const { logger, written } = loggerWritingTo({ level: 'info', format: 'pretty' })
    logger.info('dashboard:  http://127.0.0.1:8787/dashboard')
    expect(written[0]).toMatch(/INFO.*dashboard: {2}http:\/\/127\.0\.0\.1:8787\/dashboard/)
    expect(() => JSON.parse(written[0] as string)).toThrow()
  })
})

describe('LOG_LEVEL and LOG_FORMAT', () => {
  it('default to info, and to json unless stdout is a terminal', () => {
    expect(readLogSettings({}, false)).toEqual({ level: 'info', format: 'json' })
    expect(readLogSettings({}, true)).toEqual({ level: 'info', format: 'pretty' })
    expect(readLogSettings({ LOG_FORMAT: 'json' }, true).format).toBe('json')
    expect(readLogSettings({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'pretty' }, false)).toEqual({
      level: 'debug',
      format: 'pretty',
    })
  })

  it('refuse a value they do not know, saying which ones they take', () => {
    expect(() => readServerConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL must be one of debug, info, warn, error, got verbose',
    )
    expect(() => readServerConfig({ LOG_FORMAT: 'xml' })).toThrow(
      'LOG_FORMAT must be json or pretty',
    )
  })
})
