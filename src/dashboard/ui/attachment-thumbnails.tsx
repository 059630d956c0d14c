import type { Attachment } from '../../shared/api'
import './attachment-thumbnails.css'

/**
 * The images a customer (or a teammate) attached, as thumbnails that open full size in a new
 * tab: the screenshot is often the clearest part of a report. `withheld` is for a hidden
 * comment, whose images the server stops serving until it is shown again.
 */
export function AttachmentThumbnails({
  attachments,
  label,
  withheld = false,
}: {
  attachments: readonly Attachment[] | undefined
  /** Whose images, for the list's name: "Images of the request", "Images of Ann's comment". */
  label: string
  withheld?: boolean
}) {
  if (!attachments || attachments.length === 0) return null
  if (withheld) {
    return (
      <p class="hint">
        {attachments.length === 1 ? '1 image' : `${attachments.length} images`}, hidden with the
        comment.
      </p>
    )
  }
  return (
    <ul class="attachment-thumbnails" aria-label={label}>
      {attachments.map((image, index) => (
        <li key={image.id}>
          <a href={image.url} target="_blank" rel="noopener noreferrer">
            <img
              src={image.url}
              alt={`Image ${index + 1} of ${attachments.length} (opens full size)`}
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
