/** Projects: the widget's settings and strings, and the admin API's projects, secrets and install status. */
import type { Messages } from '../messages'
import { DEFAULT_MODERATION, type ModerationMode } from './moderation'
import { DEFAULT_PORTAL_SETTINGS, type PortalSettings } from './portal-settings'
import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from './widget-settings'

/** Per-project switches (spec/api.md "Project settings"); none is private. */
export interface ProjectSettings {
  /** Anonymous votes, submissions and comments answer 401 identity_required. */
  requireIdentity: boolean
  /** Anonymous visitors may comment (identified users always may). */
  allowAnonymousComments: boolean
  /** The widget's look and tabs (Settings › Widget). */
  widget: WidgetSettings
  /** Where the widget is installed: links to a request land there (`?reqio-request=`); or null. */
  siteUrl: string | null
  /** The customer's sign-in route for the portal (`?return_to=`); or null. */
  ssoUrl: string | null
  /** The public portal: on or off, indexable, custom domain. */
  portal: PortalSettings
  /** v3: whose new requests wait for the team's approval (off, anonymous, all). */
  moderation: ModerationMode
}

/** What `PATCH /v1/admin/projects/{pid}` takes as `settings`: any of them, widget and portal in part. */
export type ProjectSettingsPatch = Partial<Omit<ProjectSettings, 'widget' | 'portal'>> & {
  widget?: Partial<WidgetSettings>
  portal?: Partial<PortalSettings>
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  requireIdentity: false,
  allowAnonymousComments: false,
  widget: DEFAULT_WIDGET_SETTINGS,
  siteUrl: null,
  ssoUrl: null,
  portal: DEFAULT_PORTAL_SETTINGS,
  moderation: DEFAULT_MODERATION,
}

export interface WidgetProject {
  id: string
  name: string
  settings: ProjectSettings
  /** The widget's strings in the language `?locale=` asked for, when Reqio speaks it. */
  messages?: Messages
  /** When the newest changelog entry was published (absent when none): the launcher's marker. */
  latestChangelogAt?: string | null
}

export interface WidgetProjectResponse {
  project: WidgetProject
}

export interface AdminProject {
  id: string
  name: string
  audience: string
  createdAt: string
  settings: ProjectSettings
}
/** `GET /v1/admin/projects/{pid}/install`: where the widget was seen, and the first steps. */
export interface InstallStatusResponse {
  /** Most recently seen first; first and latest sighting (latest at most a minute stale). */
  origins: Array<{ origin: string; firstSeenAt: string; lastSeenAt: string }>
  progress: {
    installed: boolean
    identityVerified: boolean
    firstRequest: boolean
    firstVote: boolean
  }
}

export interface CreatedProjectResponse {
  project: AdminProject
  secret: string
}
export interface RotatedSecretResponse {
  secret: string
  previousValidUntil: string
}

/**
 * `POST /v1/admin/projects/{id}/token-check` `{token}`: the dashboard's "Check a token".
 * Always 200 for a well-formed call: the verdict is in the body, with the same codes the
 * public API would answer.
 */
export type TokenCheckResponse =
  | {
      valid: true
      claims: {
        sub: string
        email: string | null
        plan: string | null
        interval: 'month' | 'year' | null
        amount: number | null
        mrrCents: number | null
        iat: number
        exp: number
      }
    }
  | { valid: false; error: { code: string; message: string } }
