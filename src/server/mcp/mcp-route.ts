import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { type Context, Hono } from 'hono'
import type { AppEnv, RouteDeps } from '../http/env'
import { authenticateMcpKey } from './mcp-key-auth'
import { buildMcpServer } from './mcp-server'
import { type Dispatch, restCallerFor } from './rest-call'

/**
 * POST /mcp: the Model Context Protocol over Streamable HTTP, stateless (a server and a
 * transport per request, JSON answers, no session), for an API key. No key, or a key that is
 * not live, is a 401 before any MCP is read. GET (a server-sent stream) and DELETE (ending a
 * session) have nothing to serve without sessions: 405, as the transport's spec says.
 */
export function mcpRoutes(deps: RouteDeps, dispatch: Dispatch) {
  return new Hono<AppEnv>()
    .post('/mcp', async (c) => {
      const caller = await authenticateMcpKey(deps, c)
      if (!caller) return refuseWithoutKey(c)
      const rest = restCallerFor({
        dispatch,
        origin: c.req.url,
        env: c.env,
        authorization: `Bearer ${caller.credential}`,
        projectId: caller.key.projectId,
        requestId: c.get('requestId'),
      })
      const server = buildMcpServer(rest)
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      })
      await server.connect(transport)
      try {
        return await transport.handleRequest(c.req.raw)
      } finally {
        await server.close()
      }
    })
    .on(['GET', 'DELETE'], '/mcp', (c) =>
      c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed: this MCP server takes POST only.' },
          id: null,
        },
        405,
        { Allow: 'POST' },
      ),
    )
}

function refuseWithoutKey(c: Context<AppEnv>) {
  return c.json(
    {
      error: {
        code: 'unauthorized',
        message: 'Send a live project API key: Authorization: Bearer rq_…',
      },
    },
    401,
    { 'WWW-Authenticate': 'Bearer realm="reqio", error="invalid_token"' },
  )
}
