/**
 * The events a webhook endpoint can subscribe to (spec/api.md "Webhooks"), with what each means
 * to the person choosing them. The server's list (events/events.ts WEBHOOK_EVENT_TYPES) is
 * tested to be the same.
 */
export const WEBHOOK_EVENT_CHOICES = [
  { type: 'request.created', label: 'A request is submitted' },
  { type: 'request.updated', label: 'A request changes status or title' },
  { type: 'request.merged', label: 'A request is merged into another' },
  { type: 'vote.created', label: 'Someone votes' },
  { type: 'vote.deleted', label: 'Someone takes back a vote' },
  { type: 'comment.created', label: 'A comment or team reply is posted' },
  { type: 'changelog.published', label: 'A changelog entry is published' },
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENT_CHOICES)[number]['type']
