import type * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import type { AuditLogEntrySchema } from '../../../src/server/openapi/schemas/admin-audit'
import type { ChangelogEntrySchema } from '../../../src/server/openapi/schemas/admin-changelog'
import type {
  AdminProjectSchema,
  AudienceResponseSchema,
  BacklogRequestSchema,
} from '../../../src/server/openapi/schemas/admin-common'
import type {
  CompanyDetailResponseSchema,
  CompanySummarySchema,
} from '../../../src/server/openapi/schemas/admin-companies'
import type {
  JobsResponseSchema,
  KeptMailResponseSchema,
} from '../../../src/server/openapi/schemas/admin-notifications'
import type {
  CreatedProjectResponseSchema,
  InstallStatusResponseSchema,
  RotatedSecretResponseSchema,
  TokenCheckResponseSchema,
} from '../../../src/server/openapi/schemas/admin-projects'
import type {
  AdminCommentResponseSchema,
  AdminRequestDetailResponseSchema,
} from '../../../src/server/openapi/schemas/admin-requests'
import type {
  CreatedInviteResponseSchema,
  MailSetupResponseSchema,
  MemberListResponseSchema,
  MemberResponseSchema,
  PendingInviteListResponseSchema,
  TestEmailResponseSchema,
} from '../../../src/server/openapi/schemas/admin-team'
import type {
  WebhookDeliverySchema,
  WebhookEndpointSchema,
} from '../../../src/server/openapi/schemas/admin-webhooks'
import type {
  AdminCommentResponse,
  AdminProject,
  AdminRequestDetailResponse,
  AuditLogEntry,
  BacklogRequest,
  ChangelogEntry,
  CompanyDetailResponse,
  CompanySummary,
  CreatedProjectResponse,
  InstallStatusResponse,
  RotatedSecretResponse,
  TokenCheckResponse,
} from '../../../src/shared/api'
import type { MailSetupResponse, TestEmailResponse } from '../../../src/shared/mail-setup'
import type {
  AudienceResponse,
  FailedJobInfo,
  KeptMailInfo,
  MailMode,
  WebhookDeliveryInfo,
  WebhookEndpointInfo,
} from '../../../src/shared/notifications'
import type {
  CreatedInvite,
  PendingInvite,
  TeamMemberInfo,
  TeamMemberListed,
} from '../../../src/shared/team-api'

/**
 * The answer schemas describe exactly the wire types the routes are compiled against
 * (src/shared): same fields, same optionality, same nulls. A field added to a type and not to
 * its schema (or the other way round) fails `npx tsc --noEmit` on this file.
 */
type Out<S extends v.GenericSchema> = v.InferOutput<S>

describe('the admin answer schemas', () => {
  it('describe the wire types of src/shared exactly (checked by the type checker)', () => {
    expectTypeOf<Out<typeof AdminProjectSchema>>().toEqualTypeOf<AdminProject>()
    expectTypeOf<Out<typeof CreatedProjectResponseSchema>>().toEqualTypeOf<CreatedProjectResponse>()
    expectTypeOf<Out<typeof RotatedSecretResponseSchema>>().toEqualTypeOf<RotatedSecretResponse>()
    expectTypeOf<Out<typeof TokenCheckResponseSchema>>().toEqualTypeOf<TokenCheckResponse>()
    expectTypeOf<Out<typeof InstallStatusResponseSchema>>().toEqualTypeOf<InstallStatusResponse>()
    expectTypeOf<Out<typeof BacklogRequestSchema>>().toEqualTypeOf<BacklogRequest>()
    expectTypeOf<
      Out<typeof AdminRequestDetailResponseSchema>
    >().toEqualTypeOf<AdminRequestDetailResponse>()
    expectTypeOf<Out<typeof AdminCommentResponseSchema>>().toEqualTypeOf<AdminCommentResponse>()
    expectTypeOf<Out<typeof AudienceResponseSchema>>().toEqualTypeOf<AudienceResponse>()
    expectTypeOf<Out<typeof CompanySummarySchema>>().toEqualTypeOf<CompanySummary>()
    expectTypeOf<Out<typeof CompanyDetailResponseSchema>>().toEqualTypeOf<CompanyDetailResponse>()
    expectTypeOf<Out<typeof AuditLogEntrySchema>>().toEqualTypeOf<AuditLogEntry>()
    expectTypeOf<Out<typeof ChangelogEntrySchema>>().toEqualTypeOf<ChangelogEntry>()
    expectTypeOf<Out<typeof WebhookEndpointSchema>>().toEqualTypeOf<WebhookEndpointInfo>()
    expectTypeOf<Out<typeof WebhookDeliverySchema>>().toEqualTypeOf<WebhookDeliveryInfo>()
    expectTypeOf<Out<typeof JobsResponseSchema>['failed'][number]>().toEqualTypeOf<FailedJobInfo>()
    expectTypeOf<Out<typeof KeptMailResponseSchema>>().toEqualTypeOf<{
      mail: MailMode
      messages: KeptMailInfo[]
    }>()
    expectTypeOf<Out<typeof MemberListResponseSchema>>().toEqualTypeOf<{
      members: TeamMemberListed[]
    }>()
    expectTypeOf<Out<typeof MemberResponseSchema>>().toEqualTypeOf<{ member: TeamMemberInfo }>()
    expectTypeOf<Out<typeof CreatedInviteResponseSchema>>().toEqualTypeOf<{
      invite: CreatedInvite
    }>()
    expectTypeOf<Out<typeof PendingInviteListResponseSchema>>().toEqualTypeOf<{
      invites: PendingInvite[]
    }>()
    expectTypeOf<Out<typeof MailSetupResponseSchema>>().toEqualTypeOf<MailSetupResponse>()
    expectTypeOf<Out<typeof TestEmailResponseSchema>>().toEqualTypeOf<TestEmailResponse>()
  })
})
