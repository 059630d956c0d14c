import * as v from 'valibot'
import { RequestStatusSchema, Timestamp } from './admin-common'
import { AttachmentListSchema } from './attachments'

/** `ChangelogEntry`: an entry as the dashboard sees it, drafts (`publishedAt: null`) too. */
export const ChangelogEntrySchema = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  requestIds: v.array(v.string()),
  publishedAt: v.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  requests: v.array(v.object({ id: v.string(), title: v.string(), status: RequestStatusSchema })),
  attachments: AttachmentListSchema,
})

/** `GET …/changelog`. */
export const ChangelogListResponseSchema = v.object({ entries: v.array(ChangelogEntrySchema) })

/** `POST …/changelog`, `PATCH …/changelog/{eid}`. */
export const ChangelogEntryResponseSchema = v.object({ entry: ChangelogEntrySchema })

/**
 * `GET …/changelog/audience?requestIds=`: the route reads the parameter by hand
 * (admin-changelog-audience.ts); this describes it for the document.
 */
export const ChangelogAudienceQuerySchema = v.object({
  requestIds: v.optional(
    v.pipe(
      v.string(),
      v.description('Request ids, comma-separated (at most 50); absent or empty: none.'),
    ),
  ),
})
