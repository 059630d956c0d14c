import { NewTagSchema, TagPatchSchema } from '../../routes/tag-schemas'
import type { RouteDoc } from '../route-doc'
import { TagResponseSchema, TagsResponseSchema } from '../schemas/tags'
import { adminDoc, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: tags'
const tagParams = { ...PARAM.project, tagId: 'The tag id.' }
const settingsWork = 'Admin and owner roles (a member may put tags on requests, not shape them).'

/** A project's tags (spec/api.md v3 "Tags"); tagging a request is PATCH …/requests/{rid}. */
export const adminTagsDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/tags',
    tag,
    summary: "List the project's tags",
    description: 'By name, for everyone on the team.',
    pathParams: PARAM.project,
    responses: { 200: { description: 'The tags.', schema: TagsResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/tags',
    tag,
    summary: 'Create a tag',
    description: `name (≤ 40 characters) and color (#rrggbb). A name another tag of the project has, whatever its case, or a project holding 100 tags already: 409 conflict. ${settingsWork}`,
    pathParams: PARAM.project,
    body: NewTagSchema,
    responses: { 201: { description: 'The tag.', schema: TagResponseSchema } },
    errors: projectErrors(BODY, 409),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/projects/{id}/tags/{tagId}',
    tag,
    summary: 'Rename or recolour a tag',
    description: `Either field or both; every request carrying it shows the change at once. A taken name: 409 conflict. ${settingsWork}`,
    pathParams: tagParams,
    body: TagPatchSchema,
    responses: { 200: { description: 'The tag.', schema: TagResponseSchema } },
    errors: projectErrors(BODY, 409),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/tags/{tagId}',
    tag,
    summary: 'Delete a tag',
    description: `Takes it off every request. ${settingsWork}`,
    pathParams: tagParams,
    responses: { 204: { description: 'Deleted.' } },
    errors: projectErrors(),
  }),
]
