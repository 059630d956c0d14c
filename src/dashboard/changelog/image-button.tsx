import { IMAGE_TYPES } from './entry-images'

interface Props {
  busy: boolean
  onPick(file: File): void
}

/** "Add image": a file picker for the image types the server takes; pasting works too. */
export function ImageButton({ busy, onPick }: Props) {
  return (
    <label class="image-button">
      <span class="button secondary">{busy ? 'Uploading…' : 'Add image'}</span>
      <input
        type="file"
        accept={IMAGE_TYPES.join(',')}
        class="visually-hidden"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) onPick(file)
        }}
      />
    </label>
  )
}
