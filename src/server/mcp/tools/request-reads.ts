import * as z from 'zod'
import type { AdminRequestDetailResponse, BacklogListResponse } from '../../../shared/api'
import { requestDetail, requestDetailText, requestLine, requestSummary } from '../present'
import { UNTRUSTED_NOTICE } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { IdSchema, RequestDetailSchema, RequestSummarySchema, StatusSchema } from './schemas'
import { segment, type ToolDeps } from './tool-deps'

/** search_requests and get_request: the admin backlog and one request's admin detail. */
export function registerRequestReadTools({ server, rest }: ToolDeps): void {
  server.registerTool(
    'search_requests',
    {
      title: 'Search the backlog',
      description:
        'Lists the project’s feature requests as the dashboard’s backlog does, with votes, ' +
        'distinct paying accounts and revenue (mrrCents, monthly, in cents). `query` matches ' +
        'words in titles; `status` narrows to one status; `sort` is revenue (default), votes, ' +
        'new or at_risk (revenue of voters whose Stripe subscription is past due or cancelling: ' +
        'atRiskMrrCents); `atRisk: true` keeps requests such accounts asked for. When there are more, `nextCursor` fetches the next page (pass it as `cursor` ' +
        `with the same query, status and sort). ${UNTRUSTED_NOTICE}`,
      inputSchema: {
        query: z.string().max(200).optional().describe('Words in the title.'),
        status: StatusSchema.optional(),
        sort: z.enum(['revenue', 'votes', 'new', 'at_risk']).optional(),
        atRisk: z.boolean().optional().describe('Only requests at-risk accounts asked for.'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(200)
          .optional()
          .describe('At most this many (default 20).'),
        cursor: z.string().max(1000).optional().describe('A `nextCursor` from a previous answer.'),
      },
      outputSchema: {
        requests: z.array(RequestSummarySchema),
        nextCursor: z.string().nullable().describe('The next page, or null at the end.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, status, sort, atRisk, limit, cursor }) => {
      const params = new URLSearchParams({ sort: sort ?? 'revenue', limit: String(limit ?? 20) })
      if (atRisk) params.set('atRisk', 'true')
      if (query) params.set('q', query)
      if (status) params.set('status', status)
      if (cursor) params.set('cursor', cursor)
      const result = await rest.get<BacklogListResponse>(`/backlog?${params}`)
      if (!result.ok) return restErrorResult(result)
      const { requests, nextCursor } = result.body
      const lines = [`${requests.length} requests:`, ...requests.map(requestLine)]
      if (nextCursor !== null) lines.push(`More: call again with cursor "${nextCursor}".`)
      const text = requests.length === 0 ? 'No request matches.' : lines.join('\n')
      return toolResult(text, { requests: requests.map(requestSummary), nextCursor })
    },
  )

  server.registerTool(
    'get_request',
    {
      title: 'Read one request',
      description:
        'One request as the dashboard shows it: its body, status and team note, every comment ' +
        '(internal notes and hidden comments flagged), its identified voters grouped by ' +
        `account with each account’s MRR in cents, and the requests merged into it. ${UNTRUSTED_NOTICE}`,
      inputSchema: { requestId: IdSchema },
      outputSchema: { request: RequestDetailSchema },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ requestId }) => {
      const result = await rest.get<AdminRequestDetailResponse>(`/requests/${segment(requestId)}`)
      if (!result.ok) return restErrorResult(result)
      const { request } = result.body
      return toolResult(requestDetailText(request), { request: requestDetail(request) })
    },
  )
}
