import { guard as guardWith } from '../../safe'
import type { ApiFailure, WidgetCore } from '../../types'
import { describeFailure } from '../failures'
import type { Messages } from '../i18n'
import type { JsonStore } from '../storage'

/**
 * One part of the board's state (the panel, the list, the composer, the thread, the outbox):
 * replaced on every change, never mutated, and every change is drawn (`changed`).
 */
export interface Part<S> {
  get(): S
  set(patch: Partial<S>): void
}

export function createPart<S>(initial: S, changed: () => void): Part<S> {
  let state = initial
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch }
      changed()
    },
  }
}

/** What every part of the board is built with. */
export interface BoardContext {
  core: WidgetCore
  t: Messages
  store: JsonStore
  /** Re-renders the board's subscribers, when the open panel shows the parts. */
  redraw(): void
  /** Shows a line in the panel's status area; '' (or nothing) clears it. */
  tell(notice?: string): void
  /** Clears the status line if it still says `notice` (a newer line stays). */
  untell(notice: string): void
}

/** Reports a failure to the host and returns what to tell the user. */
export function reportFailure({ core, t }: BoardContext, failure: ApiFailure): string {
  const message = describeFailure(failure, t)
  core.emit('error', { code: failure.code, message })
  return message
}

/** Wraps an action so neither a throw nor a rejected promise escapes into the host page. */
export const guard = <A extends unknown[]>(
  { core }: BoardContext,
  action: (...args: A) => unknown,
): ((...args: A) => void) => guardWith(action, core.report) as (...args: A) => void

/** A 200 whose body is not what the call promises. */
export const BAD_RESPONSE: ApiFailure = { code: 'bad_response', message: '', status: 200 }
