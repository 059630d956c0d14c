import { TeamEmailSettingsSchema } from '../../routes/auth-notifications'
import type { RouteDoc } from '../route-doc'
import { TeamEmailSettingsResponseSchema } from '../schemas/team-email'

const TEAM_EMAIL =
  'Team email: with SMTP on, a member is emailed about new requests and customers\u2019 comments ' +
  'in the projects they can see (coalesced like customers\u2019 emails, never about their own ' +
  'action). Until they choose, owners and admins get both and members and viewers neither.'

/** spec/api.md v3 "The team's tools" > Team email: the signed-in member's own choices. */
export const authNotificationsDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/auth/notifications',
    summary: 'What I am emailed about',
    description: TEAM_EMAIL,
    tag: 'Auth',
    security: ['sessionCookie'],
    responses: {
      200: { description: 'My choices.', schema: TeamEmailSettingsResponseSchema },
    },
    errors: [401, 503],
  },
  {
    method: 'put',
    path: '/v1/auth/notifications',
    summary: 'Choose what I am emailed about',
    description: `${TEAM_EMAIL} A choice left out keeps its value; a value that is not true or false is 400 naming the field.`,
    tag: 'Auth',
    security: ['sessionCookie'],
    body: TeamEmailSettingsSchema,
    responses: {
      200: { description: 'My choices, as saved.', schema: TeamEmailSettingsResponseSchema },
    },
    errors: [400, 401, 403, 413, 503],
  },
]
