import * as v from 'valibot'
import { MRR_SOURCES } from '../../../shared/api/revenue'

/** Answers of the revenue ledger (spec v3 "The revenue ledger"), mirroring src/shared/api/revenue.ts. */

const Timestamp = v.pipe(v.string(), v.isoTimestamp())
const MrrSourceSchema = v.picklist(MRR_SOURCES)

/** `AccountRevenueFacts`: spread into every account's answer beside its mrrCents. */
export const AccountRevenueFactsEntries = {
  mrrSource: v.pipe(
    MrrSourceSchema,
    v.description('Where the MRR comes from: token (the traits of tokens) or stripe.'),
  ),
  mrrAsOf: v.pipe(Timestamp, v.description('When that source last set the MRR.')),
  atRisk: v.pipe(
    v.boolean(),
    v.description(
      'A Stripe subscription of the account is past_due or set to cancel at the period end.',
    ),
  ),
}

/** `CompanyMrrHistoryResponse`. */
export const CompanyMrrHistoryResponseSchema = v.object({
  changes: v.array(
    v.object({
      fromCents: v.number(),
      toCents: v.number(),
      source: MrrSourceSchema,
      at: Timestamp,
    }),
  ),
})

/** `{stripe: StripeSettingsView}`. */
export const StripeSettingsResponseSchema = v.object({
  stripe: v.object({
    webhookSecretSet: v.boolean(),
    endpointUrl: v.string(),
    lastEvent: v.nullable(v.object({ type: v.string(), receivedAt: Timestamp })),
  }),
})

/** What Stripe's webhook is answered. */
export const StripeWebhookAnswerSchema = v.object({ received: v.literal(true) })
