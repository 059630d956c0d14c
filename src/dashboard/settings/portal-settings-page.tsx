import { useState } from 'preact/hooks'
import {
  type AdminProject,
  isAbsoluteHttpUrl,
  isPortalHostName,
  normaliseHostName,
} from '../../shared/api'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'
import { portalAddress, reqioBaseOf } from './portal-address'
import './portal-settings.css'

/** The form as typed: text fields stay strings until saved. */
interface PortalDraft {
  enabled: boolean
  indexable: boolean
  domain: string
  siteUrl: string
  ssoUrl: string
}

const draftOf = ({ settings }: AdminProject): PortalDraft => ({
  enabled: settings.portal.enabled,
  indexable: settings.portal.indexable,
  domain: settings.portal.domain ?? '',
  siteUrl: settings.siteUrl ?? '',
  ssoUrl: settings.ssoUrl ?? '',
})

/** Empty is fine (null: not set); anything else must be where a browser can go. */
const urlProblem = (text: string) =>
  text.trim() === '' || isAbsoluteHttpUrl(text.trim())
    ? null
    : 'Type a whole address starting with https://'

const domainProblem = (text: string) => {
  const name = normaliseHostName(text)
  return name === '' || isPortalHostName(name)
    ? null
    : 'Type a host name only, like feedback.example.com (no https://, port or path).'
}

export interface PortalSettingsPageProps {
  team: TeamClient
  project: AdminProject
  /** widget.js's address: the portal is served beside it. */
  widgetUrl: string
  /** False below admin: the page shows the values, read only, and says why. */
  allowed: boolean
  onSaved: (project: AdminProject) => void
}

/**
 * Settings › Portal: the project's public pages on or off, indexable, on a custom domain; where
 * links to a request land (siteUrl); where "Sign in" sends people (ssoUrl). Saved with
 * PATCH /v1/admin/projects/{id} `settings`; a domain another project holds comes back 409 and
 * is said here.
 */
export function PortalSettingsPage({
  team,
  project,
  widgetUrl,
  allowed,
  onSaved,
}: PortalSettingsPageProps) {
  const [saved, setSaved] = useState<PortalDraft>(() => draftOf(project))
  const [draft, setDraft] = useState<PortalDraft>(saved)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [saving, setSaving] = useState(false)

  const problems = {
    domain: domainProblem(draft.domain),
    siteUrl: urlProblem(draft.siteUrl),
    ssoUrl: urlProblem(draft.ssoUrl),
  }
  const valid = Object.values(problems).every((problem) => problem === null)
  const unsaved = JSON.stringify(draft) !== JSON.stringify(saved)
  const address = portalAddress({
    reqioBase: reqioBaseOf(widgetUrl),
    projectId: project.id,
    domain: project.settings.portal.domain,
  })

  const change = (patch: Partial<PortalDraft>) => {
    setDraft((before) => ({ ...before, ...patch }))
    setMessage(null)
  }

  async function save(event: Event) {
    event.preventDefault()
    if (!valid) return
    setSaving(true)
    const orNull = (text: string) => text.trim() || null
    const result = await team.updateProject(project.id, {
      settings: {
        portal: {
          enabled: draft.enabled,
          indexable: draft.indexable,
          domain: orNull(normaliseHostName(draft.domain)),
        },
        siteUrl: orNull(draft.siteUrl),
        ssoUrl: orNull(draft.ssoUrl),
      },
    })
    setSaving(false)
    if (!result.ok) {
      const text =
        result.code === 'conflict'
          ? `Another project already uses ${normaliseHostName(draft.domain)} for its portal. Choose another domain, or clear it there first.`
          : result.message
      return setMessage({ ok: false, text })
    }
    const stored = draftOf(result.data.project)
    setSaved(stored)
    setDraft(stored)
    setMessage({ ok: true, text: 'Saved. The portal and new links use it now.' })
    onSaved(result.data.project)
  }

  const field = (
    name: 'domain' | 'siteUrl' | 'ssoUrl',
    label: string,
    placeholder: string,
    hint: string,
  ) => (
    <div class="field">
      <label for={`portal-${name}`}>{label}</label>
      <input
        id={`portal-${name}`}
        type={name === 'domain' ? 'text' : 'url'}
        value={draft[name]}
        placeholder={placeholder}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={problems[name] !== null}
        aria-describedby={`portal-${name}-hint`}
        onInput={(event) => change({ [name]: event.currentTarget.value })}
      />
      <p id={`portal-${name}-hint`} class={problems[name] ? 'field-error' : 'hint'}>
        {problems[name] ?? hint}
      </p>
    </div>
  )

  return (
    <div class="portal-settings">
      <section class="portal-address" aria-labelledby="portal-address-heading">
        <h3 id="portal-address-heading">Your portal</h3>
        {project.settings.portal.enabled ? (
          <p>
            <code class="portal-url">{address}</code>{' '}
            <a href={address} target="_blank" rel="noopener">
              View portal
            </a>
          </p>
        ) : (
          <p>
            The portal is off: its pages, feed and sitemap answer “not found”. Its address once on:{' '}
            <code class="portal-url">{address}</code>
          </p>
        )}
        <p class="hint">
          A public page for your board, each request, the roadmap and the changelog: readable
          without JavaScript, to share in a support reply or a social post.
        </p>
      </section>

      <form class="portal-settings-form" onSubmit={save} aria-describedby="portal-save-state">
        <fieldset disabled={!allowed}>
          <label class="check">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(event) => change({ enabled: event.currentTarget.checked })}
            />{' '}
            Portal is on
          </label>
          <div class="field">
            <label class="check">
              <input
                type="checkbox"
                checked={draft.indexable}
                aria-describedby="portal-indexable-hint"
                onChange={(event) => change({ indexable: event.currentTarget.checked })}
              />{' '}
              Let search engines index it
            </label>
            <p id="portal-indexable-hint" class="hint">
              Off, every page asks search engines not to list it (<code>noindex</code>).
            </p>
          </div>

          {field(
            'domain',
            'Custom domain',
            'feedback.example.com',
            'Point this name at Reqio through your proxy, passing the Host header on; the portal then answers at its root.',
          )}
          {field(
            'siteUrl',
            'Site URL',
            'https://app.example.com/',
            'Where the widget is installed. Emails and shared links to a request open it there (?reqio-request=…); empty, they open the portal page.',
          )}
          {field(
            'ssoUrl',
            'Sign-in URL',
            'https://app.example.com/reqio/sso',
            'Your app’s route that signs people into the portal (Settings › Identity shows one per stack); empty, the portal has no “Sign in”.',
          )}

          <div class="save-row">
            <button type="submit" class="primary" disabled={saving || !valid || !unsaved}>
              Save portal settings
            </button>
            <span id="portal-save-state" class="hint">
              {unsaved ? 'Unsaved changes.' : 'Everything is saved.'}
            </span>
          </div>
        </fieldset>
        {allowed ? null : <WhyNot permission="configure" doing="change the portal" />}
        {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      </form>
    </div>
  )
}
