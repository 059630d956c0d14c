import * as v from 'valibot'
import { ReadUpdatesSchema } from '../../routes/updates'
import type { RouteDoc } from '../route-doc'
import { PublicChangelogResponseSchema, RoadmapResponseSchema } from '../schemas/changelog'
import { UnsubscribedSchema } from '../schemas/ops'
import { WidgetProjectResponseSchema } from '../schemas/project'
import { UnreadResponseSchema, UpdatesResponseSchema } from '../schemas/requests'
import {
  CALLER_HEADERS,
  PROJECT_PARAM,
  READ_ERRORS,
  WIDGET_TAG,
  WRITE_ERRORS,
} from './public-common'

const security = ['identityToken'] as const

/** `?locale=` is read as it comes (an unknown language answers no `messages`); never refused. */
const WidgetQuerySchema = v.object({
  locale: v.optional(
    v.pipe(
      v.string(),
      v.description(
        "The page's language, e.g. `de-AT`: adds `messages` when Reqio speaks it (en, de, fr).",
      ),
    ),
  ),
})

/** What the widget reads besides the board, and the email footer's unsubscribe link. */
export const publicProjectDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/projects/{projectId}/widget',
    summary: "The widget's project and settings",
    description:
      'Name, settings (look, tabs; `auto` tabs already resolved) and, with `?locale=`, the strings.',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    query: WidgetQuerySchema,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'The project.', schema: WidgetProjectResponseSchema } },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/projects/{projectId}/roadmap',
    summary: 'The public roadmap',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'The lanes.', schema: RoadmapResponseSchema } },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/projects/{projectId}/changelog',
    summary: 'The published changelog',
    description:
      'Published entries only, newest first; `bodyNodes` is the Markdown as a safe tree.',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'The entries.', schema: PublicChangelogResponseSchema } },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/projects/{projectId}/updates',
    summary: "The signed-in person's updates",
    description:
      'What moved on the requests they wrote, voted or commented on, newest first. Anonymous ' +
      'callers get `{updates: [], unread: 0}`.',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'The updates.', schema: UpdatesResponseSchema } },
    errors: READ_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/projects/{projectId}/updates/read',
    summary: 'Mark updates read',
    description: '`ids` absent: all of them. Anonymous callers: `{unread: 0}`.',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    headers: CALLER_HEADERS,
    body: ReadUpdatesSchema,
    responses: { 200: { description: 'What is still unread.', schema: UnreadResponseSchema } },
    errors: WRITE_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/unsubscribe/{token}',
    summary: 'The unsubscribe page',
    description:
      "Every email's `List-Unsubscribe` link. Shows a button only (mail scanners follow links); " +
      'the signed URL is the authorisation.',
    tag: 'Email',
    security: [],
    pathParams: { token: "The signed token of the email's link." },
    responses: { 200: { description: 'A page with the button.', contentType: 'text/html' } },
    errors: [400],
  },
  {
    method: 'post',
    path: '/v1/unsubscribe/{token}',
    summary: 'Unsubscribe in one click',
    description:
      "RFC 8058's one-click unsubscribe: stops every email to that person from that project. " +
      'Answers a short page instead when the client accepts `text/html`.',
    tag: 'Email',
    security: [],
    pathParams: { token: "The signed token of the email's link." },
    responses: { 200: { description: 'Unsubscribed.', schema: UnsubscribedSchema } },
    errors: [400],
  },
]
