import { type Context, Hono } from 'hono'
import type { ComponentChildren } from 'preact'
import { EmailPreferencesPage, EmailPreferencesRefused } from '../../portal/email-preferences-page'
import { emailPreferencesStringsFor } from '../../portal/email-preferences-strings'
import type { PortalView } from '../../portal/portal-view'
import type { UpdateKind } from '../../shared/notifications'
import { serverOrigin } from '../auth/same-origin'
import { commit } from '../events/commit'
import { requestOrigin } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { readEmailPreferencesToken } from '../jobs/mail/email-preferences-link'
import { UNSUBSCRIBE_KEY_NAME } from '../jobs/mail/unsubscribe-link'
import { portalPageHeaders, renderPortalPage } from '../portal/portal-html'
import { bareViewFor, portalViewFor } from '../portal/portal-view-for'
import {
  NOTIFICATION_KINDS,
  readPreferences,
  savePreferences,
} from '../store/notification-preferences-store'

const PATH = '/p/:projectId/email-preferences'

/**
 * GET and POST /p/{pid}/email-preferences?token=… (spec/api.md v3 "Following"): the page every
 * email's footer links to, where a person chooses which kinds of news (`status`, `reply`,
 * `shipped`) reach their email and their widget's Updates. No login: the signed token (like the
 * unsubscribe link's) is the authorisation, so the page works whether or not the portal is
 * turned on. It sets no cookie, and a POST must come from a page of this server (Origin), so
 * nothing another site shows can change anyone's choices. A token that is not ours: 400.
 */
export function emailPreferencesRoutes(deps: RouteDeps) {
  const publicUrl = deps.config.publicUrl

  /** The person the token names, if this server signed it for this project. */
  const verify = async (c: Context<AppEnv>, token: string | undefined) => {
    if (!token || token.length > 512) return null
    const key = await deps.store.mail.serverKey(UNSUBSCRIBE_KEY_NAME)
    const target = readEmailPreferencesToken(key, token)
    return target && target.projectId === c.req.param('projectId') ? target : null
  }

  /** One whole page in the portal's look; the token never leaves in a Referer to another site. */
  const page = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 403 | 404,
    children: (view: PortalView) => ComponentChildren,
  ) => {
    const projectId = c.req.param('projectId') ?? ''
    const project = await deps.caches.project(projectId)
    const origin = (publicUrl ?? requestOrigin(c)).replace(/\/+$/, '')
    const view = project
      ? portalViewFor(c, project, null, publicUrl)
      : bareViewFor(c, projectId, origin)
    const s = emailPreferencesStringsFor(view.language)
    const body = renderPortalPage({
      view: { ...view, indexable: false },
      current: null,
      bare: true,
      head: {
        title: `${s.title} · ${view.project.name}`,
        description: s.intro,
        path: `/p/${encodeURIComponent(projectId)}/email-preferences`,
      },
      children: children(view),
    })
    return c.body(body, status, {
      ...portalPageHeaders(true),
      // Same-origin only: other sites never see the token, and our own form posts keep their Origin
      // (no-referrer would make Chromium send `Origin: null`).
      'Referrer-Policy': 'same-origin',
    })
  }
  const refused = (c: Context<AppEnv>, status: 400 | 403 | 404) =>
    page(c, status, (view) => (
      <EmailPreferencesRefused
        s={emailPreferencesStringsFor(view.language)}
        gone={status === 404}
      />
    ))

  const show = async (c: Context<AppEnv>, token: string, saved: boolean) => {
    const target = await verify(c, token)
    if (!target) return refused(c, 400)
    const preferences = await readPreferences(deps.store.db, target.projectId, target.personId)
    if (!preferences) return refused(c, 404)
    return page(c, 200, (view) => (
      <EmailPreferencesPage
        s={emailPreferencesStringsFor(view.language)}
        action={`${view.paths.root || ''}/email-preferences${langQuery(c)}`}
        token={token}
        email={preferences.email}
        kinds={NOTIFICATION_KINDS}
        chosen={preferences.kinds}
        unsubscribed={preferences.unsubscribed}
        saved={saved}
      />
    ))
  }

  return new Hono<AppEnv>()
    .get(PATH, (c) => show(c, c.req.query('token') ?? '', c.req.query('saved') === '1'))
    .post(PATH, async (c) => {
      if (!fromThisServer(c, deps)) return refused(c, 403)
      const form = await readPreferencesForm(c)
      const target = form && (await verify(c, form.token))
      if (!form || !target) return refused(c, 400)
      const saved = await commit(deps, c, (w) =>
        savePreferences(w.tx, target.projectId, target.personId, form.kinds, w.now),
      )
      if (!saved) return refused(c, 404)
      // POST, redirect, GET: reloading the page saves nothing twice.
      const search = new URLSearchParams({ token: form.token, saved: '1' })
      const lang = c.req.query('lang')
      if (lang) search.set('lang', lang)
      return c.redirect(`${new URL(c.req.url).pathname}?${search}`, 303)
    })
}

/** `?lang=` carried over to the form's action, so the answer speaks the same language. */
function langQuery(c: Context): string {
  const lang = c.req.query('lang')
  return lang ? `?${new URLSearchParams({ lang })}` : ''
}

/**
 * The browser's Origin must be this server (as the email's link named it, or as the request
 * reached it); a POST without Origin (an old client, curl) carries the token and is let through.
 */
function fromThisServer(c: Context<AppEnv>, deps: RouteDeps): boolean {
  const origin = c.req.header('Origin')
  if (origin === undefined) return true
  return origin === serverOrigin(c, deps.config) || origin === requestOrigin(c)
}

/** The form's token and ticked kinds (unknown values ignored), or null for a form that is not one. */
async function readPreferencesForm(
  c: Context,
): Promise<{ token: string; kinds: UpdateKind[] } | null> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase()
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/'))
    return null
  const fields = await c.req.parseBody({ all: true })
  const token = fields.token
  if (typeof token !== 'string') return null
  const ticked = [fields.kinds ?? []].flat()
  const kinds = NOTIFICATION_KINDS.filter((kind) => ticked.includes(kind))
  return { token, kinds }
}
