import * as v from 'valibot'
import { TAG_COLOR_PATTERN, TAG_NAME_MAX_LENGTH, TAGS_PER_REQUEST_MAX } from '../../shared/api'

/** Our ids are `tag_` and 12 characters; anything far longer is not one. */
const TAG_ID_MAX_LENGTH = 64

const TagIdSchema = v.pipe(
  v.string('tagIds must be an array of tag ids'),
  v.minLength(1, 'tagIds must not hold an empty id'),
  v.maxLength(TAG_ID_MAX_LENGTH, 'tagIds must hold tag ids'),
)

/** `?tag={tagId}` on the public list and the backlog; an id no tag has finds nothing. */
export const TagFilterSchema = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(TAG_ID_MAX_LENGTH, `tag must be at most ${TAG_ID_MAX_LENGTH} characters`),
  ),
)

/** PATCH …/requests/{rid} `tagIds`: the request's tags, exactly, each once. */
export const RequestTagIdsSchema = v.optional(
  v.pipe(
    v.array(TagIdSchema, 'tagIds must be an array of tag ids'),
    v.maxLength(TAGS_PER_REQUEST_MAX, `tagIds must hold at most ${TAGS_PER_REQUEST_MAX} tags`),
    v.check((ids) => new Set(ids).size === ids.length, 'tagIds must not repeat a tag'),
  ),
)

const TagNameSchema = v.pipe(
  v.string('name must be a string'),
  v.trim(),
  v.minLength(1, 'name must not be empty'),
  v.maxLength(TAG_NAME_MAX_LENGTH, `name must be at most ${TAG_NAME_MAX_LENGTH} characters`),
)

const TagColorSchema = v.pipe(
  v.string('color must be a string'),
  v.trim(),
  v.regex(TAG_COLOR_PATTERN, 'color must be #rrggbb'),
  v.toLowerCase(),
)

/** POST …/tags. */
export const NewTagSchema = v.object({ name: TagNameSchema, color: TagColorSchema })

/** PATCH …/tags/{tagId}: either field, at least one. */
export const TagPatchSchema = v.pipe(
  v.object({ name: v.optional(TagNameSchema), color: v.optional(TagColorSchema) }),
  v.check(
    (patch) => patch.name !== undefined || patch.color !== undefined,
    'Send name, color or both.',
  ),
)
