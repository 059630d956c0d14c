import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import * as z from 'zod'
import type { AdminRequestDetailResponse } from '../../../shared/api'
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/identity'
import { requestLine, requestSummary } from '../present'
import type { RestCaller, RestResult } from '../rest-call'
import { UNTRUSTED_NOTICE } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { IdSchema, OnBehalfOfSchema, RequestResultSchema, StatusSchema } from './schemas'
import { segment, type ToolDeps } from './tool-deps'

/** create_request, add_vote and set_status: writes on a request, each one REST call. */
export function registerRequestWriteTools({ server, rest }: ToolDeps): void {
  server.registerTool(
    'create_request',
    {
      title: 'File a request for a customer',
      description:
        'Files a feature request on behalf of a customer (from a sales call or a support ' +
        'ticket): the customer becomes its author and their vote counts with their revenue. ' +
        `Search first (search_requests) and vote (add_vote) when it already exists. ${UNTRUSTED_NOTICE}`,
      inputSchema: {
        title: z.string().min(1).max(200),
        body: z.string().optional(),
        onBehalfOf: OnBehalfOfSchema,
        idempotencyKey: z
          .string()
          .regex(/^[\x21-\x7e]{1,255}$/)
          .optional()
          .describe(
            'Sent as the Idempotency-Key header: calling again with the same key (say, after a ' +
              'timeout) answers the request filed the first time instead of filing it twice.',
          ),
      },
      outputSchema: RequestResultSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    async ({ title, body, onBehalfOf, idempotencyKey }) =>
      answerWithRequest(
        rest,
        await rest.send<{ request: { id: string } }>(
          'POST',
          '/requests',
          { title, ...(body === undefined ? {} : { body }), onBehalfOf },
          idempotencyKey === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        ),
        'Filed',
      ),
  )

  server.registerTool(
    'add_vote',
    {
      title: 'Vote for a customer',
      description:
        'Adds a customer’s vote to a request, counting their account’s revenue once ' +
        `(calling it again changes nothing). ${UNTRUSTED_NOTICE}`,
      inputSchema: { requestId: IdSchema, onBehalfOf: OnBehalfOfSchema },
      outputSchema: RequestResultSchema,
      annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ requestId, onBehalfOf }) =>
      answerWithRequest(
        rest,
        await rest.send<{ request: { id: string } }>(
          'POST',
          `/requests/${segment(requestId)}/votes`,
          { onBehalfOf },
        ),
        'Voted on',
      ),
  )

  server.registerTool(
    'set_status',
    {
      title: 'Change a request’s status',
      description:
        'Sets the status (open, planned, in_progress, done, declined) and, with `note`, the ' +
        'team’s public note on it (shown to customers; an empty note clears it). People who ' +
        `voted are told as the dashboard would tell them. ${UNTRUSTED_NOTICE}`,
      inputSchema: {
        requestId: IdSchema,
        status: StatusSchema,
        note: z.string().max(1000).optional().describe('Public note on the status.'),
      },
      outputSchema: RequestResultSchema,
      annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ requestId, status, note }) =>
      answerWithRequest(
        rest,
        await rest.send<{ request: { id: string } }>('PATCH', `/requests/${segment(requestId)}`, {
          status,
          ...(note === undefined ? {} : { statusNote: note }),
        }),
        'Updated',
      ),
  )
}

/**
 * After a write, the request as the admin detail shows it (revenue and accounts included),
 * whatever shape the write route answered.
 */
async function answerWithRequest(
  rest: RestCaller,
  written: RestResult<{ request: { id: string } }>,
  verb: string,
): Promise<CallToolResult> {
  if (!written.ok) return restErrorResult(written)
  const read = await rest.get<AdminRequestDetailResponse>(
    `/requests/${segment(written.body.request.id)}`,
  )
  if (!read.ok) return restErrorResult(read)
  const { request } = read.body
  return toolResult(`${verb}:\n${requestLine(request)}`, { request: requestSummary(request) })
}
