/**
 * The widget's one logger. Everything it prints starts with "[Reqio]" so site owners can
 * find it, and each distinct message is printed once: a host page must not drown in our noise.
 */
const PREFIX = '[Reqio]'
const printed = new Set<string>()

function once(level: 'warn' | 'error', message: string): void {
  const key = `${level}:${message}`
  if (printed.has(key)) return
  printed.add(key)
  try {
    console[level](`${PREFIX} ${message}`)
  } catch {
    // A host that replaced console with something broken still must not see us throw.
  }
}

export function warnOnce(message: string): void {
  once('warn', message)
}

export function logErrorOnce(message: string): void {
  once('error', message)
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}
