import { fill } from '../shared/messages'
import type { PortalView } from './portal-view'

/** What the server takes (spec/api.md "Images"), as the file picker's filter. */
const ACCEPTED_IMAGES = 'image/png,image/jpeg,image/webp,image/gif'

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
        accept={ACCEPTED_IMAGES}
        multiple
        aria-describedby={`${id}-hint`}
        data-portal-images=""
      />
      <small id={`${id}-hint`} class="hint">
        {t.imageType} {t.imageTooBig} {fill(t.imageLimit, 4)}
      </small>
    </>
  )
}
