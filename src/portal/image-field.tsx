import { ATTACHMENT_CONTENT_TYPES } from '../shared/api/attachments'
import type { PortalView } from './portal-view'

/**
 * Images for a new request or a comment: a file input in the form, which then posts as
 * multipart/form-data (no script needed); portal-writes uploads each file as the public API's
 * upload would, then files the words with them. portal.js checks type and size as they are
 * chosen (client/images.ts); the hint says the rules either way.
 */
export function ImageField({ view, id }: { view: PortalView; id: string }) {
  const { t } = view
  return (
    <>
      <label for={id}>{t.attach}</label>
      <input
        id={id}
        type="file"
        name="images"
        accept={ATTACHMENT_CONTENT_TYPES.join(',')}
        multiple
        aria-describedby={`${id}-hint`}
        data-portal-images=""
      />
      <small id={`${id}-hint`} class="hint">
        {t.imageRules}
      </small>
    </>
  )
}
