/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { type ComponentChildren, Fragment, h } from 'preact'
import type { Messages } from '../i18n'
import { TABS, type Tabs } from '../tabs'
import { ChangelogView } from './ChangelogView'
import { RoadmapView } from './RoadmapView'

/** What a card or a shipped-request link opens. */
export type OpenRequest = (request: { id: string; title: string }) => void

interface Props {
  tabs: Tabs
  t: Messages
  onOpenRequest: OpenRequest
  /** The Requests view: the board or the submit form. */
  children: ComponentChildren
}

/**
 * Requests, Roadmap and What's new as a tablist: arrow keys (and Home, End) move between the
 * tabs, Tab leaves them for the open view.
 */
export function PanelTabs({ tabs, t, onOpenRequest, children }: Props) {
  const state = tabs.get()
  const { tab } = state
  const index = TABS.indexOf(tab)
  const loaded = tab === 'news' ? state.entries : state.lanes
  return (
    <>
      <div
        role="tablist"
        aria-label={t.views}
        onKeyDown={(event) => {
          const target = (
            { ArrowRight: index + 1, ArrowLeft: index + 2, Home: 0, End: 2 } as Record<
              string,
              number
            >
          )[event.key]
          if (target === undefined) return
          event.preventDefault()
          const next = target % TABS.length
          tabs.pick(TABS[next] as (typeof TABS)[number])
          ;(event.currentTarget.children[next] as HTMLElement).focus()
        }}
      >
        {TABS.map((name, i) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab${i}`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            // Opening the panel on another view focuses its tab, as the board does its search.
            data-autofocus={tab === name && i ? '' : undefined}
            onClick={() => tabs.pick(name)}
          >
            {t[name]}
          </button>
        ))}
      </div>
      <div class="view" role="tabpanel" aria-labelledby={`tab${index}`}>
        {tab === 'requests' ? (
          children
        ) : (
          <div class="body" aria-busy={!loaded}>
            {tab === 'news' ? (
              <ChangelogView entries={state.entries} t={t} onOpenRequest={onOpenRequest} />
            ) : (
              <RoadmapView lanes={state.lanes} t={t} onOpenRequest={onOpenRequest} />
            )}
            {state.failed ? (
              <p class="state" role="alert">
                {t.failed}{' '}
                <button type="button" onClick={() => tabs.pick(tab)}>
                  {t.retry}
                </button>
              </p>
            ) : (
              !loaded && <p class="state">{t.loading}</p>
            )}
          </div>
        )}
      </div>
    </>
  )
}
