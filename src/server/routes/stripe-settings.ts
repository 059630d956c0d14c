import type { Context } from 'hono'
import * as v from 'valibot'
import type { StripeSettingsView } from '../../shared/api/revenue'
import { serverOrigin } from '../auth/same-origin'
import type { UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import type { Store } from '../store'

/**
 * `settings.stripe` of `PATCH /v1/admin/projects/{pid}` (spec v3 "The revenue ledger"): Stripe's
 * own signing secret of the endpoint (whsec_…), or null to turn the endpoint off. Write-only:
 * no answer carries it; GET .../stripe says whether one is set.
 */
export const StripeSettingsPatchSchema = v.strictObject(
  {
    webhookSecret: v.nullable(
      v.pipe(
        v.string('stripe.webhookSecret must be a string or null'),
        v.trim(),
        v.regex(
          /^whsec_[A-Za-z0-9+/=_-]{8,200}$/,
          "stripe.webhookSecret must be Stripe's signing secret of the endpoint (whsec_…)",
        ),
      ),
    ),
  },
  'stripe has an unknown field',
)

type StripeSettingsPatch = v.InferOutput<typeof StripeSettingsPatchSchema>

/** Stores the secret in the settings change's transaction; nothing when the patch has none. */
export async function saveStripeSettings(
  w: UnitOfWork,
  projectId: string,
  stripe: StripeSettingsPatch | undefined,
): Promise<void> {
  if (stripe) await w.store.stripe.putWebhookSecret(projectId, stripe.webhookSecret, w.now)
}

/** The settings patch as the audit log keeps it: whether a Stripe secret was set, never the secret. */
export function withoutStripeSecret<Patch extends { settings?: { stripe?: StripeSettingsPatch } }>(
  patch: Patch,
): Record<string, unknown> {
  const stripe = patch.settings?.stripe
  if (!stripe) return { ...patch }
  const shown = { webhookSecret: stripe.webhookSecret === null ? null : 'set' }
  return { ...patch, settings: { ...patch.settings, stripe: shown } }
}

/** Where Stripe should send the project's events. */
export function stripeEndpointUrl(c: Context<AppEnv>, deps: RouteDeps, projectId: string): string {
  return `${serverOrigin(c, deps.config)}/v1/integrations/stripe/${encodeURIComponent(projectId)}`
}

export async function stripeSettingsView(
  store: Store,
  endpointUrl: string,
  projectId: string,
): Promise<StripeSettingsView> {
  const setup = await store.stripe.setup(projectId)
  return {
    webhookSecretSet: setup !== null,
    endpointUrl,
    lastEvent: setup?.lastEvent ?? null,
  }
}
