import { Hono } from 'hono'
import * as v from 'valibot'
import { DEMO_CUSTOMERS, DEMO_PROJECT_ID, mintDemoToken } from '../demo'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { CompanyClaimSchema, RevenueTraitsSchema } from '../identity/claims-schema'

export const DemoTokenSchema = v.object({
  sub: v.pipe(
    v.string('sub must be a string'),
    v.trim(),
    v.minLength(1, 'sub must not be empty'),
    v.maxLength(255),
  ),
  email: v.optional(v.pipe(v.string('email must be a string'), v.maxLength(320))),
  traits: v.optional(RevenueTraitsSchema),
  company: v.optional(CompanyClaimSchema),
})

/**
 * POST /demo/token `{sub, email?, traits?, company?}` → `{token, expiresAt}`: plays the customer's server
 * for the demo page. GET /demo/customers lists the page's pretend customers. Demo mode only.
 */
export function demoTokenRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/demo/customers', (c) => c.json({ customers: DEMO_CUSTOMERS }))
    .post('/demo/token', async (c) => {
      const input = await readJsonBody(c, DemoTokenSchema)
      const project = await deps.store.projects.find(DEMO_PROJECT_ID)
      if (!project) throw notFound.project(DEMO_PROJECT_ID)
      return c.json(
        await mintDemoToken(project, deps.verifier.audienceOf(project.id), deps.clock.now(), input),
      )
    })
}
