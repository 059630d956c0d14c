import { Hono } from 'hono'
import * as v from 'valibot'
import {
  API_KEY_NAME_MAX_LENGTH,
  API_KEY_SCOPES,
  type ApiKeyInfo,
  type ApiKeysResponse,
  type CreatedApiKeyResponse,
} from '../../shared/api/api-keys'
import { newApiKey } from '../auth/api-key-format'
import { auditActor } from '../auth/team-actor'
import { notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import type { ApiKeyRecord } from '../store/api-keys-store'

export const NewApiKeySchema = v.object({
  name: v.pipe(
    v.string('name must be a string'),
    v.trim(),
    v.minLength(1, 'name must not be empty'),
    v.maxLength(
      API_KEY_NAME_MAX_LENGTH,
      `name must be at most ${API_KEY_NAME_MAX_LENGTH} characters`,
    ),
  ),
  scopes: v.pipe(
    v.array(
      v.picklist(API_KEY_SCOPES, `scopes must be among ${API_KEY_SCOPES.join(', ')}`),
      'scopes must be an array',
    ),
    v.minLength(1, 'scopes must name at least one scope'),
  ),
})

export const toApiKeyInfo = (key: ApiKeyRecord): ApiKeyInfo => ({
  id: key.id,
  name: key.name,
  scopes: key.scopes,
  prefix: key.prefix,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt,
})

/**
 * A project's API keys (spec/api.md v3; owner and admin only, never a key itself: see
 * auth/api-key-scopes.ts). The key is in the creation answer and nowhere else; the database
 * keeps its hash. A revocation answers once every server process has forgotten the key.
 */
export function adminApiKeysRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, NewApiKeySchema)
      const { key, hash, prefix } = newApiKey()
      const created = await commit(deps, c, async (w) => {
        const apiKey = await w.store.apiKeys.create({
          projectId: project.id,
          name: input.name,
          scopes: input.scopes,
          keyHash: hash,
          prefix,
          createdBy: auditActor(c),
          now: w.now,
        })
        await w.audit({
          action: 'api_key.created',
          target: apiKey.name,
          detail: { id: apiKey.id, prefix: apiKey.prefix, scopes: apiKey.scopes },
        })
        // Nothing cached changes: a new key is looked up on its first use.
        w.nothingChanged()
        return apiKey
      })
      const body: CreatedApiKeyResponse = { apiKey: toApiKeyInfo(created), key }
      return c.json(body, 201)
    })
    .get('/', async (c) => {
      const keys = await deps.store.apiKeys.listLive(c.get('project').id)
      const body: ApiKeysResponse = { apiKeys: keys.map(toApiKeyInfo) }
      return c.json(body)
    })
    .delete('/:kid', async (c) => {
      const project = c.get('project')
      await commit(deps, c, async (w) => {
        const revoked = await w.store.apiKeys.revoke(project.id, c.req.param('kid'), w.now, w.tx)
        if (!revoked) throw notFound.thing('No such API key in this project (or it was revoked).')
        await w.audit({
          action: 'api_key.revoked',
          target: revoked.name,
          detail: { id: revoked.id, prefix: revoked.prefix },
        })
        w.nothingChanged()
      })
      // Here at once, then every other process before this answers (the change feed's echo).
      deps.apiKeys.forgetProject(project.id)
      await deps.caches.forgetProject(project.id)
      return c.body(null, 204)
    })
}
