import * as v from 'valibot'
import { INTEGRATION_KINDS } from '../store/integrations-store'
import { TRACKER_KINDS } from '../store/request-links-store'

/** An issue URL is short; anything this long is not one. */
const ISSUE_URL_MAX_LENGTH = 500

/** POST …/requests/{rid}/links: `{url}` links an issue, `{create}` makes one there and links it. */
export const NewRequestLinkSchema = v.pipe(
  v.object({
    url: v.optional(
      v.pipe(
        v.string('url must be a string'),
        v.trim(),
        v.minLength(1, 'url must not be empty'),
        v.maxLength(ISSUE_URL_MAX_LENGTH, `url must be at most ${ISSUE_URL_MAX_LENGTH} characters`),
      ),
    ),
    create: v.optional(v.picklist(TRACKER_KINDS, 'create must be "github" or "linear"')),
  }),
  v.check(
    (body) => (body.url === undefined) !== (body.create === undefined),
    'Send either url (an issue to link) or create ("github" or "linear"), not both.',
  ),
)

/** The `{kind}` of DELETE …/integrations/{kind}. */
export const IntegrationKindSchema = v.picklist(
  INTEGRATION_KINDS,
  'The integration must be slack, github or linear.',
)
