import * as v from 'valibot'
import { AttachmentIdsSchema } from '../attachments/attach-uploads'
import { TitleSchema } from './request-schemas'

/** Long enough for release notes, well inside the 64 KB body limit. */
export const CHANGELOG_BODY_MAX_LENGTH = 20_000
export const CHANGELOG_MAX_REQUESTS = 50

const ChangelogBodySchema = v.pipe(
  v.string('body must be a string'),
  v.maxLength(
    CHANGELOG_BODY_MAX_LENGTH,
    `body must be at most ${CHANGELOG_BODY_MAX_LENGTH} characters`,
  ),
)

const RequestIdsSchema = v.pipe(
  v.array(
    v.pipe(v.string('requestIds must be request ids'), v.minLength(1), v.maxLength(64)),
    'requestIds must be an array of request ids',
  ),
  v.maxLength(CHANGELOG_MAX_REQUESTS, `at most ${CHANGELOG_MAX_REQUESTS} requests per entry`),
)

export const NewChangelogEntrySchema = v.strictObject({
  title: TitleSchema,
  body: ChangelogBodySchema,
  requestIds: v.optional(RequestIdsSchema, []),
  attachmentIds: v.optional(AttachmentIdsSchema, []),
  publish: v.optional(v.boolean('publish must be true or false'), false),
})

export const ChangelogPatchSchema = v.pipe(
  v.strictObject({
    title: v.optional(TitleSchema),
    body: v.optional(ChangelogBodySchema),
    requestIds: v.optional(RequestIdsSchema),
    attachmentIds: v.optional(AttachmentIdsSchema),
    publish: v.optional(v.boolean('publish must be true or false')),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'name at least one field to change'),
)
