import * as v from 'valibot'
import type {
  IntegrationsResponse,
  RequestLinkResponse,
  RequestLinksResponse,
  TrackerInboundResponse,
  TrackerSecretResponse,
} from '../../../shared/api'
import { ISSUE_TRACKER_KINDS } from '../../../shared/api'
import { Timestamp } from './admin-common'
import type { Assert, DescribesWire } from './wire-type'

/** The team's tools (spec/api.md v3 "The team's tools"): never a token, a secret or a Slack URL. */

const SlackIntegrationSchema = v.strictObject({
  webhookUrlHint: v.pipe(
    v.string(),
    v.description(
      'The host and the last four characters of the incoming-webhook URL, never all of it.',
    ),
  ),
  events: v.pipe(v.nullable(v.array(v.string())), v.description('null: the default events.')),
  updatedAt: Timestamp,
})

const TrackerIntegrationFields = {
  tokenSet: v.pipe(
    v.boolean(),
    v.description('A token is stored (the token itself never is shown).'),
  ),
  inboundUrl: v.pipe(v.string(), v.description('Where the tracker’s webhook must post.')),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}

const GitHubIntegrationSchema = v.strictObject({
  repository: v.pipe(
    v.nullable(v.string()),
    v.description('owner/name, where issues are created.'),
  ),
  ...TrackerIntegrationFields,
})

const LinearIntegrationSchema = v.strictObject({
  teamId: v.pipe(v.nullable(v.string()), v.description('The Linear team new issues go to.')),
  ...TrackerIntegrationFields,
})

export const IntegrationsResponseSchema = v.strictObject({
  slack: v.nullable(SlackIntegrationSchema),
  github: v.nullable(GitHubIntegrationSchema),
  linear: v.nullable(LinearIntegrationSchema),
})
type _Integrations = Assert<DescribesWire<typeof IntegrationsResponseSchema, IntegrationsResponse>>

export const TrackerSecretResponseSchema = v.strictObject({
  secret: v.pipe(
    v.string(),
    v.description('The inbound webhook secret: shown only here; the next call makes a new one.'),
  ),
})
type _Secret = Assert<DescribesWire<typeof TrackerSecretResponseSchema, TrackerSecretResponse>>

const RequestLinkSchema = v.strictObject({
  id: v.string(),
  url: v.pipe(v.string(), v.description('The issue, as its tracker shows it.')),
  kind: v.picklist(ISSUE_TRACKER_KINDS),
})

export const RequestLinksResponseSchema = v.strictObject({
  links: v.pipe(v.array(RequestLinkSchema), v.description('Oldest first.')),
})
type _Links = Assert<DescribesWire<typeof RequestLinksResponseSchema, RequestLinksResponse>>

export const RequestLinkResponseSchema = v.strictObject({ link: RequestLinkSchema })
type _Link = Assert<DescribesWire<typeof RequestLinkResponseSchema, RequestLinkResponse>>

export const TrackerInboundResponseSchema = v.strictObject({
  moved: v.pipe(v.number(), v.description('How many linked requests changed status.')),
})
type _Inbound = Assert<DescribesWire<typeof TrackerInboundResponseSchema, TrackerInboundResponse>>
