import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { TrackerInboundResponse } from '../../shared/api'
import { payloadTooLarge, unauthorized } from '../errors'
import { commit } from '../events/commit'
import { noteAuthFailure } from '../http/auth-failure'
import type { AppEnv, RouteDeps } from '../http/env'
import type { InboundDelivery } from '../integrations/trackers/issue-tracker'
import { moveLinkedRequests } from '../integrations/trackers/move-linked-requests'
import { ISSUE_TRACKERS } from '../integrations/trackers/registry'

/**
 * A tracker's event carries the whole issue (GitHub: up to 65,536 characters of body, plus the
 * repository and users), past the 64 kB every JSON body is held to elsewhere.
 */
export const TRACKER_INBOUND_MAX_BYTES = 1024 * 1024

const INBOUND_PATH = /^\/v1\/integrations\/(github|linear)\/[^/]+$/

/** The inbound routes take their own, larger body limit (app.ts leaves them out of the 64 kB one). */
export function isTrackerInbound(c: Context): boolean {
  return c.req.method === 'POST' && INBOUND_PATH.test(c.req.path)
}

const NOT_VERIFIED =
  'The delivery is not signed with this project’s inbound secret (or the tracker is not set up).'

/**
 * POST /v1/integrations/{github|linear}/{pid}, one path per tracker: its webhook (spec/api.md v3
 * "Inbound"). Verified with the project's inbound secret over the raw body, byte for byte; a bad or missing
 * signature, an unknown project and a tracker not set up all answer the same 401 and change
 * nothing. A verified event that means nothing (GitHub's ping, an edit, an issue linked to no
 * request) answers 200 `{moved: 0}`.
 */
export function trackerInboundRoutes(deps: RouteDeps) {
  const routes = new Hono<AppEnv>()
  for (const tracker of Object.values(ISSUE_TRACKERS)) {
    routes.post(
      `/v1/integrations/${tracker.kind}/:pid`,
      bodyLimit({
        maxSize: TRACKER_INBOUND_MAX_BYTES,
        onError: () => {
          throw payloadTooLarge(`The body must be at most ${TRACKER_INBOUND_MAX_BYTES} bytes.`)
        },
      }),
      async (c) => {
        const projectId = c.req.param('pid')
        const delivery: InboundDelivery = {
          rawBody: await c.req.text(),
          header: (name) => c.req.header(name),
          now: deps.clock.now(),
        }
        const setup = await deps.store.integrations.find(projectId, tracker.kind)
        const secret = setup?.inboundSecret
        if (!secret || !(await tracker.verifyInbound(delivery, secret))) {
          noteAuthFailure(c, 'tracker_signature')
          throw unauthorized(NOT_VERIFIED)
        }
        const change = tracker.readInbound(delivery)
        const project = change ? await deps.store.projects.find(projectId) : null
        if (!change || !project) return c.json({ moved: 0 } satisfies TrackerInboundResponse)
        // The unit of work audits into, and drops the cached reads of, the route's project.
        c.set('project', project)
        const moved = await commit(deps, c, async (w) => {
          const count = await moveLinkedRequests(w, { projectId, kind: tracker.kind, change })
          if (count === 0) w.nothingChanged()
          return count
        })
        return c.json({ moved } satisfies TrackerInboundResponse)
      },
    )
  }
  return routes
}
