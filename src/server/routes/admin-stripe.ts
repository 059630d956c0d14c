import { Hono } from 'hono'
import type { AppEnv, RouteDeps } from '../http/env'
import { stripeEndpointUrl, stripeSettingsView } from './stripe-settings'

/**
 * GET /v1/admin/projects/:id/stripe: Settings › Revenue's facts about the project's Stripe
 * webhook: whether a secret is set (never the secret), the endpoint URL to add in Stripe, and
 * the last event received.
 */
export function adminStripeRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { id } = c.get('project')
    const stripe = await stripeSettingsView(deps.store, stripeEndpointUrl(c, deps, id), id)
    return c.json({ stripe })
  })
}
