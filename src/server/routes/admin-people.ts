import { Hono } from 'hono'
import * as v from 'valibot'
import type { PeopleListResponse, PersonDetailResponse } from '../../shared/api'
import { notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { optionalListCursor, pageOf } from '../http/list-cursor'
import { toAdminComment, toPublicRequest } from '../http/wire'
import { keyShape } from '../store/keyset'
import { PEOPLE_KEYSET, PEOPLE_LIMIT, PERSON_COMMENTS_SHOWN } from '../store/people-admin-store'
import { erasePerson } from '../store/person-erasure'
import { exportPerson } from '../store/person-export'
import { AdminListLimitSchema } from './admin-list-limit'

/** `?q=&limit=&cursor=` of the people list (exported for the API's description). */
export const PeopleQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'q must be at most 200 characters'))),
  limit: AdminListLimitSchema,
  cursor: v.optional(v.string()),
})

const noSuchPerson = () => notFound.thing('No person with this sub in this project.')

/** A download name from a sub the customer's server chose: nothing but safe characters. */
export function exportFileName(sub: string): string {
  const safe = sub.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100)
  return `person-${safe || 'unnamed'}.json`
}

/**
 * The people of a project (spec/api.md v3 "People (GDPR)"): GET /people (search, cursor
 * pages), GET /people/:sub (their requests, votes and comments), GET /people/:sub/export
 * (everything stored about them, one JSON download) and DELETE /people/:sub (erasure).
 */
export function adminPeopleRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const project = c.get('project')
      const query = parseOrFail(PeopleQuerySchema, {
        q: c.req.query('q'),
        limit: c.req.query('limit'),
        cursor: c.req.query('cursor'),
      })
      const limit = query.limit ?? PEOPLE_LIMIT
      const page = pageOf(
        await deps.store.peopleAdmin.list({
          projectId: project.id,
          q: query.q || undefined,
          limit: limit + 1,
          after: optionalListCursor(query.cursor, 'people', keyShape(PEOPLE_KEYSET)),
        }),
        limit,
        'people',
        (person) => person.key,
      )
      const body: PeopleListResponse = {
        people: page.rows.map(({ key: _key, ...person }) => person),
        nextCursor: page.nextCursor,
      }
      return c.json(body)
    })
    .get('/:sub', async (c) => {
      const project = c.get('project')
      const sub = c.req.param('sub')
      const detail = await deps.store.peopleAdmin.detail(project.id, sub)
      if (!detail) throw noSuchPerson()
      const comments = await deps.store.comments.listByAuthors(
        project.id,
        [`s:${sub}`],
        PERSON_COMMENTS_SHOWN,
      )
      const { requests: _r, votes: _v, comments: _c, ...summary } = detail.summary
      const body: PersonDetailResponse = {
        person: {
          ...summary,
          requests: detail.requests.map((request) => ({
            ...toPublicRequest(request),
            mrrCents: request.mrrCents,
            accounts: request.accounts,
          })),
          votes: detail.votes,
          comments: comments.map(toAdminComment),
          erasure: detail.erasure,
        },
      }
      return c.json(body)
    })
    .get('/:sub/export', async (c) => {
      const project = c.get('project')
      const sub = c.req.param('sub')
      const document = await exportPerson(deps.store.db, project.id, sub, deps.clock.now())
      if (!document) throw noSuchPerson()
      return c.body(JSON.stringify(document, null, 2), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(sub)}"`,
        'Cache-Control': 'no-store',
      })
    })
    .delete('/:sub', async (c) => {
      const sub = c.req.param('sub')
      await commit(deps, c, async (w) => {
        const erased = await erasePerson(w.tx, c.get('project').id, sub)
        if (!erased) throw noSuchPerson()
        await w.audit({ action: 'person.deleted', target: sub, detail: { ...erased } })
      })
      return c.body(null, 204)
    })
}
