import pino, { type DestinationStream } from 'pino'
import { prettyFactory } from 'pino-pretty'
import type { LogFields, Logger } from '../logger'
import type { LogSettings } from './log-settings'
import { REDACTED_FIELDS, scrubSecrets } from './scrub-secrets'

/**
 * The server's logger on pino: one JSON object per line on stdout (or pino-pretty's lines on a
 * terminal). Writes are synchronous, so the lines before a `process.exit` (a failed start, the
 * end of a drain) are never lost; pino-pretty runs in this thread for the same reason, not as a
 * worker transport.
 */
export function createPinoLogger(
  settings: LogSettings,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  const pretty = settings.format === 'pretty'
  const log = pino(
    {
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_FIELDS, censor: '[redacted]' },
      serializers: { err: serializeError },
      // JSON readers want "level":"info"; pino-pretty wants pino's numbers.
      formatters: pretty ? {} : { level: (label) => ({ level: label }) },
    },
    pretty ? prettyStream(destination) : destination,
  )
  // Below LOG_LEVEL a call costs nothing: not even the scrubbing of its message.
  const at =
    (level: 'debug' | 'info' | 'warn') =>
    (message: string, fields?: LogFields): void => {
      if (log.isLevelEnabled(level)) log[level](fields ?? {}, scrubSecrets(message))
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: (message, error, fields) =>
      log.error(
        error === undefined ? (fields ?? {}) : { ...fields, err: error },
        scrubSecrets(message),
      ),
  }
}

function prettyStream(destination: DestinationStream): DestinationStream {
  const prettify = prettyFactory({
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  })
  return { write: (line: string) => destination.write(prettify(line)) }
}

/** An error as a log field: its stack (which starts with its message), scrubbed like messages. */
export function serializeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { message: scrubSecrets(String(error)) }
  const fields: LogFields = {
    type: error.name,
    message: scrubSecrets(error.message),
    stack: scrubSecrets(error.stack ?? ''),
  }
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' || typeof code === 'number') fields.code = code
  if (error.cause !== undefined) fields.cause = serializeError(error.cause)
  return fields
}
