/**
 * Drives Reqio's MCP server the way an agent's client does: the SDK's own Client over
 * Streamable HTTP on the real server, with a project API key made through the admin API.
 *
 *   const key = await createApiKey(server, projectId, 'support-bot', ['write'])
 *   const mcp = await connectMcp(server.url, key)
 *   const result = await mcp.callTool({ name: 'search_requests', arguments: { query: 'sso' } })
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { TestServer } from './start-server'

export async function createApiKey(
  server: TestServer,
  projectId: string,
  name: string,
  scopes: string[],
): Promise<string> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys`, {
    method: 'POST',
    body: JSON.stringify({ name, scopes }),
  })
  if (res.status !== 201)
    throw new Error(`creating a key answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { key: string }).key
}

export async function connectMcp(baseUrl: string, key: string): Promise<Client> {
  const client = new Client({ name: 'reqio-tests', version: '1.0.0' })
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  })
  await client.connect(transport)
  return client
}

/** Calls a tool and answers its result with the text of its (single) text content. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')
  return { ...result, text }
}
