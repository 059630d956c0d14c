import type { Attachment } from '../shared/api'
import { fill } from '../shared/messages'
import type { PortalView } from './portal-view'

interface Props {
  view: PortalView
  attachments: Attachment[] | undefined
}

/**
 * The images of a request or comment as thumbnails, each a link to the image full size in a
 * new tab (a plain link: Tab reaches it, Enter opens it, no script needed). Their url is a path
 * on this server (also on the portal's own domain), which the page's CSP allows (`img-src 'self'`).
 */
export function AttachmentList({ view, attachments }: Props) {
  if (!attachments || attachments.length === 0) return null
  return (
    <ul class="attachments">
      {attachments.map((image, index) => (
        <li key={image.id}>
          <a href={image.url} target="_blank" rel="noopener">
            <img
              src={image.url}
              alt={fill(view.t.image, index + 1)}
              width={image.width}
              height={image.height}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </ul>
  )
}
