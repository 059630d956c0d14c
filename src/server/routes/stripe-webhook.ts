import { Hono } from 'hono'
import { invalid, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { applyStripeEvent } from '../integrations/stripe/apply-stripe-event'
import { verifyStripeEvent } from '../integrations/stripe/verify-stripe-event'

export const STRIPE_WEBHOOK_PATH = '/v1/integrations/stripe/:projectId'

/**
 * POST /v1/integrations/stripe/{pid}: Stripe's webhook (spec v3 "The revenue ledger"). The raw
 * body is verified with the project's whsec_ secret before anything is read from it: a missing
 * or bad signature answers 400 and changes nothing. A verified event is applied and noted as the
 * project's last event received in one transaction, so the backlog has moved when Stripe hears
 * 200; a type Reqio does not read is noted and answered 200 too (Stripe would retry a 4xx).
 */
export function stripeWebhookRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post(STRIPE_WEBHOOK_PATH, async (c) => {
    const projectId = c.req.param('projectId')
    const setup = await deps.store.stripe.setup(projectId)
    if (!setup) {
      const project = await deps.store.projects.find(projectId)
      if (!project) throw notFound.project(projectId)
      throw notFound.thing('Stripe is not set up for this project.')
    }
    const rawBody = await c.req.text()
    const now = deps.clock.now()
    const event = verifyStripeEvent(
      rawBody,
      c.req.header('stripe-signature'),
      setup.webhookSecret,
      now,
    )
    if (!event)
      throw invalid('Stripe-Signature', 'The Stripe-Signature header does not sign this body.')
    const outcome = await commit(deps, c, async (w) => {
      w.touch(projectId)
      await w.store.stripe.eventReceived(projectId, event.type, w.now)
      return applyStripeEvent(w.store, projectId, event, w.now)
    })
    deps.logger.info('stripe event', { projectId, stripeEvent: event.type, outcome })
    return c.json({ received: true })
  })
}
