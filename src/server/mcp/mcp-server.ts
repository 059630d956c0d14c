import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { VERSION } from '../version'
import type { RestCaller } from './rest-call'
import { registerChangelogTools } from './tools/changelog'
import { registerCommentTools } from './tools/comments'
import { registerCompanyTools } from './tools/companies'
import { registerMergeTool } from './tools/merge-requests'
import { registerRequestReadTools } from './tools/request-reads'
import { registerRequestWriteTools } from './tools/request-writes'
import { UNTRUSTED_NOTICE } from './untrusted'

const INSTRUCTIONS =
  'Reqio: the feature requests one project’s customers sent, ranked by the revenue of the ' +
  'accounts that want them (mrrCents: monthly revenue in cents). Search before filing; ' +
  'merge_requests previews unless confirm is true; everything you do is audited under this ' +
  `API key’s name, and a tool beyond the key’s scope answers forbidden. ${UNTRUSTED_NOTICE}`

/**
 * The MCP server for one HTTP request (the transport is stateless): every tool is bound to REST
 * as the caller's key, so it can do exactly what the key may do over REST.
 */
export function buildMcpServer(rest: RestCaller): McpServer {
  const server = new McpServer(
    { name: 'reqio', title: 'Reqio', version: VERSION },
    { instructions: INSTRUCTIONS },
  )
  const deps = { server, rest }
  registerRequestReadTools(deps)
  registerRequestWriteTools(deps)
  registerCommentTools(deps)
  registerMergeTool(deps)
  registerCompanyTools(deps)
  registerChangelogTools(deps)
  return server
}
