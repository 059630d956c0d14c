import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { RouteDoc } from '../../../src/server/openapi/route-doc'
import { routeDocAnswers } from '../../helpers/route-doc-answers'

/** The live checks are only as good as the checker: it must fail where answer and doc differ. */
const doc: RouteDoc = {
  method: 'get',
  path: '/v1/thing/{id}',
  summary: 'A thing',
  tag: 'Test',
  security: [],
  pathParams: { id: 'The id.' },
  responses: {
    200: {
      description: 'The thing.',
      schema: v.object({ n: v.number(), at: v.pipe(v.string(), v.isoTimestamp()) }),
    },
  },
  errors: [404],
}
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const AT = '2026-12-06T13:00:00.000Z'

describe('checking answers against RouteDocs', () => {
  it('passes an answer that matches, extra fields included, and counts the route as checked', async () => {
    const answers = routeDocAnswers([doc])
    expect(answers.unexercised()).toEqual(['GET /v1/thing/{id}'])
    await answers.json(answer(200, { n: 1, at: AT, extra: true }), 'get', '/v1/thing/{id}', 200)
    expect(answers.unexercised()).toEqual([])
  })

  it('names the route and the first field that differs', async () => {
    const answers = routeDocAnswers([doc])
    await expect(
      answers.json(answer(200, { n: 'one', at: AT }), 'get', '/v1/thing/{id}', 200),
    ).rejects.toThrow(/GET \/v1\/thing\/\{id\} 200: valibot: n:/)
  })

  it('checks the answer with valibot and the published JSON Schema with ajv, formats included', async () => {
    const answers = routeDocAnswers([doc])
    await expect(
      answers.json(answer(200, { n: 1, at: 'yesterday' }), 'get', '/v1/thing/{id}', 200),
    ).rejects.toThrow(/valibot: at: .*; ajv: \/at must match format "date-time"/)
  })

  it('refuses a status the doc does not name, and an error that is not {error: {code}}', async () => {
    const answers = routeDocAnswers([doc])
    await expect(answers.json(answer(409, {}), 'get', '/v1/thing/{id}', 409)).rejects.toThrow(
      /409 is neither/,
    )
    await expect(
      answers.json(answer(404, { message: 'gone' }), 'get', '/v1/thing/{id}', 404),
    ).rejects.toThrow(/not \{error/)
    await expect(
      answers.json(
        answer(404, { error: { code: 'not_found', message: 'gone' } }),
        'get',
        '/v1/thing/{id}',
        200,
      ),
    ).rejects.toThrow(/answered 404, expected 200/)
  })
})
