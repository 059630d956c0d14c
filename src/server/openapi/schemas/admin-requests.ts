import * as v from 'valibot'
import {
  AdminCommentSchema,
  BacklogRequestSchema,
  NextCursorSchema,
  Timestamp,
} from './admin-common'

/** Answers of the backlog and of one request: detail, edits, merges, comments. */

/** `GET /v1/admin/projects/{id}/backlog`. */
export const BacklogResponseSchema = v.object({
  requests: v.array(BacklogRequestSchema),
  nextCursor: NextCursorSchema,
})

/** `MergedRequest`: a request folded into this one that Unmerge can take back out. */
export const MergedRequestSchema = v.object({
  id: v.string(),
  title: v.string(),
  votes: v.number(),
  mergedAt: Timestamp,
})

/** `AtRiskAccount`: an at-risk account among a request's voters, with the MRR it adds. */
export const AtRiskAccountSchema = v.object({
  kind: v.picklist(['company', 'person']),
  id: v.string(),
  name: v.nullable(v.string()),
  mrrCents: v.number(),
})

/** `AdminRequestDetailResponse`: every comment, the requests merged into it, accounts at risk. */
export const AdminRequestDetailResponseSchema = v.object({
  request: v.object({
    ...BacklogRequestSchema.entries,
    comments: v.array(AdminCommentSchema),
    mergedRequests: v.array(MergedRequestSchema),
    atRiskAccounts: v.array(AtRiskAccountSchema),
  }),
})

/** `PATCH …/requests/{rid}`: the request that now stands (the target after a merge). */
export const BacklogRequestResponseSchema = v.object({ request: BacklogRequestSchema })

/** `POST …/requests/{rid}/unmerge`: the request back on its own, and the target it left. */
export const UnmergeResponseSchema = v.object({
  request: BacklogRequestSchema,
  target: BacklogRequestSchema,
})

/** `AdminCommentResponse`. */
export const AdminCommentResponseSchema = v.object({ comment: AdminCommentSchema })
