/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../shared/limits'
import { fill } from '../../../shared/messages'
import type { Board } from '../board/board'
import { draftProblem } from '../board/composer'
import type { Messages } from '../i18n'
import { AttachmentPicker } from './AttachmentPicker'
import { RequestRow } from './RequestRow'

interface Props {
  board: Board
  t: Messages
}

/**
 * Title + details. Over-long text is flagged rather than cut, so nothing typed is lost; similar
 * requests appear while typing so people vote instead of filing duplicates.
 */
export function SubmitForm({ board, t }: Props) {
  const { composer } = board
  const { draft, status, similar } = composer.get()
  const submitting = status === 'sending'
  const field = (name: 'title' | 'body', label: string, max: number) => {
    const length = draft[name].trim().length
    const tooLong = length > max
    const Input = name === 'title' ? 'input' : 'textarea'
    const hint = `h-${name}`
    return (
      <label>
        {label}
        <Input
          aria-label={label}
          aria-describedby={hint}
          data-autofocus={name === 'title' || undefined}
          aria-invalid={tooLong}
          value={draft[name]}
          readOnly={submitting}
          onInput={(event) => composer.setDraft({ [name]: event.currentTarget.value })}
        />
        {/* A counter all along; past the limit it turns into the error, styled as one. */}
        <span id={hint} class={tooLong ? 'count err' : 'count'}>
          {tooLong ? fill(t.tooLong, max) : ''} {length}/{max}
        </span>
      </label>
    )
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        composer.submit()
      }}
      onPaste={composer.uploads.paste}
    >
      <div class="body">
        <h3>{t.suggest}</h3>
        {field('title', t.titleLabel, TITLE_MAX_LENGTH)}
        {similar.length > 0 && (
          <section aria-label={t.similar}>
            <h3>{t.similar}</h3>
            <ul>
              {similar.map((request) => (
                <RequestRow
                  key={request.id}
                  row={{ request }}
                  t={t}
                  onVote={board.toggleVote}
                  onOpen={board.openRequest}
                />
              ))}
            </ul>
          </section>
        )}
        {field('body', t.details, BODY_MAX_LENGTH)}
        <AttachmentPicker uploads={composer.uploads} t={t} />
      </div>
      <div class="foot">
        <button type="button" onClick={board.showBoard}>
          {t.back}
        </button>
        <button
          type="submit"
          class="primary"
          disabled={submitting || !!draftProblem(draft, t) || composer.uploads.busy()}
        >
          {t.send}
        </button>
      </div>
    </form>
  )
}
