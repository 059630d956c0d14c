import * as v from 'valibot'
import {
  type SavedSlackIntegrationResponse,
  SLACK_EVENT_TYPES,
  type SlackIntegration,
  type SlackIntegrationResponse,
  type SlackTestResponse,
  type SlackTestResult,
} from '../../../shared/api/slack'
import type { Assert, DescribesWire } from './wire-type'

/** A project's Slack set-up (spec/api.md v3 "The team's tools"). */
export const SlackIntegrationSchema = v.strictObject({
  webhookUrl: v.pipe(
    v.string(),
    v.description(
      'The incoming webhook URL: in full only in the answer to the POST that saved it, masked in every later answer.',
    ),
  ),
  events: v.pipe(
    v.array(v.picklist(SLACK_EVENT_TYPES)),
    v.description('What the channel hears, in this order.'),
  ),
})
type _Slack = Assert<DescribesWire<typeof SlackIntegrationSchema, SlackIntegration>>

export const SavedSlackIntegrationResponseSchema = v.strictObject({ slack: SlackIntegrationSchema })
type _Saved = Assert<
  DescribesWire<typeof SavedSlackIntegrationResponseSchema, SavedSlackIntegrationResponse>
>

export const SlackIntegrationResponseSchema = v.strictObject({
  slack: v.pipe(v.nullable(SlackIntegrationSchema), v.description('null when none is set up.')),
})
type _Read = Assert<DescribesWire<typeof SlackIntegrationResponseSchema, SlackIntegrationResponse>>

export const SlackTestResultSchema = v.strictObject({
  ok: v.pipe(v.boolean(), v.description('Slack answered 2xx.')),
  statusCode: v.pipe(
    v.nullable(v.number()),
    v.description("Slack's HTTP status; null when nothing answered."),
  ),
  answer: v.pipe(
    v.string(),
    v.description(
      "Slack's answer body (ok, no_service, channel_is_archived…), or why nothing was sent or answered.",
    ),
  ),
})
type _Result = Assert<DescribesWire<typeof SlackTestResultSchema, SlackTestResult>>

export const SlackTestResponseSchema = v.strictObject({ test: SlackTestResultSchema })
type _Test = Assert<DescribesWire<typeof SlackTestResponseSchema, SlackTestResponse>>
