/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { h } from 'preact'
import { fill } from '../../../shared/messages'
import type { Board } from '../board/board'
import type { ListState } from '../board/list'
import type { Messages } from '../i18n'
import { boardRows } from '../rows'
import { RequestRow } from './RequestRow'
import { TagFilter } from './TagFilter'

interface Props {
  board: Board
  t: Messages
}

/** The requests with sort and search, in whichever state loading left them. */
export function BoardView({ board, t }: Props) {
  const { list } = board
  const state = list.get()
  const rows = boardRows(state, board.sender.get())
  const { status } = state
  const { requestId } = board.thread.get()
  const returning = rows.some((row) => row.request.id === requestId)
  const query = state.query.trim()
  return (
    <div
      class="body"
      ref={(body) => {
        if (body) body.scrollTop = board.listScroll
      }}
      onScroll={(event) => {
        board.listScroll = event.currentTarget.scrollTop
      }}
    >
      {/* The primary action first in tab order; the controls stay in sight while scrolling. */}
      <div class="bar">
        <button type="button" class="primary" onClick={() => board.openForm()}>
          {t.suggest}
        </button>
        <div role="group" aria-label={t.sort}>
          {(['top', 'new'] as const).map((sort) => (
            <button
              key={sort}
              type="button"
              aria-pressed={state.sort === sort}
              onClick={() => list.setSort(sort)}
            >
              {t[sort]}
            </button>
          ))}
        </div>
        <select
          aria-label={t.filter}
          value={state.statusFilter}
          onChange={(event) =>
            list.setFilter(event.currentTarget.value as ListState['statusFilter'])
          }
        >
          <option value="">{t.all}</option>
          {Object.entries(t.status).map(([status, name]) => (
            <option key={status} value={status}>
              {name}
            </option>
          ))}
        </select>
        <TagFilter list={list} t={t} />
        <input
          type="search"
          data-autofocus={!returning || undefined}
          aria-label={t.search}
          placeholder={t.search}
          value={state.query}
          onInput={(event) => list.setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Esc empties a search first; only an empty one lets the panel close.
            if (event.key === 'Escape' && state.query) {
              event.stopPropagation()
              list.setQuery('')
            }
          }}
        />
      </div>
      {status === 'error' && (
        <p class="state" role="alert">
          {state.loadError}{' '}
          <button type="button" onClick={list.reload}>
            {t.retry}
          </button>
        </p>
      )}
      {rows.length ? (
        <ul aria-busy={status === 'loading'}>
          {rows.map((row) => (
            <RequestRow
              key={row.request.id}
              row={row}
              t={t}
              onVote={board.toggleVote}
              onOpen={board.openRequest}
              returning={row.request.id === requestId}
            />
          ))}
        </ul>
      ) : status === 'ready' && query ? (
        <p class="state">
          {t.empty}{' '}
          <button type="button" onClick={() => board.openForm(query)}>
            {fill(t.suggestQuery, query)}
          </button>
        </p>
      ) : (
        status !== 'error' && (
          <p class="state">
            {status !== 'ready'
              ? t.loading
              : state.statusFilter || state.tagFilter
                ? t.empty
                : t.first}
          </p>
        )
      )}
    </div>
  )
}
