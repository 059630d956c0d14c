import { warnOnce } from './log'
import type { Reqio } from './types'

export const REQIO_METHODS = ['identify', 'reset', 'open', 'close', 'on', 'off'] as const
type ReqioMethod = (typeof REQIO_METHODS)[number]
type QueuedCall = [method: ReqioMethod, args: unknown[]]

/** Marks a window.Reqio that widget.js has taken over, so a second copy of the script backs off. */
const INSTALLED_MARK = '__reqioWidget'

/** `window.Reqio` as the inline stub (src/shared/inline-stub.ts) leaves it: calls in `q`. */
type ReqioGlobal = Partial<Reqio> & { q?: QueuedCall[]; [INSTALLED_MARK]?: true }

export interface InstalledReqio {
  reqio: Reqio
  /** Replays the queued calls in order on `target`, then hands every later call straight to it. */
  start(target: Reqio): void
}

/**
 * Makes `window.Reqio` usable right now: until start(), calls are queued. Adopts the inline
 * stub's object and queue in place (the page may hold a reference to it). Returns undefined
 * when widget.js is already installed (loaded twice) or the name is taken by something else.
 */
export function installReqio(win: Window & { Reqio?: unknown }): InstalledReqio | undefined {
  const existing = win.Reqio as ReqioGlobal | undefined
  if (existing?.[INSTALLED_MARK]) {
    warnOnce('widget.js is loaded more than once; ignored.')
    return undefined
  }
  if (existing !== undefined && !Array.isArray(existing?.q)) {
    warnOnce('window.Reqio is taken; not started.')
    return undefined
  }

  const reqio: ReqioGlobal = existing ?? {}
  const queue: QueuedCall[] = (reqio.q ??= [])
  let target: Reqio | undefined

  for (const method of REQIO_METHODS) {
    reqio[method] = ((...args: unknown[]) => {
      if (target) return (target[method] as (...a: unknown[]) => unknown)(...args)
      queue.push([method, args])
      // on() promises an unsubscribe function, even before load.
      if (method === 'on') return () => reqio.off?.(args[0] as never, args[1] as never)
    }) as never
  }
  Object.defineProperty(reqio, INSTALLED_MARK, { value: true })
  win.Reqio = reqio

  return {
    reqio: reqio as Reqio,
    start(realTarget) {
      // Calls made by replayed code (a listener calling identify()) join the end of the queue.
      while (queue.length > 0) {
        const call = queue.shift()
        if (!Array.isArray(call)) continue
        const [method, args] = call
        const fn = realTarget[method] as ((...a: unknown[]) => unknown) | undefined
        if (REQIO_METHODS.includes(method) && typeof fn === 'function')
          fn(...Array.from(args ?? []))
      }
      target = realTarget
    },
  }
}
