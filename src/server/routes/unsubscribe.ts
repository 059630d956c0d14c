import { Hono } from 'hono'
import { html } from 'hono/html'
import { invalid } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readUnsubscribeToken, UNSUBSCRIBE_KEY_NAME } from '../jobs/mail/unsubscribe-link'

const PATH = '/v1/unsubscribe/:token'

/**
 * The link in every email (List-Unsubscribe). POST is RFC 8058's one click: no cookie, no
 * token, the signed URL is the authorisation. GET only shows a button, because mail scanners
 * follow links.
 */
export function unsubscribeRoutes(deps: RouteDeps) {
  const verify = async (token: string) => {
    const key = await deps.store.mail.serverKey(UNSUBSCRIBE_KEY_NAME)
    const target = readUnsubscribeToken(key, token)
    if (!target) throw invalid('token', 'This unsubscribe link is not valid.')
    return target
  }
  return new Hono<AppEnv>()
    .get(PATH, async (c) => {
      await verify(c.req.param('token'))
      return c.html(
        html`<!doctype html><meta charset="utf-8"><title>Unsubscribe</title>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto">
<form method="post"><p>Stop the emails about your requests?</p><button type="submit">Unsubscribe</button></form></body>`,
      )
    })
    .post(PATH, async (c) => {
      const target = await verify(c.req.param('token'))
      await deps.store.mail.unsubscribe(target.projectId, target.personId, deps.clock.now())
      if (c.req.header('accept')?.includes('text/html'))
        return c.html('<!doctype html><meta charset="utf-8"><p>You will get no more emails.</p>')
      return c.json({ unsubscribed: true })
    })
}
