/** Wire types of "Telling people what happened" (spec/api.md v2): widget updates, webhooks, audience. */

export type UpdateKind = 'status' | 'reply' | 'shipped'

export interface PersonUpdate {
  id: string
  requestId: string
  title: string
  kind: UpdateKind
  status: string
  at: string
  read: boolean
}

/** GET /v1/projects/{pid}/updates */
export interface UpdatesResponse {
  updates: PersonUpdate[]
  unread: number
}

/** How email leaves this server: SMTP, kept for the dashboard (demo without SMTP), or not at all. */
export type MailMode = 'smtp' | 'kept' | 'off'

/** GET /v1/admin/projects/{pid}/requests/{rid}/audience: who a change would reach. */
export interface AudienceResponse {
  /** Identified people who wrote, voted or commented: each sees it in the widget. */
  people: number
  /** Of those, how many get an email (an email address, not unsubscribed), when mail is on. */
  withEmail: number
  /** Anonymous voters and authors: they cannot be told. */
  anonymous: number
  mail: MailMode
}

export interface WebhookEndpointInfo {
  id: string
  url: string
  /** null: every event. */
  events: string[] | null
  createdAt: string
}

export interface WebhookDeliveryInfo {
  id: string
  event: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  nextAttemptAt: string | null
  deliveredAt: string | null
  createdAt: string
}

export interface KeptMailInfo {
  id: number
  to: string
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  at: string
}

export interface FailedJobInfo {
  id: number
  kind: string
  attempts: number
  lastError: string | null
  updatedAt: string
}
