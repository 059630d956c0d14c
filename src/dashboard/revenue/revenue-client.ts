import type {
  CompanyMrrHistoryResponse,
  StripeSettingsPatch,
  StripeSettingsView,
} from '../../shared/api/revenue'
import type { AdminClient, AdminResult } from '../api/admin-client'

/** The revenue ledger's calls (spec v3 "The revenue ledger"), over the shared AdminClient's `call`. */
export interface RevenueClient {
  /** Settings › Revenue: whether a secret is set, the endpoint URL, the last event received. */
  stripeSettings(projectId: string): Promise<AdminResult<{ stripe: StripeSettingsView }>>
  /** Sets Stripe's whsec_ signing secret (write-only), or null to turn the endpoint off. */
  saveStripeSecret(
    projectId: string,
    webhookSecret: StripeSettingsPatch['webhookSecret'],
  ): Promise<AdminResult<unknown>>
  /** A company's MRR changes, newest first. */
  companyMrrHistory(
    projectId: string,
    companyId: string,
  ): Promise<AdminResult<CompanyMrrHistoryResponse>>
}

export function revenueClient(client: AdminClient): RevenueClient {
  const project = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`
  return {
    stripeSettings: (projectId) => client.call('GET', `${project(projectId)}/stripe`),
    saveStripeSecret: (projectId, webhookSecret) =>
      client.call('PATCH', project(projectId), { settings: { stripe: { webhookSecret } } }),
    companyMrrHistory: (projectId, companyId) =>
      client.call(
        'GET',
        `${project(projectId)}/companies/${encodeURIComponent(companyId)}/mrr-history`,
      ),
  }
}
