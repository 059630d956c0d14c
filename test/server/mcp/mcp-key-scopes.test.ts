// Nothing a key may not do can be done through MCP: the key's scope and project hold for every
// tool (they call REST as the key), and /mcp refuses at the HTTP level without a live key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeBackends } from '../../helpers/backends'
import { callTool, connectMcp, createApiKey } from '../../helpers/mcp-client'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { customerFeedback, PRO, STARTER } from './customer-feedback'

describe.each(storeBackends())('MCP and key scopes on $name', (backend) => {
  let server: TestServer
  let projectId: string
  let feedback: ReturnType<typeof customerFeedback>
  let readKey: string
  let sso: string
  let saml: string
  let otherProjectRequest: string

  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
    const created = await server.createProject('Acme Analytics')
    projectId = created.project.id
    feedback = customerFeedback(server, projectId, created.secret)
    sso = await feedback.submit({ sub: 'ann', traits: PRO }, 'SSO')
    saml = await feedback.submit({ sub: 'bob', traits: STARTER }, 'SAML')
    readKey = await createApiKey(server, projectId, 'reporting', ['read'])
    const other = await server.createProject('Globex')
    otherProjectRequest = await customerFeedback(server, other.project.id, other.secret).submit(
      { sub: 'zed' },
      'Secret roadmap item',
    )
  })
  afterAll(async () => {
    await server.close()
  })

  it('lets a read key search, read and preview a merge', async () => {
    const mcp = await connectMcp(server.url, readKey)
    try {
      const found = await callTool(mcp, 'search_requests', {})
      expect(found.isError).toBeFalsy()
      expect((found.structuredContent as { requests: unknown[] }).requests).toHaveLength(2)
      expect((await callTool(mcp, 'get_request', { requestId: sso })).isError).toBeFalsy()
      const preview = await callTool(mcp, 'merge_requests', { sourceId: saml, targetId: sso })
      expect(preview.structuredContent).toMatchObject({ merged: false })
    } finally {
      await mcp.close()
    }
  })

  it('refuses every write tool to a read key with forbidden, changing nothing', async () => {
    const backlogBefore = await feedback.backlog()
    const auditBefore = await feedback.audit()
    const mcp = await connectMcp(server.url, readKey)
    try {
      const writes: Array<[string, Record<string, unknown>]> = [
        ['create_request', { title: 'Sneaky', onBehalfOf: { sub: 'eve' } }],
        ['add_vote', { requestId: sso, onBehalfOf: { sub: 'eve' } }],
        ['set_status', { requestId: sso, status: 'done', note: 'Shipped' }],
        ['reply', { requestId: sso, body: 'Hello' }],
        ['add_internal_note', { requestId: sso, body: 'Note' }],
        ['merge_requests', { sourceId: saml, targetId: sso, confirm: true }],
        ['draft_changelog', { title: 'Draft', body: 'Body' }],
      ]
      for (const [name, args] of writes) {
        const result = await callTool(mcp, name, args)
        expect({ name, isError: result.isError, text: result.text }).toMatchObject({
          name,
          isError: true,
          text: expect.stringMatching(/^forbidden \(HTTP 403\)/),
        })
      }
    } finally {
      await mcp.close()
    }
    expect(await feedback.backlog()).toEqual(backlogBefore)
    expect(await feedback.audit()).toEqual(auditBefore)
    const changelog = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`)
    expect(((await changelog.json()) as { entries: unknown[] }).entries).toEqual([])
  })

  it('cannot reach another project’s requests', async () => {
    const mcp = await connectMcp(server.url, readKey)
    try {
      const result = await callTool(mcp, 'get_request', { requestId: otherProjectRequest })
      expect(result.isError).toBe(true)
      expect(result.text).toMatch(/^request_not_found/)
      const found = await callTool(mcp, 'search_requests', { query: 'Secret' })
      expect((found.structuredContent as { requests: unknown[] }).requests).toEqual([])
      const merge = await callTool(mcp, 'merge_requests', {
        sourceId: otherProjectRequest,
        targetId: sso,
      })
      expect(merge.isError).toBe(true)
    } finally {
      await mcp.close()
    }
  })

  it('answers 401 with a WWW-Authenticate challenge without a live key', async () => {
    const revoked = await createApiKey(server, projectId, 'old-bot', ['write'])
    const listed = await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys`)
    const { apiKeys } = (await listed.json()) as { apiKeys: { id: string; name: string }[] }
    const oldBot = apiKeys.find((key) => key.name === 'old-bot')
    const deleted = await server.adminFetch(
      `/v1/admin/projects/${projectId}/api-keys/${oldBot?.id}`,
      { method: 'DELETE' },
    )
    expect(deleted.status).toBe(204)
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'curl', version: '1' },
      },
    })
    for (const authorization of [
      undefined,
      `Bearer ${server.adminToken}`,
      'Bearer rq_not-a-key',
      `Bearer ${revoked}`,
      `Basic ${readKey}`,
    ]) {
      const res = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: initialize,
      })
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 })
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer /)
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } })
    }
  })

  it('answers malformed MCP traffic with a 4xx, never a 5xx', async () => {
    const post = (body: string, accept = 'application/json, text/event-stream') =>
      fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${readKey}`,
          'Content-Type': 'application/json',
          Accept: accept,
        },
        body,
      })
    const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} })
    for (const res of [
      await post('{not json'),
      await post('"\u0000"'),
      await post(
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 7 } }),
      ),
      await post(call, 'text/html'),
      await post(`{"pad":"${'x'.repeat(200_000)}"}`),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(200)
      expect(res.status).toBeLessThan(500)
    }
  })

  it('answers GET and DELETE on /mcp with 405 (a stateless server has no stream or session)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${server.url}/mcp`, {
        method,
        headers: { Authorization: `Bearer ${readKey}`, Accept: 'text/event-stream' },
      })
      expect(res.status).toBe(405)
      expect(res.headers.get('Allow')).toBe('POST')
    }
  })
})
