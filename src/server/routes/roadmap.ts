import { Hono } from 'hono'
import type { RoadmapResponse } from '../../shared/api'
import { toRoadmapLane } from '../http/changelog-wire'
import type { AppEnv, RouteDeps } from '../http/env'

/** GET /v1/projects/:projectId/roadmap: the lanes planned, in_progress and done, in that order. */
export function roadmapRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/v1/projects/:projectId/roadmap', async (c) => {
    const voter = c.get('actor')?.voter ?? null
    const lanes = await deps.caches.roadmap(c.get('project').id, voter)
    const body: RoadmapResponse = { lanes: lanes.map(toRoadmapLane) }
    return c.json(body)
  })
}
