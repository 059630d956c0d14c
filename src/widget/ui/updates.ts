import type { PersonUpdate } from '../../shared/notifications'
import type { UpdatesApi, WidgetCore } from '../types'

export interface UpdatesState {
  updates: PersonUpdate[]
  /** What the launcher shows; 0 for anonymous visitors. */
  unread: number
}

/**
 * The identified user's "Updates": fetched at idle time with the launcher's request, cleared
 * when read. An anonymous visitor has none, and costs no request.
 */
export function createUpdates(
  core: Pick<WidgetCore, 'identityKey' | 'isIdentified' | 'onIdentityChange' | 'report'>,
  api: UpdatesApi,
) {
  const listeners = new Set<() => void>()
  const NONE: UpdatesState = { updates: [], unread: 0 }
  let state = NONE
  const set = (next: UpdatesState) => {
    // An anonymous visitor's (still) empty updates: nothing to draw again.
    if (next === state) return
    state = next
    for (const listener of listeners) listener()
  }
  async function load(): Promise<void> {
    if (!core.isIdentified()) return set(NONE)
    const who = core.identityKey()
    const result = await api.updates()
    // Someone else by now (reset, another identify): their updates are not these.
    if (result.ok && result.data && core.identityKey() === who) set(result.data)
  }

  /** Reading the list clears the count, at once on screen and then on the server. */
  async function markAllRead(): Promise<void> {
    if (!core.isIdentified() || state.unread === 0) return
    set({ updates: state.updates.map((u) => ({ ...u, read: true })), unread: 0 })
    await api.readUpdates()
  }

  core.onIdentityChange(() => {
    set(NONE)
    load().catch(core.report)
  })

  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    load: () => load().catch(core.report),
    markAllRead: () => markAllRead().catch(core.report),
  }
}

export type Updates = ReturnType<typeof createUpdates>
