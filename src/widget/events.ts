import { describeError, logErrorOnce } from './log'
import type { ReqioEventMap, ReqioEventName, ReqioListener } from './types'

export interface Emitter {
  on<E extends ReqioEventName>(event: E, listener: ReqioListener<E>): () => void
  off<E extends ReqioEventName>(event: E, listener: ReqioListener<E>): void
  emit<E extends ReqioEventName>(event: E, payload: ReqioEventMap[E]): void
}

/**
 * Event listeners are the host's code: one that throws is logged and skipped, so it never
 * stops the other listeners, the widget, or the page. Its error is not re-emitted as an
 * 'error' event, which could loop forever through a throwing 'error' listener.
 */
export function createEmitter(): Emitter {
  const listeners = new Map<ReqioEventName, Set<(payload: never) => void>>()

  function off<E extends ReqioEventName>(event: E, listener: ReqioListener<E>): void {
    listeners.get(event)?.delete(listener)
  }

  return {
    on(event, listener) {
      if (typeof listener !== 'function') return () => {}
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => off(event, listener)
    },
    off,
    emit(event, payload) {
      const set = listeners.get(event)
      if (!set) return
      // A copy, so listeners that subscribe or unsubscribe while we call them are safe.
      for (const listener of [...set] as ReqioListener<typeof event>[]) {
        try {
          listener(payload)
        } catch (error) {
          logErrorOnce(`on('${event}') listener threw: ${describeError(error)}`)
        }
      }
    },
  }
}
