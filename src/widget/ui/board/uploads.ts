import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_PER_ITEM,
  type Attachment,
} from '../../../shared/api/attachments'
import { asAttachment } from '../attachments'
import { BAD_RESPONSE, type BoardContext, createPart, guard, reportFailure } from './part'

/** What the server takes (spec/api.md "Images"): checked here first, so a refusal costs no upload. */
export const IMAGE_TYPES: readonly string[] = ATTACHMENT_CONTENT_TYPES
export const IMAGES_MAX = ATTACHMENTS_MAX_PER_ITEM

/** One image picked or pasted: uploading until the server answers with its attachment. */
export interface Upload {
  key: number
  attachment?: Attachment
}

/** The ids a request or comment sends for its images; none: no field at all. */
export const imageIds = (attachments: Attachment[] | undefined) =>
  attachments && attachments.length ? attachments.map((a) => a.id) : undefined

/**
 * The images going with one form (the submit form, or the comment box): each is uploaded as
 * soon as it is chosen, so the words wait only for uploads still running. A refused or failed
 * upload drops that image, says why, and leaves the typed words alone.
 */
export function createUploads(ctx: BoardContext) {
  const { core, t } = ctx
  const { get, set } = createPart<{ uploads: Upload[] }>({ uploads: [] }, ctx.redraw)
  let nextKey = 0
  const without = (key: number) => get().uploads.filter((u) => u.key !== key)

  const upload = guard(ctx, async (image: File) => {
    const key = nextKey++
    set({ uploads: [...get().uploads, { key }] })
    const result = await core.api.uploadAttachment(image)
    const attachment = result.ok ? asAttachment(result.data && result.data.attachment) : undefined
    // Removed (or the form sent without it) while it was on its way.
    if (!get().uploads.some((u) => u.key === key)) return
    if (attachment) {
      return set({ uploads: get().uploads.map((u) => (u.key === key ? { key, attachment } : u)) })
    }
    set({ uploads: without(key) })
    const failure = result.ok ? BAD_RESPONSE : result.error
    const { status } = failure
    ctx.tell(status === 413 || status === 415 ? t.imageRules : reportFailure(ctx, failure))
  })

  /** Takes files from the picker or the clipboard: images only, each within the limits. */
  const pick = guard(ctx, (files: ArrayLike<File>) => {
    for (const image of Array.from(files)) {
      const refused =
        get().uploads.length >= IMAGES_MAX ||
        IMAGE_TYPES.indexOf(image.type) < 0 ||
        image.size > ATTACHMENT_MAX_BYTES
      if (refused) return ctx.tell(t.imageRules)
      upload(image)
    }
  })

  return {
    get,
    pick,
    /** An image pasted into the form's fields (text pastes as it always did). */
    paste: (event: ClipboardEvent) => event.clipboardData && pick(event.clipboardData.files),
    drop: (key: number) => set({ uploads: without(key) }),
    /** Whether an upload is still running: the form waits for it. */
    busy: () => get().uploads.some((u) => !u.attachment),
    attached: () =>
      get()
        .uploads.map((u) => u.attachment)
        .filter((a): a is Attachment => !!a),
    dropAll: () => set({ uploads: [] }),
  }
}

export type Uploads = ReturnType<typeof createUploads>
