import { Hono } from 'hono'
import { TAGS_PER_PROJECT_MAX, type TagResponse, type TagsResponse } from '../../shared/api'
import { conflict, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { isTagNameTaken, type TagRefusal } from '../store/tags-store'
import { NewTagSchema, TagPatchSchema } from './tag-schemas'

const noSuchTag = () => notFound.thing('No such tag in this project.')

function refused(reason: TagRefusal) {
  return reason === 'full'
    ? conflict(`A project holds at most ${TAGS_PER_PROJECT_MAX} tags: delete one first.`)
    : conflict('Another tag of this project has that name.')
}

/** A name another tag took between our check and our write answers 409 like the check does. */
async function orNameTaken<T>(write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (error) {
    if (isTagNameTaken(error)) throw refused('duplicate')
    throw error
  }
}

/**
 * A project's tags (spec/api.md v3 "Tags"): GET lists them by name; POST, PATCH and DELETE
 * manage the vocabulary (settings work: admins and owners). Putting tags on a request is
 * PATCH …/requests/{rid} `tagIds` (triage). Every change drops the project's cached lists:
 * requests show their tags' names and colours.
 */
export function adminTagsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const body: TagsResponse = { tags: await deps.store.tags.list(c.get('project').id) }
      return c.json(body)
    })
    .post('/', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, NewTagSchema)
      const tag = await orNameTaken(
        commit(deps, c, async (w) => {
          const created = await w.store.tags.create({ projectId: project.id, ...input, now: w.now })
          if (typeof created === 'string') throw refused(created)
          await w.audit({
            action: 'tag.created',
            target: created.name,
            detail: { id: created.id, color: created.color },
          })
          return created
        }),
      )
      const body: TagResponse = { tag }
      return c.json(body, 201)
    })
    .patch('/:tagId', async (c) => {
      const project = c.get('project')
      const patch = await readJsonBody(c, TagPatchSchema)
      const tag = await orNameTaken(
        commit(deps, c, async (w) => {
          const result = await w.store.tags.update(project.id, c.req.param('tagId'), patch)
          if (result === null) throw noSuchTag()
          if (result === 'duplicate') throw refused(result)
          const { before, after } = result
          await w.audit({
            action: 'tag.updated',
            target: after.name,
            detail: { id: after.id, ...changedFields(before, after) },
          })
          return after
        }),
      )
      const body: TagResponse = { tag }
      return c.json(body)
    })
    .delete('/:tagId', async (c) => {
      const project = c.get('project')
      await commit(deps, c, async (w) => {
        const removed = await w.store.tags.remove(project.id, c.req.param('tagId'))
        if (!removed) throw noSuchTag()
        await w.audit({
          action: 'tag.deleted',
          target: removed.tag.name,
          detail: { id: removed.tag.id, requests: removed.requests },
        })
      })
      return c.body(null, 204)
    })
}

/** "from … to …" for each field that changed, so the audit log reads like the edit. */
function changedFields(
  before: { name: string; color: string },
  after: { name: string; color: string },
): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  if (before.name !== after.name) fields.name = { from: before.name, to: after.name }
  if (before.color !== after.color) fields.color = { from: before.color, to: after.color }
  return fields
}
