import * as v from 'valibot'
import type { RouteDoc } from '../route-doc'

const TAG = 'MCP'

/** A JSON-RPC 2.0 message, as the Model Context Protocol sends it; the SDK checks the rest. */
const JsonRpcSchema = v.pipe(
  v.looseObject({ jsonrpc: v.literal('2.0') }),
  v.description('A JSON-RPC 2.0 request, notification or batch of the Model Context Protocol.'),
)

const NOT_ALLOWED: RouteDoc['responses'] = {
  405: {
    description: 'Stateless server: only POST. A JSON-RPC error, with `Allow: POST`.',
    schema: v.looseObject({
      jsonrpc: v.literal('2.0'),
      error: v.looseObject({ code: v.number() }),
    }),
  },
}

/**
 * The MCP server (spec/api.md "One description of the API, for people and agents"): one
 * endpoint, Streamable HTTP without sessions. Its tools and their arguments are listed by the
 * protocol itself (`tools/list`), not here.
 */
export const mcpDocs: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/mcp',
    summary: 'The Model Context Protocol server',
    description:
      'Streamable HTTP, stateless, JSON answers. Authenticated by a project API key ' +
      '(`Authorization: Bearer rq_…`) with its scope: `search_requests`, `get_request`, ' +
      '`create_request`, `add_vote`, `set_status`, `reply`, `add_internal_note`, ' +
      '`merge_requests` (a preview unless `confirm: true`), `list_companies`, ' +
      "`draft_changelog`. End users' text comes back inside `<untrusted>…</untrusted>`.",
    tag: TAG,
    security: ['bearer'],
    headers: {
      Accept: { description: '`application/json, text/event-stream`, as the transport asks.' },
    },
    body: JsonRpcSchema,
    responses: {
      200: {
        description: 'The JSON-RPC answer.',
        schema: v.looseObject({ jsonrpc: v.literal('2.0') }),
      },
      202: { description: 'A notification, accepted.' },
    },
    errors: [400, 401, 403, 429],
  },
  {
    method: 'get',
    path: '/mcp',
    summary: 'No server-sent stream (stateless)',
    tag: TAG,
    security: [],
    responses: NOT_ALLOWED,
  },
  {
    method: 'delete',
    path: '/mcp',
    summary: 'No session to end (stateless)',
    tag: TAG,
    security: [],
    responses: NOT_ALLOWED,
  },
]
