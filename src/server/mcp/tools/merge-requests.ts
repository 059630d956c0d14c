import * as z from 'zod'
import type { AdminRequestDetailResponse, BacklogRequest } from '../../../shared/api'
import { type MergePreview, previewMerge } from '../merge-preview'
import { requestLine, requestSummary } from '../present'
import { UNTRUSTED_NOTICE, untrusted } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { IdSchema, RequestSummarySchema } from './schemas'
import { segment, type ToolDeps } from './tool-deps'

const Before = z.object({ before: z.number(), after: z.number() })
const Side = z.object({
  id: z.string(),
  title: z.string(),
  votes: z.number(),
  mrrCents: z.number(),
  untrusted: z.literal(true),
})

const MergeResultSchema = {
  merged: z.boolean().describe('false: a preview, nothing changed; true: the merge is done.'),
  preview: z.object({
    source: Side,
    target: Side,
    moves: z.object({
      voters: z.array(
        z.object({ sub: z.string(), email: z.string().nullable(), untrusted: z.literal(true) }),
      ),
      votersOnBoth: z.number(),
      anonymousVotes: z.number(),
      accounts: z.array(
        z.object({ kind: z.enum(['company', 'person']), id: z.string(), mrrCents: z.number() }),
      ),
      comments: z.number(),
      mergedRequests: z.number(),
    }),
    votes: Before,
    accounts: Before,
    mrrCents: Before.extend({ change: z.number() }),
  }),
  request: RequestSummarySchema.optional().describe('After a merge: the target as it now stands.'),
}

/**
 * merge_requests: a preview unless `confirm: true`. The preview reads both requests (a read key
 * may preview); the merge is REST's PATCH {mergeInto}, refused there to keys without write.
 */
export function registerMergeTool({ server, rest }: ToolDeps): void {
  server.registerTool(
    'merge_requests',
    {
      title: 'Merge a duplicate into another request',
      description:
        'Folds the request `sourceId` into `targetId` (its votes, accounts, comments and earlier ' +
        'merges move; people who voted for both count once). Without `confirm: true` it ' +
        'changes NOTHING and answers a preview: what would move, and the target’s votes, ' +
        'accounts and revenue (mrrCents) before and after. Show the preview to the user and ' +
        'call again with `confirm: true` only when they agree. The dashboard can undo a merge. ' +
        UNTRUSTED_NOTICE,
      inputSchema: {
        sourceId: IdSchema.describe('The duplicate, which goes away.'),
        targetId: IdSchema.describe('The request that stays and gains the votes.'),
        confirm: z.boolean().optional().describe('true to merge; otherwise only a preview.'),
      },
      outputSchema: MergeResultSchema,
      annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
    },
    async ({ sourceId, targetId, confirm }) => {
      const [source, target] = await Promise.all([
        rest.get<AdminRequestDetailResponse>(`/requests/${segment(sourceId)}`),
        rest.get<AdminRequestDetailResponse>(`/requests/${segment(targetId)}`),
      ])
      if (!source.ok) return restErrorResult(source)
      if (!target.ok) return restErrorResult(target)
      const preview = previewMerge(source.body.request, target.body.request)
      if (confirm !== true) {
        return toolResult(`Preview only, nothing changed.\n${previewText(preview)}`, {
          merged: false,
          preview,
        })
      }
      const merged = await rest.send<{ request: BacklogRequest }>(
        'PATCH',
        `/requests/${segment(sourceId)}`,
        { mergeInto: targetId },
      )
      if (!merged.ok) return restErrorResult(merged)
      const { request } = merged.body
      return toolResult(`Merged.\n${previewText(preview)}\nNow:\n${requestLine(request)}`, {
        merged: true,
        preview,
        request: requestSummary(request),
      })
    },
  )
}

function previewText(preview: MergePreview): string {
  const { source, target, moves } = preview
  return [
    `${source.id} ${untrusted(source.title)} (${source.votes} votes) into ${target.id} ${untrusted(target.title)}.`,
    `Moves: ${moves.voters.length} identified voters, ${moves.anonymousVotes} anonymous votes, ` +
      `${moves.accounts.length} new accounts, ${moves.comments} comments, ` +
      `${moves.mergedRequests} earlier merges; ${moves.votersOnBoth} voted for both (counted once).`,
    `Target votes ${preview.votes.before} → ${preview.votes.after}, accounts ` +
      `${preview.accounts.before} → ${preview.accounts.after}, mrrCents ` +
      `${preview.mrrCents.before} → ${preview.mrrCents.after} (${signed(preview.mrrCents.change)}).`,
  ].join('\n')
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n))
