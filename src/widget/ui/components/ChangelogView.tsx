/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact'
import type { PublicChangelogEntry } from '../../../shared/api'
import { formatDate } from '../format'
import type { Messages } from '../i18n'
import { renderMarkdown } from '../markdown'
import type { OpenRequest } from './open-request'

interface Props {
  entries?: PublicChangelogEntry[]
  t: Messages
  onOpenRequest: OpenRequest
  /** Where its images load from (the Reqio server). */
  imageBase?: string
}

/** Published entries, newest first: title, date, the Markdown as formatted text, what shipped. */
export function ChangelogView({ entries, t, onOpenRequest, imageBase }: Props) {
  if (entries && !entries.length) return <p class="state">{t.nothing}</p>
  return (
    <>
      {(entries || []).map((entry) => (
        <article key={entry.id}>
          <h3>
            {entry.title}
            <br />
            <time class="badge" dateTime={entry.publishedAt}>
              {formatDate(t, entry.publishedAt)}
            </time>
          </h3>
          <div class="md">{renderMarkdown(entry.bodyNodes, imageBase)}</div>
          {entry.requests && entry.requests.length > 0 && (
            <p class="md">
              {t.shipped}
              {entry.requests.map((request) => (
                <button
                  key={request.id}
                  type="button"
                  class="link"
                  onClick={() => onOpenRequest(request)}
                >
                  {request.title}
                </button>
              ))}
            </p>
          )}
        </article>
      ))}
    </>
  )
}
