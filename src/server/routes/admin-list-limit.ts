import * as v from 'valibot'

/** The most rows one page of an admin list answers (spec/api.md v3 "Cursor pagination"). */
export const ADMIN_PAGE_MAX = 200

/**
 * `?limit=` of an admin list (the backlog, the companies, the people, the audit log): a whole
 * number from 1 to 200; absent, the list's own default applies. Longer lists are walked with
 * `?cursor=` (http/list-cursor.ts).
 */
export const AdminListLimitSchema = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^\d{1,6}$/, `limit must be a whole number from 1 to ${ADMIN_PAGE_MAX}`),
    v.toNumber(),
    v.integer(),
    v.minValue(1, `limit must be a whole number from 1 to ${ADMIN_PAGE_MAX}`),
    v.maxValue(ADMIN_PAGE_MAX, `limit must be a whole number from 1 to ${ADMIN_PAGE_MAX}`),
  ),
)
