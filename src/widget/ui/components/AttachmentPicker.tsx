/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import { fill } from '../../../shared/messages'
import { IMAGE_TYPES, IMAGES_MAX, type Uploads } from '../board/uploads'
import type { Messages } from '../i18n'

interface Props {
  uploads: Uploads
  t: Messages
}

/**
 * The images going with a form: each one's thumbnail (or "Uploading…" until the server has
 * it) with a button that removes it, then "Add image", a file input inside its label (the
 * label is what shows; Tab reaches the input, Enter or Space opens the picker). Pasting an
 * image into the form's fields adds it too (the form's onPaste: uploads.paste).
 */
export function AttachmentPicker({ uploads, t }: Props) {
  const list = uploads.get().uploads
  return (
    <div class="att">
      {list.map(({ key, attachment }, index) => (
        <div key={key}>
          {attachment ? (
            <img src={attachment.url} alt={fill(t.image, index + 1)} />
          ) : (
            <span role="status">{t.uploading}</span>
          )}
          <button
            type="button"
            class="x"
            aria-label={fill(t.removeImage, index + 1)}
            onClick={() => uploads.drop(key)}
          >
            ×
          </button>
        </div>
      ))}
      {list.length < IMAGES_MAX && (
        <label class="pick">
          <input
            type="file"
            accept={IMAGE_TYPES.join()}
            multiple
            onChange={(event) => {
              uploads.pick(event.currentTarget.files || [])
              // The same file again is a new pick.
              event.currentTarget.value = ''
            }}
          />
          {t.attach}
        </label>
      )}
    </div>
  )
}
