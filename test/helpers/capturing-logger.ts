/**
 * A Logger that keeps every call, for tests of what the server logs and at which level.
 *
 *   const logger = capturingLogger()
 *   startTestServer({ logger })
 *   logger.lines.find((line) => line.fields?.reqId === id)
 */
import type { LogFields, Logger } from '../../src/server/logger'

export type CapturedLevel = 'debug' | 'info' | 'warn' | 'error'

export interface CapturedLine {
  level: CapturedLevel
  message: string
  fields: LogFields
  error?: unknown
}

export interface CapturingLogger extends Logger {
  lines: CapturedLine[]
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturedLine[] = []
  const keep = (level: CapturedLevel) => (message: string, fields?: LogFields) => {
    lines.push({ level, message, fields: fields ?? {} })
  }
  return {
    lines,
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: (message, error, fields) =>
      lines.push({ level: 'error', message, fields: fields ?? {}, error }),
  }
}
