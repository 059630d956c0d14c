import * as z from 'zod'
import type { AdminCommentResponse } from '../../../shared/api'
import { UNTRUSTED_NOTICE, untrusted } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { IdSchema } from './schemas'
import { segment, type ToolDeps } from './tool-deps'

const CommentResultSchema = {
  comment: z.object({
    id: z.string(),
    requestId: z.string(),
    body: z.string(),
    internal: z.boolean(),
    createdAt: z.string(),
    untrusted: z.literal(true),
  }),
}

/** reply and add_internal_note: the team's side of a thread (REST's `internal` flag tells them apart). */
export function registerCommentTools({ server, rest }: ToolDeps): void {
  const comment = (internal: boolean) => async (args: { requestId: string; body: string }) => {
    const result = await rest.send<AdminCommentResponse>(
      'POST',
      `/requests/${segment(args.requestId)}/comments`,
      { body: args.body, internal },
    )
    if (!result.ok) return restErrorResult(result)
    const created = result.body.comment
    const what = internal ? 'Internal note added' : 'Reply posted'
    return toolResult(`${what} to ${args.requestId} (${created.id}): ${untrusted(created.body)}`, {
      comment: {
        id: created.id,
        requestId: args.requestId,
        body: created.body,
        internal: created.internal,
        createdAt: created.createdAt,
        untrusted: true,
      },
    })
  }
  const input = {
    requestId: IdSchema,
    body: z.string().min(1).max(5000).describe('Plain text, 1–5000 characters.'),
  }
  server.registerTool(
    'reply',
    {
      title: 'Reply to a request',
      description:
        'Posts a public team reply on a request: every visitor of the widget and portal can ' +
        `read it, and the people who asked are told. ${UNTRUSTED_NOTICE}`,
      inputSchema: input,
      outputSchema: CommentResultSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    comment(false),
  )
  server.registerTool(
    'add_internal_note',
    {
      title: 'Add an internal note',
      description:
        'Adds a note to a request that only the team sees in the dashboard (never public, ' +
        `never sent to customers). ${UNTRUSTED_NOTICE}`,
      inputSchema: input,
      outputSchema: CommentResultSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    comment(true),
  )
}
