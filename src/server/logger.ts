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

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
