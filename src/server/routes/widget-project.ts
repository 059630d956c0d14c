import { Hono } from 'hono'
import type { WidgetProjectResponse } from '../../shared/api'
import { messagesFor } from '../../shared/messages'
import type { AppEnv } from '../http/env'

/**
 * GET /v1/projects/:projectId/widget: what the widget needs to render. `?locale=de-AT` adds the
 * widget's strings in that language when Reqio speaks it: widget.js bundles only English.
 */
export function widgetProjectRoutes() {
  return new Hono<AppEnv>().get('/v1/projects/:projectId/widget', (c) => {
    const project = c.get('project')
    const messages = messagesFor(c.req.query('locale') ?? '')
    const body: WidgetProjectResponse = {
      project: {
        id: project.id,
        name: project.name,
        settings: project.settings,
        ...(messages && { messages }),
      },
    }
    return c.json(body)
  })
}
