import type { PublicChangelogEntry, RoadmapLane } from '../../shared/api'
import { guard } from '../safe'
import type { WidgetCore } from '../types'
import type { JsonStore } from './storage'

/** The panel's views, in tab order; identified users also have their Updates. */
export const TABS = ['requests', 'roadmap', 'news'] as const
export type Tab = (typeof TABS)[number] | 'updates'

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
 * opens. The launcher's one request (GET …/widget) says when the newest entry came out
 * (`latestChangelogAt`); what this browser has seen is kept in localStorage.
 */
export function createTabs(core: WidgetCore, store: JsonStore, redraw: () => void) {
  const seenKey = `reqio:news-seen:${core.config.projectId}`
  let state: TabsState = { tab: 'requests', hasNews: false }
  let latest = ''
  /** What this browser has seen, read from localStorage only once there is something to compare. */
  let seen: string | undefined
  const seenAt = () => (seen ??= `${store.read(seenKey, '')}`)

  function set(patch: Partial<TabsState>) {
    state = { ...state, ...patch }
    state.hasNews = !!latest && latest > seenAt()
    redraw()
  }

  function markSeen(at: string | undefined) {
    if (at && at > seenAt()) store.write(seenKey, (seen = at))
  }

  const load = guard(async (tab: 'roadmap' | 'news') => {
    const roadmap = tab === 'roadmap'
    const result = await (roadmap ? core.api.roadmap() : core.api.changelog())
    const data = (result.ok && result.data) as unknown as Record<string, unknown> | undefined
    const list = data && data[roadmap ? 'lanes' : 'entries']
    if (!Array.isArray(list)) return state.tab === tab && set({ failed: true })
    if (!roadmap) markSeen(list[0] && list[0].publishedAt)
    set(roadmap ? { lanes: list } : { entries: list })
  }, core.report)

  return {
    /** Where the changelog's images load from: the Reqio server. */
    apiUrl: core.config.apiUrl,
    get: (): TabsState => state,
    /** The tabs this person has: Updates only once someone is identified. */
    list: (): Tab[] => (core.isIdentified() ? [...TABS, 'updates'] : [...TABS]),

    pick: guard((tab: Tab) => {
      if (tab === 'news') markSeen(latest)
      set({ tab, failed: false })
      if (tab === 'roadmap' || tab === 'news') load(tab)
    }, core.report),

    /** From the launcher's request: when the newest changelog entry was published. */
    noteLatest(at: unknown) {
      if (typeof at !== 'string' || !at) return
      latest = at
      const hasNews = latest > seenAt()
      if (hasNews !== state.hasNews) set({})
    },
  }
}

export type Tabs = ReturnType<typeof createTabs>
