import { ProjectPatchSchema } from '../../routes/admin-project-settings'
import { NewProjectSchema } from '../../routes/admin-projects'
import { RotateSchema } from '../../routes/admin-secret'
import { TokenCheckSchema } from '../../routes/admin-token-check'
import type { RouteDoc } from '../route-doc'
import {
  CreatedProjectResponseSchema,
  InstallStatusResponseSchema,
  ProjectListResponseSchema,
  ProjectResponseSchema,
  RotatedSecretResponseSchema,
  TokenCheckResponseSchema,
} from '../schemas/admin-projects'
import { adminDoc, adminErrors, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: projects'

/** Projects, their settings, the identity secret, "Check a token" and the install check. */
export const adminProjectsDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects',
    tag,
    summary: 'List the projects',
    description: 'Every project with its audience and settings; never a secret.',
    responses: { 200: { description: 'The projects.', schema: ProjectListResponseSchema } },
    errors: adminErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects',
    tag,
    summary: 'Create a project',
    description:
      'Answers the project and its identity secret: the secret is shown only here and on rotation.',
    body: NewProjectSchema,
    responses: {
      201: { description: 'The project and its secret.', schema: CreatedProjectResponseSchema },
    },
    errors: adminErrors(BODY),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/projects/{id}',
    tag,
    summary: 'Rename a project or change its settings',
    description:
      'Any of the settings (requireIdentity, allowAnonymousComments, widget, siteUrl, ssoUrl, portal); the widget and portal settings in part, the others stay. A portal domain another project holds: 409 conflict.',
    pathParams: PARAM.project,
    body: ProjectPatchSchema,
    responses: { 200: { description: 'The project as saved.', schema: ProjectResponseSchema } },
    errors: projectErrors(BODY, 409),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/secret',
    tag,
    summary: 'Rotate the identity secret',
    description:
      'The new secret signs from now on; the previous one still verifies until previousValidUntil (graceSeconds, default 24 h).',
    pathParams: PARAM.project,
    body: RotateSchema,
    responses: {
      201: { description: 'The new secret.', schema: RotatedSecretResponseSchema },
    },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/token-check',
    tag,
    summary: 'Check an identity token',
    description:
      'Verifies the token exactly as the public API would and answers the verdict in a 200 (with the token error code when it is refused); records nothing.',
    pathParams: PARAM.project,
    body: TokenCheckSchema,
    responses: { 200: { description: 'The verdict.', schema: TokenCheckResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/install',
    tag,
    summary: 'Where the widget has been seen',
    description: "Each origin's first and latest sighting, and the project's first steps.",
    pathParams: PARAM.project,
    responses: {
      200: { description: 'The install status.', schema: InstallStatusResponseSchema },
    },
    errors: projectErrors(),
  }),
]
