import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_DOCS } from '../../../src/server/openapi/routes/admin-index'
import { adminTagsDocs } from '../../../src/server/openapi/routes/admin-tags'
import { routeDocAnswers } from '../../helpers/route-doc-answers'
import { startTestServer, type TestServer } from '../../helpers/start-server'

const answers = routeDocAnswers(ADMIN_ROUTE_DOCS)
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

describe('the tag routes answer as their RouteDocs say', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('for creating, listing, renaming and deleting, refusals included', async () => {
    const admin = server.adminFetch
    const { project } = await server.createProject('Tags')
    const base = `/v1/admin/projects/${project.id}`
    const P = '/v1/admin/projects/{id}'
    const T = `${P}/tags/{tagId}`

    const created = await answers.json(
      await admin(`${base}/tags`, json('POST', { name: 'Billing', color: '#1D4ED8' })),
      'post',
      `${P}/tags`,
      201,
    )
    expect(created.tag).toMatchObject({ name: 'Billing', color: '#1d4ed8' })
    await answers.json(
      await admin(`${base}/tags`, json('POST', { name: 'BILLING', color: '#000000' })),
      'post',
      `${P}/tags`,
      409,
    )
    await answers.json(
      await admin(`${base}/tags`, json('POST', { name: 'x'.repeat(41), color: '#000000' })),
      'post',
      `${P}/tags`,
      400,
    )
    const listed = await answers.json(await admin(`${base}/tags`), 'get', `${P}/tags`, 200)
    expect(listed.tags).toEqual([created.tag])
    const id = created.tag.id
    await answers.json(
      await admin(`${base}/tags/${id}`, json('PATCH', { name: 'Invoices' })),
      'patch',
      T,
      200,
    )
    await answers.json(await admin(`${base}/tags/${id}`, json('PATCH', {})), 'patch', T, 400)
    await answers.json(
      await admin(`${base}/tags/tag_nope`, json('PATCH', { color: '#ffffff' })),
      'patch',
      T,
      404,
    )
    await answers.json(await admin(`${base}/tags/${id}`, json('DELETE')), 'delete', T, 204)
    await answers.json(await admin(`${base}/tags/${id}`, json('DELETE')), 'delete', T, 404)

    const tagRoutes = new Set(adminTagsDocs.map((doc) => `${doc.method.toUpperCase()} ${doc.path}`))
    expect(answers.unexercised().filter((route) => tagRoutes.has(route))).toEqual([])
  })
})
