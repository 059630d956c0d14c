import * as v from 'valibot'
import {
  LAUNCHER_POSITIONS,
  MODERATION_MODES,
  REQUEST_STATUSES,
  SHOWN_STATUSES,
  TAB_VISIBILITIES,
} from '../../../shared/api'
import { TEAM_ROLES } from '../../../shared/roles'
import { AttachmentListSchema } from './attachments'
import { AccountRevenueFactsEntries } from './revenue'
import { RequestTagSchema } from './tags'

/**
 * The shapes several admin answers share, written as valibot schemas for the OpenAPI document:
 * each mirrors a type in src/shared/api (named beside it). Objects are not strict, so a field
 * added later does not make an answer invalid; every field the type names is required, and
 * `null` is allowed exactly where the type allows it.
 */

/** An ISO 8601 time as the server writes it (`toISOString()`, or PostgreSQL's with an offset). */
export const Timestamp = v.pipe(v.string(), v.isoTimestamp())

export const RequestStatusSchema = v.picklist(REQUEST_STATUSES)
/** What a request is shown with: v3 moderation adds `pending` (waiting for the team's approval). */
export const ShownStatusSchema = v.picklist(SHOWN_STATUSES)
export const TeamRoleSchema = v.picklist(TEAM_ROLES)
export const MailModeSchema = v.picklist(['smtp', 'kept', 'off'])

/** `FeedbackRequest`: the public `Request` (spec "Request"), never revenue or emails. */
export const FeedbackRequestSchema = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  status: ShownStatusSchema,
  votes: v.number(),
  voted: v.boolean(),
  createdAt: Timestamp,
  commentCount: v.number(),
  mine: v.boolean(),
  statusNote: v.nullable(v.string()),
  tags: v.array(RequestTagSchema),
  editedAt: v.nullable(Timestamp),
  attachments: AttachmentListSchema,
})

/** `VoterCompany`: a voter's account when it is a company, with the MRR it adds once. */
export const VoterCompanySchema = v.object({
  id: v.string(),
  name: v.nullable(v.string()),
  mrrCents: v.number(),
  ...AccountRevenueFactsEntries,
})

/** `BacklogVoter`: an identified voter (or author) and their revenue. */
export const BacklogVoterSchema = v.object({
  sub: v.string(),
  email: v.nullable(v.string()),
  plan: v.nullable(v.string()),
  mrrCents: v.number(),
  ...AccountRevenueFactsEntries,
  company: v.nullable(VoterCompanySchema),
})

/** `BacklogRequest`: a request with revenue, accounts, top voters and its author. */
export const BacklogRequestSchema = v.object({
  ...FeedbackRequestSchema.entries,
  mrrCents: v.number(),
  accounts: v.number(),
  voters: v.array(BacklogVoterSchema),
  unanswered: v.boolean(),
  author: v.nullable(BacklogVoterSchema),
  deletedAt: v.pipe(
    v.nullable(Timestamp),
    v.description('v3: when the team deleted it (restorable for 30 days); null while it stands.'),
  ),
  atRiskMrrCents: v.pipe(
    v.number(),
    v.description('v3: the MRR of the at-risk accounts among its voters (0 when none).'),
  ),
})

/** `FeedbackComment`: the public `Comment` (spec "Comments"): a name, a kind and `you`. */
export const FeedbackCommentSchema = v.object({
  id: v.string(),
  body: v.string(),
  createdAt: Timestamp,
  author: v.object({
    name: v.string(),
    kind: v.picklist(['team', 'customer', 'visitor']),
    you: v.boolean(),
  }),
  editedAt: v.nullable(Timestamp),
  attachments: AttachmentListSchema,
})

/** `AdminComment`: every comment as the dashboard sees it, flags and commenter's facts included. */
export const AdminCommentSchema = v.object({
  ...FeedbackCommentSchema.entries,
  author: v.object({
    ...FeedbackCommentSchema.entries.author.entries,
    sub: v.nullable(v.string()),
    email: v.nullable(v.string()),
    plan: v.nullable(v.string()),
    mrrCents: v.nullable(v.number()),
    company: v.nullable(v.object({ id: v.string(), name: v.nullable(v.string()) })),
  }),
  internal: v.boolean(),
  hidden: v.boolean(),
})

/** `AudienceResponse`: who a change would tell, before it is saved. */
export const AudienceResponseSchema = v.object({
  people: v.number(),
  withEmail: v.number(),
  anonymous: v.number(),
  mail: MailModeSchema,
})

/** `ProjectSettings`, complete as every answer carries them. */
export const ProjectSettingsSchema = v.object({
  requireIdentity: v.boolean(),
  allowAnonymousComments: v.boolean(),
  widget: v.object({
    accent: v.nullable(v.string()),
    position: v.picklist(LAUNCHER_POSITIONS),
    launcherText: v.nullable(v.string()),
    roadmapTab: v.picklist(TAB_VISIBILITIES),
    changelogTab: v.picklist(TAB_VISIBILITIES),
  }),
  siteUrl: v.nullable(v.string()),
  ssoUrl: v.nullable(v.string()),
  portal: v.object({
    enabled: v.boolean(),
    indexable: v.boolean(),
    domain: v.nullable(v.string()),
  }),
  moderation: v.picklist(MODERATION_MODES),
})

/** `AdminProject`. */
export const AdminProjectSchema = v.object({
  id: v.string(),
  name: v.string(),
  audience: v.string(),
  createdAt: Timestamp,
  settings: ProjectSettingsSchema,
})

/**
 * v3 cursor pagination (spec "Cursor pagination"): every paged admin list (backlog, companies,
 * people, audit) answers `nextCursor`, `null` at the end.
 */
export const NextCursorSchema = v.nullable(v.string())
