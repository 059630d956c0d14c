import { describeError, logErrorOnce } from './log'

export type ErrorReporter = (error: unknown) => void

/** Logs an unexpected error once and tells the host's `Reqio.on('error')` listeners. */
export function createErrorReporter(
  emitError: (payload: { code: string; message: string }) => void,
): ErrorReporter {
  return (error) => {
    const message = describeError(error)
    logErrorOnce(message)
    try {
      emitError({ code: 'internal_error', message })
    } catch {
      // The emitter already guards listeners; this is the last line before the host page.
    }
  }
}

/**
 * Wraps every method of a public object so nothing it does, synchronously or in a promise
 * it returns, ever throws into the host page.
 */
export function guardMethods<T extends object>(methods: T, report: ErrorReporter): T {
  const guarded = {} as Record<string, unknown>
  for (const [name, method] of Object.entries(methods)) {
    guarded[name] =
      typeof method === 'function'
        ? guard(method as (...args: unknown[]) => unknown, report)
        : method
  }
  return guarded as T
}

export function guard<A extends unknown[], R>(
  fn: (...args: A) => R,
  report: ErrorReporter,
): (...args: A) => R | undefined {
  return (...args) => {
    try {
      const result = fn(...args)
      if (result instanceof Promise) {
        // Public methods return nothing to await; a failure is reported, never rejected at the host.
        result.catch(report)
        return undefined
      }
      return result
    } catch (error) {
      report(error)
      return undefined
    }
  }
}
