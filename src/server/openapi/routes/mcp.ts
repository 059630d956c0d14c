import * as v from 'valibot'
import type { RouteDoc } from '../route-doc'

const TAG = 'MCP'

/** A JSON-RPC 2.0 message, as the Model Context Protocol sends it; the SDK checks the rest. */
const JsonRpcSchema = v.pipe(
  v.looseObject({ jsonrpc: v.literal('2.0') }),
  v.description('A JSON-RPC 2.0 request, notification or batch of the Model Context Protocol.'),
)

/** The JSON-RPC error the SDK's transport answers with when it refuses an HTTP request. */
const JsonRpcErrorSchema = v.looseObject({
  jsonrpc: v.literal('2.0'),
  error: v.looseObject({ code: v.number(), message: v.string() }),
  id: v.null(),
})

const NOT_ALLOWED: RouteDoc['responses'] = {
  405: {
    description: 'Stateless server: only POST. A JSON-RPC error, with `Allow: POST`.',
    schema: JsonRpcErrorSchema,
  },
}

/**
 * What the SDK's transport refuses, as JSON-RPC errors rather than Reqio's error shape (its
 * checks, webStandardStreamableHttp.js). A tool the key's scopes do not allow is not among them:
 * it is a tool result with `isError` in a 200 (`forbidden (HTTP 403)` in its text).
 */
const TRANSPORT_REFUSALS: RouteDoc['responses'] = {
  400: {
    description:
      'Not JSON (-32700), not a JSON-RPC message (-32700), a batch of over 100 messages (-32600), or an unsupported `MCP-Protocol-Version` (-32000).',
    schema: JsonRpcErrorSchema,
  },
  406: {
    description: '`Accept` does not name both application/json and text/event-stream (-32000).',
    schema: JsonRpcErrorSchema,
  },
  415: {
    description: '`Content-Type` is not application/json (-32000).',
    schema: JsonRpcErrorSchema,
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
    security: ['apiKey'],
    headers: {
      Accept: {
        description: '`application/json, text/event-stream`, as the transport asks (else 406).',
        required: true,
      },
    },
    body: JsonRpcSchema,
    responses: {
      200: {
        description:
          "The JSON-RPC answer; a tool the key's scopes do not allow answers here too, as a result with isError.",
        schema: v.looseObject({ jsonrpc: v.literal('2.0') }),
      },
      202: { description: 'Notifications or responses only, accepted; no body.' },
      ...TRANSPORT_REFUSALS,
    },
    // 401: no live API key (the admin token is not one); 413: over 64 KiB, refused before the
    // SDK reads it; 429: the key's requests per minute, or too many wrong keys from one network.
    errors: [401, 413, 429],
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
