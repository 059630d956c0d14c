/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import type { Attachment } from '../../../shared/api'
import { fill } from '../../../shared/messages'
import type { Messages } from '../i18n'

interface Props {
  list?: Attachment[]
  t: Messages
}

/**
 * The images of a request or comment as thumbnails, each a link that opens it full size in a
 * new tab: reached with Tab and opened with Enter like any link, and no script of ours runs on
 * the image's page.
 */
export function Attachments({ list, t }: Props) {
  if (!list || !list.length) return null
  return (
    <ul class="att">
      {list.map((image, index) => (
        <li key={image.id}>
          {/* A new tab: target=_blank is noopener in every browser the widget supports. */}
          <a href={image.url} target="_blank">
            <img src={image.url} alt={fill(t.image, index + 1)} />
          </a>
        </li>
      ))}
    </ul>
  )
}
