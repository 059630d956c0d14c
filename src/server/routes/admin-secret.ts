import { Hono } from 'hono'
import * as v from 'valibot'
import type { RotatedSecretResponse } from '../../shared/api'
import { auditActor } from '../auth/team-actor'
import { ApiError, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import {
  DEFAULT_ROTATION_GRACE_SECONDS,
  generateSecret,
  MAX_ROTATION_GRACE_SECONDS,
} from '../identity/secrets'

export const RotateSchema = v.object({
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
  return new Hono<AppEnv>().post('/', async (c) => {
    const { graceSeconds } = await readJsonBody(c, RotateSchema)
    const secret = generateSecret()
    const { id } = c.get('project')
    const previousValidUntil = await commit(deps, c, async (w) => {
      const validUntil = w.now + graceSeconds * 1000
      const rotated = await w.store.projects.rotateSecret({
        id,
        secret,
        previousValidUntil: validUntil,
      })
      if (!rotated) throw notFound.project(id)
      await w.audit({ action: 'secret.rotated', target: id, detail: { graceSeconds } })
      return validUntil
    })
    // Verifiers and the cached project row hold the old secret: every process re-reads it.
    deps.verifier.forgetProject(id)
    await deps.caches.forgetProject(id)
    const body: RotatedSecretResponse = {
      secret,
      previousValidUntil: new Date(previousValidUntil).toISOString(),
    }
    return c.json(body, 201)
  })
}
