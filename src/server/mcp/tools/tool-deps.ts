import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { RestCaller } from '../rest-call'

/** What a group of tools registers itself with: the server, and REST as the caller's key. */
export interface ToolDeps {
  server: McpServer
  rest: RestCaller
}

/** Path segments are ids an agent typed: encoded so they can never reach another route. */
export const segment = (id: string) => encodeURIComponent(id)
