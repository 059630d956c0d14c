/**
 * Runs a task once the browser has nothing better to do, so the host page boots first.
 * Browsers without requestIdleCallback get a short delay instead.
 */
export function whenIdle(task: () => void, timeoutMs = 4000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(task, Math.min(timeoutMs, 1000))
  return () => clearTimeout(id)
}
