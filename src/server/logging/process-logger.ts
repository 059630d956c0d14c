import type { Logger } from '../logger'
import { readLogSettingsLeniently } from './log-settings'
import { createPinoLogger } from './pino-logger'

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
/** Made on first use, so that importing this module writes nothing. */
function processLogger(): Logger {
  created ??= createPinoLogger(readLogSettingsLeniently(process.env))
  return created
}
