import type { PublicChangelogEntry, RoadmapLane } from '../../shared/api'
import { guard } from '../safe'
import type { WidgetCore } from '../types'
import type { JsonStore } from './storage'

/** The panel's views, in tab order. */
export const TABS = ['requests', 'roadmap', 'news'] as const
export type Tab = (typeof TABS)[number]

export interface TabsState {
  tab: Tab
  lanes?: RoadmapLane[]
  entries?: PublicChangelogEntry[]
  /** The open view's last load failed. */
  failed?: boolean
  /** An entry came out since this browser last opened "What's new". */
  hasNews: boolean
}

/**
 * Which view the panel shows, and the roadmap and changelog, each fetched only when its view
 * opens. The board's own answer says when the newest entry came out (`latestChangelogAt`), so
 * the launcher's marker costs no request; what this browser has seen is kept in localStorage.
 */
export function createTabs(core: WidgetCore, store: JsonStore, redraw: () => void) {
  const seenKey = `reqio:news-seen:${core.config.projectId}`
  let state: TabsState = { tab: 'requests', hasNews: false }
  let latest = ''
  let seen = `${store.read(seenKey, '')}`

  function set(patch: Partial<TabsState>) {
    state = { ...state, ...patch }
    state.hasNews = latest > seen
    redraw()
  }

  function markSeen(at: string | undefined) {
    if (at && at > seen) store.write(seenKey, (seen = at))
  }

  const load = guard(async (tab: Tab) => {
    const roadmap = tab === 'roadmap'
    const result = await (roadmap ? core.api.roadmap() : core.api.changelog())
    const data = (result.ok && result.data) as unknown as Record<string, unknown> | undefined
    const list = data && data[roadmap ? 'lanes' : 'entries']
    if (!Array.isArray(list)) return state.tab === tab && set({ failed: true })
    if (!roadmap) markSeen(list[0] && list[0].publishedAt)
    set(roadmap ? { lanes: list } : { entries: list })
  }, core.report)

  return {
    get: (): TabsState => state,

    pick: guard((tab: Tab) => {
      if (tab === 'news') markSeen(latest)
      set({ tab, failed: false })
      if (tab !== 'requests') load(tab)
    }, core.report),

    /** From the board's answers: when the newest changelog entry was published. */
    noteLatest(data: unknown) {
      const at = data && (data as { latestChangelogAt?: unknown }).latestChangelogAt
      if (typeof at === 'string') {
        latest = at
        state.hasNews = latest > seen
      }
    },
  }
}

export type Tabs = ReturnType<typeof createTabs>
