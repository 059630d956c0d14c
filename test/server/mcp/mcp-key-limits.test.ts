// The limits on keys hold through MCP as over REST: a key's requests per minute are one budget
// for /mcp and the REST calls its tools make, and wrong keys are counted per IP. The REST calls
// a tool makes are logged under the /mcp request's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CapturingLogger, capturingLogger } from '../../helpers/capturing-logger'
import { callTool, connectMcp, createApiKey } from '../../helpers/mcp-client'
import { startTestServer, type TestServer } from '../../helpers/start-server'

const KEY_REQUESTS_PER_MINUTE = 8
const AUTH_FAILURES = 3

describe('MCP and the limits on keys', () => {
  let server: TestServer
  let projectId: string
  let logger: CapturingLogger

  beforeAll(async () => {
    logger = capturingLogger()
    server = await startTestServer({
      logger,
      demo: false,
      apiKeyRequestsPerMinute: KEY_REQUESTS_PER_MINUTE,
      authFailuresPer15Minutes: AUTH_FAILURES,
    })
    projectId = (await server.createProject('Acme')).project.id
  })
  afterAll(async () => {
    await server.close()
  })

  it('logs the REST calls of a tool under the /mcp request’s id', async () => {
    const key = await createApiKey(server, projectId, 'logged-bot', ['read'])
    const mcp = await connectMcp(server.url, key)
    await callTool(mcp, 'merge_requests', { sourceId: 'r_a', targetId: 'r_b' })
    await mcp.close()
    const lastMcp = logger.lines.filter((line) => line.message.startsWith('POST /mcp')).at(-1)
    const reqId = lastMcp?.fields.reqId
    expect(reqId).toEqual(expect.any(String))
    const inner = logger.lines
      .filter((line) => line.fields.reqId === reqId)
      .map((line) => line.message)
    expect(inner).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GET \/v1\/admin\/.*404$/)]),
    )
    // Never the key itself.
    expect(JSON.stringify(logger.lines)).not.toContain(key)
  })

  it('spends the key’s per-minute budget, then refuses it over MCP and REST alike', async () => {
    const key = await createApiKey(server, projectId, 'busy-bot', ['read'])
    const mcp = await connectMcp(server.url, key)
    let refusal: string | null = null
    for (let call = 0; call < KEY_REQUESTS_PER_MINUTE && refusal === null; call++) {
      try {
        const result = await callTool(mcp, 'search_requests', {})
        if (result.isError) refusal = result.text
      } catch (error) {
        refusal = String(error)
      }
    }
    expect(refusal).toMatch(/rate_limited|429/)
    const rest = await fetch(`${server.url}/v1/admin/projects/${projectId}/backlog`, {
      headers: { Authorization: `Bearer ${key}` },
    })
    expect(rest.status).toBe(429)
    expect(rest.headers.get('Retry-After')).toMatch(/^\d+$/)
    await mcp.close().catch(() => {})
  })

  it('counts wrong keys per IP and answers 429 past the budget', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt <= AUTH_FAILURES; attempt++) {
      const res = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer rq_wrong-${attempt}`,
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
        },
        body: '{}',
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([401, 401, 401, 429])
  })
})
