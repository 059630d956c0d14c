import { NewApiKeySchema } from '../../routes/admin-api-keys'
import { PeopleQuerySchema } from '../../routes/admin-people'
import { NewRequestOnBehalfSchema, VoteOnBehalfSchema } from '../../routes/on-behalf-schemas'
import type { RouteDoc } from '../route-doc'
import {
  ApiKeyListResponseSchema,
  CreatedApiKeyResponseSchema,
  OnBehalfRequestResponseSchema,
  PeopleListResponseSchema,
  PersonDetailResponseSchema,
  PersonExportSchema,
} from '../schemas/admin-v3'
import {
  adminDoc,
  BODY,
  describedQuery,
  PAGE_MEANINGS,
  PARAM,
  projectErrors,
} from './admin-doc-parts'

/**
 * v3 routes (spec/api.md "API keys, people, and feedback on a customer's behalf"), their bodies
 * and queries the very schemas the routes validate with. Their changes to routes that exist
 * already live beside those routes: the comments route's onBehalfOf, and `cursor` /
 * `nextCursor` on the backlog, companies and audit.
 */

const idempotencyKey = {
  'Idempotency-Key': {
    description: 'The same key again answers what the first call did, never a duplicate.',
  },
}
const personParams = { ...PARAM.project, sub: "The person's sub (the token's subject)." }
const keyRefused =
  'An API key may not manage keys (403 forbidden); owner and admin roles, or the admin token.'

export const adminApiKeysDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/api-keys',
    tag: 'Admin: API keys',
    summary: 'Create an API key',
    description: `scopes among read, write and admin. key starts rq_, carries at least 32 random bytes, is shown only here and stored only as a hash. ${keyRefused}`,
    pathParams: PARAM.project,
    body: NewApiKeySchema,
    responses: {
      201: { description: 'The key and its secret value.', schema: CreatedApiKeyResponseSchema },
    },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/api-keys',
    tag: 'Admin: API keys',
    summary: "List the project's API keys",
    description: `Never the key itself. ${keyRefused}`,
    pathParams: PARAM.project,
    responses: { 200: { description: 'The keys.', schema: ApiKeyListResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/api-keys/{kid}',
    tag: 'Admin: API keys',
    summary: 'Revoke an API key',
    description: `No longer listed, and refused (401 unauthorized) from then on in every process. ${keyRefused}`,
    pathParams: { ...PARAM.project, kid: 'The API key id.' },
    responses: { 204: { description: 'Revoked.' } },
    errors: projectErrors(),
  }),
]

export const adminOnBehalfDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests',
    tag: 'Admin: requests',
    summary: 'Create a request for a customer',
    description:
      'Authored by onBehalfOf, their vote counted with their revenue and company. A bad onBehalfOf: 400 validation_failed naming the field, nothing stored.',
    pathParams: PARAM.project,
    headers: idempotencyKey,
    body: NewRequestOnBehalfSchema,
    responses: {
      201: { description: 'The request.', schema: OnBehalfRequestResponseSchema },
    },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests/{rid}/votes',
    tag: 'Admin: requests',
    summary: 'Vote for a customer',
    description: 'Idempotent: a second vote of the same person changes nothing.',
    pathParams: PARAM.request,
    headers: idempotencyKey,
    body: VoteOnBehalfSchema,
    responses: { 200: { description: 'The request.', schema: OnBehalfRequestResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/requests/{rid}/votes/{sub}',
    tag: 'Admin: requests',
    summary: "Remove a customer's vote",
    pathParams: { ...PARAM.request, sub: "The voter's sub." },
    responses: { 200: { description: 'The request.', schema: OnBehalfRequestResponseSchema } },
    errors: projectErrors(),
  }),
]

export const adminPeopleDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/people',
    tag: 'Admin: people',
    summary: 'List and search people',
    description:
      'q searches email, name and company; pages with limit (≤ 200) and cursor, nextCursor null at the end.',
    pathParams: PARAM.project,
    query: describedQuery(PeopleQuerySchema, {
      q: 'Words in the email, name or company.',
      ...PAGE_MEANINGS,
    }),
    responses: { 200: { description: 'The people.', schema: PeopleListResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/people/{sub}',
    tag: 'Admin: people',
    summary: 'A person, their requests, votes and comments',
    description: 'Unknown or deleted person: 404.',
    pathParams: personParams,
    responses: { 200: { description: 'The person.', schema: PersonDetailResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/people/{sub}/export',
    tag: 'Admin: people',
    summary: 'Export everything stored about a person (GDPR)',
    description: 'One JSON document. Unknown or deleted person: 404.',
    pathParams: personParams,
    responses: { 200: { description: 'The export.', schema: PersonExportSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/people/{sub}',
    tag: 'Admin: people',
    summary: 'Erase a person (GDPR)',
    description:
      'Their email, name, traits, company link, anonymous-id links and comments are erased and their votes removed (counts and revenue drop at once); requests they wrote stay, with no author. Audited as person.deleted (target: the sub).',
    pathParams: personParams,
    responses: { 204: { description: 'Erased.' } },
    errors: projectErrors(),
  }),
]

/** Every v3 admin route that does not exist before v3. */
export const adminV3Docs: readonly RouteDoc[] = [
  ...adminApiKeysDocs,
  ...adminOnBehalfDocs,
  ...adminPeopleDocs,
]
