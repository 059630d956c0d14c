/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import type { FeedbackComment, FeedbackRequest } from '../../../shared/api'
import type { Board } from '../board/board'
import type { Messages } from '../i18n'

interface Props {
  board: Board
  t: Messages
}

/** Where the keyboard goes when an editor or a question appears (a stable ref: once). */
const focusOnMount = (element: HTMLElement | null) => {
  if (element) element.focus()
}

/**
 * Under one of your comments: Edit and Delete; or its editor; or, before it goes, the question
 * with Delete and Cancel.
 */
export function OwnCommentControls({ board, t, comment }: Props & { comment: FeedbackComment }) {
  const { own } = board
  const { editing, asking, busy } = own.get()
  if (editing === comment.id) return <WordsEditor board={board} t={t} />
  return (
    <div class="own">
      {asking === comment.id ? (
        <span>
          {t.deleteAsk}{' '}
          <button
            type="button"
            ref={focusOnMount}
            disabled={busy}
            onClick={() => own.deleteOwn(comment.id)}
          >
            {t.delete}
          </button>{' '}
          <button type="button" onClick={own.stopEditing}>
            {t.cancel}
          </button>
        </span>
      ) : (
        <span>
          <button type="button" onClick={() => own.editComment(comment)}>
            {t.edit}
          </button>{' '}
          <button type="button" onClick={() => own.askDelete(comment.id)}>
            {t.delete}
          </button>
        </span>
      )}
    </div>
  )
}

/** Your request's Edit button, or its editor once pressed. */
export function OwnRequestControls({ board, t, request }: Props & { request: FeedbackRequest }) {
  const { own } = board
  return own.get().editing === request.id ? (
    <WordsEditor board={board} t={t} request />
  ) : (
    <div class="own">
      <button type="button" onClick={() => own.editRequest(request)}>
        {t.edit}
      </button>
    </div>
  )
}

/** The words being edited: a comment's, or a request's title and body. */
function WordsEditor({ board, t, request }: Props & { request?: boolean }) {
  const { own } = board
  const { words, heading, busy } = own.get()
  return (
    <form
      class="own"
      onSubmit={(event) => {
        event.preventDefault()
        own.saveWords()
      }}
    >
      {request && (
        <label>
          {t.titleLabel}
          <input
            ref={focusOnMount}
            value={heading}
            onInput={(event) => own.setWords({ heading: event.currentTarget.value })}
          />
        </label>
      )}
      <label>
        {request ? t.details : t.comment}
        <textarea
          ref={request ? undefined : focusOnMount}
          value={words}
          onInput={(event) => own.setWords({ words: event.currentTarget.value })}
        />
      </label>
      <div class="foot">
        <button type="button" onClick={own.stopEditing}>
          {t.cancel}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  )
}
