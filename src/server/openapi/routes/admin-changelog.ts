import { ChangelogPatchSchema, NewChangelogEntrySchema } from '../../routes/changelog-schemas'
import type { RouteDoc } from '../route-doc'
import {
  ChangelogAudienceQuerySchema,
  ChangelogEntryResponseSchema,
  ChangelogListResponseSchema,
} from '../schemas/admin-changelog'
import { AudienceResponseSchema } from '../schemas/admin-common'
import { adminDoc, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: changelog'
const projectParam = PARAM.project
const entryParams = { ...PARAM.project, eid: 'The changelog entry id.' }
const entryNotFound = 'No such entry in this project: 404.'

/** The dashboard's changelog (spec "Roadmap and changelog"): drafts, publishing, audience. */
export const adminChangelogDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/changelog',
    tag,
    summary: 'Every changelog entry, drafts included',
    pathParams: projectParam,
    responses: { 200: { description: 'The entries.', schema: ChangelogListResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/changelog',
    tag,
    summary: 'Write a changelog entry',
    description:
      'A draft, or published at once with publish: true. Publishing makes every linked request done and tells their people, in one transaction. Unknown request ids: 400; a body the server cannot render within its bounds: 400.',
    pathParams: projectParam,
    body: NewChangelogEntrySchema,
    responses: { 201: { description: 'The entry.', schema: ChangelogEntryResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/projects/{id}/changelog/{eid}',
    tag,
    summary: 'Edit, publish or unpublish a changelog entry',
    description: `The same fields as creating, at least one. ${entryNotFound}`,
    pathParams: entryParams,
    body: ChangelogPatchSchema,
    responses: { 200: { description: 'The entry.', schema: ChangelogEntryResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/changelog/{eid}',
    tag,
    summary: 'Delete a changelog entry',
    description: entryNotFound,
    pathParams: entryParams,
    responses: { 204: { description: 'Deleted.' } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/changelog/audience',
    tag,
    summary: 'Who publishing would tell',
    description:
      'For an entry shipping these requests: the people who would be told (the member asking left out), how many get an email, and the anonymous ones.',
    pathParams: projectParam,
    query: ChangelogAudienceQuerySchema,
    responses: { 200: { description: 'The audience.', schema: AudienceResponseSchema } },
    errors: projectErrors(),
  }),
]
