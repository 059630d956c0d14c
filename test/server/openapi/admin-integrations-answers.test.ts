import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_DOCS } from '../../../src/server/openapi/routes/admin-index'
import { adminIntegrationsDocs } from '../../../src/server/openapi/routes/admin-integrations'
import { integrationsInboundDocs } from '../../../src/server/openapi/routes/integrations-inbound'
import { routeDocAnswers } from '../../helpers/route-doc-answers'
import { startTestServer, type TestServer } from '../../helpers/start-server'

const answers = routeDocAnswers([...ADMIN_ROUTE_DOCS, ...integrationsInboundDocs])
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

describe('the integration and link routes answer as their RouteDocs say', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: false })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('for set-ups, links and the GitHub webhook, refusals included', async () => {
    const admin = server.adminFetch
    const { project } = await server.createProject('Integrations')
    const base = `/v1/admin/projects/${project.id}`
    const P = '/v1/admin/projects/{id}'
    const L = `${P}/requests/{rid}/links`
    const requestId = (
      await answers.json(
        await admin(
          `${base}/requests`,
          json('POST', { title: 'Dark mode', onBehalfOf: { sub: 'ann' } }),
        ),
        'post',
        `${P}/requests`,
        201,
      )
    ).request.id as string

    await answers.json(await admin(`${base}/integrations`), 'get', `${P}/integrations`, 200)
    const { secret } = await answers.json(
      await admin(
        `${base}/integrations/github`,
        json('POST', { token: 't0k3n', repository: 'acme/app' }),
      ),
      'post',
      `${P}/integrations/github`,
      201,
    )
    await answers.json(
      await admin(`${base}/integrations/github`, json('POST', { repo: 'acme/app' })),
      'post',
      `${P}/integrations/github`,
      400,
    )
    await answers.json(
      await admin(`${base}/integrations/linear`, json('POST', { teamId: 'team-1' })),
      'post',
      `${P}/integrations/linear`,
      201,
    )
    const shown = await answers.json(
      await admin(`${base}/integrations`),
      'get',
      `${P}/integrations`,
      200,
    )
    expect(shown.github.repository).toBe('acme/app')
    expect(JSON.stringify(shown)).not.toContain('t0k3n')

    const linked = await answers.json(
      await admin(
        `${base}/requests/${requestId}/links`,
        json('POST', { url: 'https://github.com/acme/app/issues/3' }),
      ),
      'post',
      L,
      201,
    )
    await answers.json(
      await admin(
        `${base}/requests/${requestId}/links`,
        json('POST', { url: 'https://github.com/acme/app/issues/3' }),
      ),
      'post',
      L,
      200,
    )
    await answers.json(
      await admin(`${base}/requests/${requestId}/links`, json('POST', { url: 'ftp://nope' })),
      'post',
      L,
      400,
    )
    await answers.json(
      await admin(
        `${base}/requests/req_nope/links`,
        json('POST', { url: 'https://github.com/acme/app/issues/3' }),
      ),
      'post',
      L,
      404,
    )
    await answers.json(await admin(`${base}/requests/${requestId}/links`), 'get', L, 200)

    const body = JSON.stringify({
      action: 'closed',
      issue: { number: 3 },
      repository: { full_name: 'acme/app' },
    })
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
    const inbound = '/v1/integrations/github/{pid}'
    const deliver = (headers: Record<string, string>) =>
      fetch(`${server.url}/v1/integrations/github/${project.id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-GitHub-Event': 'issues', ...headers },
        body,
      })
    expect(
      await answers.json(await deliver({ 'X-Hub-Signature-256': signature }), 'post', inbound, 200),
    ).toEqual({ moved: 1 })
    await answers.json(await deliver({ 'X-Hub-Signature-256': 'sha256=00' }), 'post', inbound, 401)

    await answers.json(
      await admin(`${base}/requests/${requestId}/links/${linked.link.id}`, json('DELETE')),
      'delete',
      `${L}/{lid}`,
      204,
    )
    await answers.json(
      await admin(`${base}/requests/${requestId}/links/${linked.link.id}`, json('DELETE')),
      'delete',
      `${L}/{lid}`,
      404,
    )
    await answers.json(
      await admin(`${base}/integrations/github`, json('DELETE')),
      'delete',
      `${P}/integrations/{kind}`,
      204,
    )
    await answers.json(
      await admin(`${base}/integrations/jira`, json('DELETE')),
      'delete',
      `${P}/integrations/{kind}`,
      400,
    )

    const ours = new Set(
      [...adminIntegrationsDocs, ...integrationsInboundDocs]
        .filter((doc) => doc.path !== '/v1/integrations/linear/{pid}')
        .map((doc) => `${doc.method.toUpperCase()} ${doc.path}`),
    )
    expect(answers.unexercised().filter((route) => ours.has(route))).toEqual([])
  })
})
