import { Hono } from 'hono'
import type { WidgetProjectResponse } from '../../shared/api'
import type { AppEnv } from '../http/env'

/** GET /v1/projects/:projectId/widget: what the widget needs to render. */
export function widgetProjectRoutes() {
  return new Hono<AppEnv>().get('/v1/projects/:projectId/widget', (c) => {
    const project = c.get('project')
    const body: WidgetProjectResponse = { project: { id: project.id, name: project.name } }
    return c.json(body)
  })
}
