/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */

import type { RefObject } from 'preact'
import { Fragment, h } from 'preact'
import type { Board, PanelState } from '../board/board'
import type { Messages } from '../i18n'
import type { Tabs } from '../tabs'
import type { Updates } from '../updates'
import { BoardView } from './BoardView'
import { ErrorBoundary } from './ErrorBoundary'
import { trapTab } from './focus'
import type { OpenRequest } from './open-request'
import { PanelTabs } from './PanelTabs'
import { RequestView } from './RequestView'
import { SubmitForm } from './SubmitForm'

interface Props {
  state: PanelState
  board: Board
  tabs: Tabs
  updates: Updates
  t: Messages
  dialog: RefObject<HTMLDivElement>
  onCrash(error: unknown): void
}

/** The modal dialog: Tab stays inside, Esc or a click outside closes it. */
export function Panel({ state, board, tabs, updates, t, dialog, onCrash }: Props) {
  const close = board.close
  /**
   * Where roadmap cards and shipped-request links lead: the request view, over whichever tab
   * was open, so Back returns to that tab as the user left it.
   */
  const onOpenRequest: OpenRequest = (request) => board.openRequest(request.id)
  return (
    <>
      <div class="shade" onClick={close} />
      <div
        class="panel"
        role="dialog"
        aria-modal="true"
        aria-label={t.title}
        ref={dialog}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close()
          else trapTab(event, event.currentTarget)
        }}
      >
        <div class="head">
          <h2>{t.title}</h2>
          <button type="button" class="x" aria-label={t.close} onClick={close}>
            ×
          </button>
        </div>
        <p class="notice" role="status">
          {state.notice}
        </p>
        <ErrorBoundary onError={onCrash} message={t.failed} retry={t.retry}>
          {state.view === 'request' ? (
            <RequestView board={board} t={t} />
          ) : (
            <PanelTabs tabs={tabs} updates={updates} t={t} onOpenRequest={onOpenRequest}>
              {state.view === 'form' ? (
                <SubmitForm board={board} t={t} />
              ) : (
                <BoardView board={board} t={t} />
              )}
            </PanelTabs>
          )}
        </ErrorBoundary>
      </div>
    </>
  )
}
