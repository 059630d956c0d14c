import { readLogSettingsLeniently } from './logging/log-settings'
import { createPinoLogger } from './logging/pino-logger'

/** Structured fields of a log line; values under secret names are redacted (logging/scrub-secrets). */
export type LogFields = Record<string, unknown>

/**
 * Where the server writes operational messages. Never handed secrets or tokens; free text is
 * scrubbed anyway. `fields` become properties of the JSON line.
 */
export interface Logger {
  /** Optional, so a logger written for a test needs only the three below. */
  debug?(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, error?: unknown, fields?: LogFields): void
}

/**
 * The process's logger (pino on stdout, LOG_LEVEL and LOG_FORMAT from the environment); named
 * after the console logger it replaced. An unknown LOG_LEVEL or LOG_FORMAT falls back to the
 * default here: readServerConfig refuses it with a clear message, logged through this logger.
 */
export const consoleLogger: Logger = {
  debug: (message, fields) => processLogger().debug?.(message, fields),
  info: (message, fields) => processLogger().info(message, fields),
  warn: (message, fields) => processLogger().warn(message, fields),
  error: (message, error, fields) => processLogger().error(message, error, fields),
}

let created: Logger | null = null
/** Made on first use, so that importing this module (tests do, for silentLogger) writes nothing. */
function processLogger(): Logger {
  created ??= createPinoLogger(readLogSettingsLeniently(process.env))
  return created
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
