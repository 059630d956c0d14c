import { Hono } from 'hono'
import type { WidgetProjectResponse } from '../../shared/api'
import { messagesFor } from '../../shared/messages'
import type { AppEnv, RouteDeps } from '../http/env'
import { publicWidgetSettings } from '../http/public-widget-settings'

/**
 * GET /v1/projects/:projectId/widget: what the widget needs to render, its look and tabs
 * included. `?locale=de-AT` adds the widget's strings in that language when Reqio speaks it:
 * widget.js bundles only English.
 */
export function widgetProjectRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/v1/projects/:projectId/widget', async (c) => {
    const project = c.get('project')
    const messages = messagesFor(c.req.query('locale') ?? '')
    const latestChangelogAt = await deps.caches.latestChangelogAt(project.id)
    const { settings } = project
    const widget = await publicWidgetSettings(
      deps.caches,
      project.id,
      settings.widget,
      latestChangelogAt,
    )
    const body: WidgetProjectResponse = {
      project: {
        id: project.id,
        name: project.name,
        settings: { ...settings, widget },
        ...(latestChangelogAt && { latestChangelogAt }),
        ...(messages && { messages }),
      },
    }
    return c.json(body)
  })
}
