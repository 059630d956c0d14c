import * as v from 'valibot'

/**
 * `?limit=` of an admin list (the backlog, the companies): a whole number from 1 to 500; absent,
 * the list's own default applies.
 */
export const AdminListLimitSchema = v.optional(
  v.pipe(
    v.string(),
    v.toNumber(),
    v.integer(),
    v.minValue(1),
    v.maxValue(500, 'limit must be at most 500'),
  ),
)
