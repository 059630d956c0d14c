import { Hono } from 'hono'
import * as v from 'valibot'
import type { RotatedSecretResponse } from '../../shared/api'
import { auditActor } from '../auth/team-actor'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import {
  DEFAULT_ROTATION_GRACE_SECONDS,
  generateSecret,
  MAX_ROTATION_GRACE_SECONDS,
} from '../identity/secrets'

const RotateSchema = v.object({
  graceSeconds: v.optional(
    v.pipe(
      v.number('graceSeconds must be a number'),
      v.integer(),
      v.minValue(0),
      v.maxValue(
        MAX_ROTATION_GRACE_SECONDS,
        `graceSeconds must be at most ${MAX_ROTATION_GRACE_SECONDS}`,
      ),
    ),
    DEFAULT_ROTATION_GRACE_SECONDS,
  ),
})

/** POST /v1/admin/projects/:id/secret: rotate; the previous secret verifies until previousValidUntil. */
export function adminSecretRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post('/v1/admin/projects/:id/secret', async (c) => {
    const { graceSeconds } = await readJsonBody(c, RotateSchema)
    const secret = generateSecret()
    const previousValidUntil = deps.clock.now() + graceSeconds * 1000
    const project = await deps.store.projects.rotateSecret({
      id: c.req.param('id'),
      secret,
      previousValidUntil,
    })
    if (!project) throw notFound.project(c.req.param('id'))
    await deps.store.audit.record({
      projectId: project.id,
      actor: auditActor(c),
      action: 'secret.rotated',
      target: project.id,
      detail: { graceSeconds },
      now: deps.clock.now(),
    })
    deps.verifier.forgetProject(project.id)
    await deps.caches.forgetProject(project.id)
    const body: RotatedSecretResponse = {
      secret,
      previousValidUntil: new Date(previousValidUntil).toISOString(),
    }
    return c.json(body, 201)
  })
}
