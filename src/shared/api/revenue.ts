/** The revenue ledger (spec/api.md v3 "The revenue ledger"): where an account's MRR comes from. */

/** `token`: the customer's tokens' traits. `stripe`: the account's Stripe subscriptions. */
export type MrrSource = 'token' | 'stripe'
export const MRR_SOURCES: readonly MrrSource[] = ['token', 'stripe']

/**
 * What every account's MRR carries beside it (voters, companies, people): its source, when it
 * was last set by that source (ISO 8601), and whether a Stripe subscription of the account is
 * past_due or set to cancel at the period's end.
 */
export interface AccountRevenueFacts {
  mrrSource: MrrSource
  mrrAsOf: string
  atRisk: boolean
}

/** One change of an account's MRR: "$490 -> $990 on 3 Dec, from Stripe". */
export interface MrrChange {
  fromCents: number
  toCents: number
  source: MrrSource
  /** ISO 8601. */
  at: string
}

/** `GET /v1/admin/projects/{pid}/companies/{cid}/mrr-history`: newest first. */
export interface CompanyMrrHistoryResponse {
  changes: MrrChange[]
}

/**
 * The project's Stripe webhook as the admin API shows it (`settings.stripe` of an admin
 * project): never the secret, only whether one is set, where Stripe should send events, and the
 * last event received (any type, applied or ignored).
 */
export interface StripeSettingsView {
  webhookSecretSet: boolean
  /** `<public origin>/v1/integrations/stripe/<pid>`: the endpoint to add in Stripe. */
  endpointUrl: string
  lastEvent: { type: string; receivedAt: string } | null
}

/** `settings.stripe` in `PATCH /v1/admin/projects/{pid}`: a `whsec_` secret, or null to turn it off. */
export interface StripeSettingsPatch {
  webhookSecret: string | null
}

/** The metadata keys Reqio reads on a Stripe subscription or customer. */
export const STRIPE_COMPANY_KEY = 'reqio_company'
export const STRIPE_SUB_KEY = 'reqio_sub'
