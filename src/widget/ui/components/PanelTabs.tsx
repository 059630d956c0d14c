/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { type ComponentChildren, Fragment, h } from 'preact'
import type { Messages } from '../i18n'
import type { Tab, Tabs } from '../tabs'
import type { Updates } from '../updates'
import { ChangelogView } from './ChangelogView'
import type { OpenRequest } from './open-request'
import { RoadmapView } from './RoadmapView'
import { UpdatesView } from './UpdatesView'

interface Props {
  tabs: Tabs
  updates: Updates
  t: Messages
  onOpenRequest: OpenRequest
  /** The Requests view: the board or the submit form. */
  children: ComponentChildren
}

/**
 * Requests, Roadmap and What's new as a tablist: arrow keys (and Home, End) move between the
 * tabs, Tab leaves them for the open view.
 */
export function PanelTabs({ tabs, updates, t, onOpenRequest, children }: Props) {
  const state = tabs.get()
  const names = tabs.list()
  // Updates leave with the person they belong to (reset()): back to Requests then.
  const tab = names.includes(state.tab) ? state.tab : 'requests'
  const index = names.indexOf(tab)
  const loaded = tab === 'news' ? state.entries : tab === 'roadmap' ? state.lanes : true
  return (
    <>
      <div
        role="tablist"
        aria-label={t.views}
        onKeyDown={(event) => {
          const target = (
            {
              ArrowRight: index + 1,
              ArrowLeft: index + names.length - 1,
              Home: 0,
              End: names.length - 1,
            } as Record<string, number>
          )[event.key]
          if (target === undefined) return
          event.preventDefault()
          const next = target % names.length
          tabs.pick(names[next] as Tab)
          ;(event.currentTarget.children[next] as HTMLElement).focus()
        }}
      >
        {names.map((name, i) => (
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
            {tab === 'updates' ? (
              <UpdatesView
                state={updates.get()}
                t={t}
                onRead={updates.markAllRead}
                onOpenRequest={(id) => onOpenRequest({ id, title: '' })}
              />
            ) : tab === 'news' ? (
              <ChangelogView
                entries={state.entries}
                t={t}
                onOpenRequest={onOpenRequest}
                imageBase={tabs.apiUrl}
              />
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
