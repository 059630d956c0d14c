/** spec/api.md v3 "Running in production": LOG_LEVEL and LOG_FORMAT. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export type LogFormat = 'json' | 'pretty'

export interface LogSettings {
  level: LogLevel
  format: LogFormat
}

/**
 * Reads LOG_LEVEL (default info) and LOG_FORMAT (default json, pretty when stdout is a
 * terminal); throws an Error that says what to change when either is not one we know.
 */
export function readLogSettings(
  env: NodeJS.ProcessEnv,
  stdoutIsTerminal = Boolean(process.stdout.isTTY),
): LogSettings {
  return { level: readLevel(env.LOG_LEVEL), format: readFormat(env.LOG_FORMAT, stdoutIsTerminal) }
}

/**
 * The same, but a value we do not know becomes the default: the process logger exists before
 * the configuration is checked, and it is what reports that configuration's errors.
 */
export function readLogSettingsLeniently(
  env: NodeJS.ProcessEnv,
  stdoutIsTerminal = Boolean(process.stdout.isTTY),
): LogSettings {
  const orDefault = <T>(read: () => T, fallback: T) => {
    try {
      return read()
    } catch {
      return fallback
    }
  }
  return {
    level: orDefault(() => readLevel(env.LOG_LEVEL), 'info'),
    format: orDefault(
      () => readFormat(env.LOG_FORMAT, stdoutIsTerminal),
      readFormat(undefined, stdoutIsTerminal),
    ),
  }
}

function readLevel(value: string | undefined): LogLevel {
  const level = (value || 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${value}`)
  return level as LogLevel
}

function readFormat(value: string | undefined, stdoutIsTerminal: boolean): LogFormat {
  const format = (value || (stdoutIsTerminal ? 'pretty' : 'json')).toLowerCase()
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be json or pretty, got ${value}`)
  return format
}
