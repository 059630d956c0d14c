import { ANONYMOUS_ID_HEADER, IDEMPOTENCY_KEY_HEADER } from '../../../shared/identity'
import type { RouteDoc } from '../route-doc'

/** What every widget route shares: the project in the path, the caller's headers, the errors. */
export const PROJECT_PARAM = {
  projectId: "The project, as in the widget's `data-project-id`.",
} as const

export const REQUEST_PARAMS = {
  ...PROJECT_PARAM,
  requestId: 'A request of that project.',
} as const

export const CALLER_HEADERS: NonNullable<RouteDoc['headers']> = {
  [ANONYMOUS_ID_HEADER]: {
    description:
      'The anonymous caller: a random id (8-128 letters, digits, `-` or `_`) the widget keeps in ' +
      'localStorage. Writes need it or an identity token.',
  },
}

export const CREATING_HEADERS: NonNullable<RouteDoc['headers']> = {
  ...CALLER_HEADERS,
  [IDEMPOTENCY_KEY_HEADER]: {
    description:
      '1-255 visible ASCII characters. The same key from the same caller answers the first ' +
      "call's result again (with `Idempotent-Replayed: true`), never a duplicate.",
  },
}

/** Reads: a bad token, an unknown project, too many reads, the database away. */
export const READ_ERRORS = [400, 401, 404, 429, 503] as const
/** Writes: a body too, so too large as well. */
export const WRITE_ERRORS = [400, 401, 404, 413, 429, 503] as const

export const WIDGET_TAG = 'Widget'
