import { useEffect, useState } from 'preact/hooks'
import {
  type AdminProject,
  DEFAULT_ACCENT,
  HEX_COLOUR,
  LAUNCHER_TEXT_MAX_LENGTH,
  normaliseHexColour,
  type TabVisibility,
  type WidgetSettings,
} from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'
import { contrastRatio, VISIBLE_ON_WHITE } from './colour-contrast'
import { TabVisibilityField } from './tab-visibility-field'
import { WidgetPreview } from './widget-preview'
import './widget-settings.css'

/** Whether the roadmap and What's new have anything yet; null until known. */
interface ProjectContent {
  roadmap: boolean | null
  changelog: boolean | null
}

const shows = (visibility: TabVisibility, hasContent: boolean | null) =>
  visibility === 'shown' || (visibility === 'auto' && hasContent === true)

/** What the Settings area hands the Widget page (settings/settings-area.tsx). */
export interface WidgetSettingsPageProps {
  client: AdminClient
  team: TeamClient
  project: AdminProject
  /** False below admin: the page shows the values, read only, and says why. */
  allowed: boolean
  /** The project as the server answered a save, so every page shows the new settings. */
  onSaved: (project: AdminProject) => void
}

/**
 * Settings › Widget: accent, launcher position and words, which tabs show; a preview follows
 * every change before it is saved (PATCH /v1/admin/projects/{id} `settings.widget`). The
 * Settings area gives the page its heading.
 */
export function WidgetSettingsPage({
  client,
  team,
  project,
  allowed,
  onSaved,
}: WidgetSettingsPageProps) {
  const [saved, setSaved] = useState<WidgetSettings>(project.settings.widget)
  const [draft, setDraft] = useState<WidgetSettings>(project.settings.widget)
  const [accentText, setAccentText] = useState(project.settings.widget.accent ?? '')
  const [content, setContent] = useState<ProjectContent>({ roadmap: null, changelog: null })
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    let current = true
    Promise.all([client.publicRoadmap(project.id), client.listChangelog(project.id)]).then(
      ([roadmap, changelog]) => {
        if (!current) return
        setContent({
          roadmap: roadmap.ok ? roadmap.data.lanes.some((lane) => lane.requests.length > 0) : null,
          changelog: changelog.ok
            ? changelog.data.entries.some((entry) => entry.publishedAt !== null)
            : null,
        })
      },
    )
    return () => {
      current = false
    }
  }, [client, project.id])

  const change = (patch: Partial<WidgetSettings>) => {
    setDraft((before) => ({ ...before, ...patch }))
    setMessage(null)
  }
  const accentValid = accentText.trim() === '' || HEX_COLOUR.test(accentText.trim())
  const unsaved = JSON.stringify(draft) !== JSON.stringify(saved)
  const accent = draft.accent ?? DEFAULT_ACCENT
  const onWhite = contrastRatio(accent, '#ffffff')

  function typeAccent(text: string) {
    setAccentText(text)
    const trimmed = text.trim()
    if (trimmed === '') change({ accent: null })
    else if (HEX_COLOUR.test(trimmed)) change({ accent: normaliseHexColour(trimmed) })
  }

  async function save(event: Event) {
    event.preventDefault()
    if (!accentValid) return
    setSaving(true)
    const result = await team.updateProject(project.id, { settings: { widget: draft } })
    setSaving(false)
    if (!result.ok) return setMessage({ ok: false, text: result.message })
    const stored = result.data.project.settings.widget
    setSaved(stored)
    setDraft(stored)
    setAccentText(stored.accent ?? '')
    setMessage({ ok: true, text: 'Saved. Your site’s pages show it from their next load.' })
    onSaved(result.data.project)
  }

  return (
    <div class="widget-settings">
      <p class="hint widget-settings-intro">
        How the widget looks on your site and which views it offers. A page applies these a few
        seconds after it loads; <code>data-position</code> or <code>data-accent</code> on your
        script tag win on the pages that carry them.
      </p>
      <div class="widget-settings-layout">
        <form class="widget-settings-form" onSubmit={save} aria-describedby="widget-save-state">
          <fieldset disabled={!allowed}>
            <div class="field">
              <label for="widget-accent-text">Accent colour</label>
              <div class="accent-inputs">
                <input
                  type="color"
                  aria-label="Colour picker"
                  value={accent}
                  onInput={(event) => typeAccent(event.currentTarget.value)}
                />
                <input
                  id="widget-accent-text"
                  class="accent-text"
                  value={accentText}
                  placeholder={DEFAULT_ACCENT}
                  spellcheck={false}
                  autocomplete="off"
                  aria-invalid={!accentValid}
                  aria-describedby="widget-accent-hint"
                  onInput={(event) => typeAccent(event.currentTarget.value)}
                />
                <button
                  type="button"
                  disabled={draft.accent === null}
                  onClick={() => typeAccent('')}
                >
                  Use Reqio’s indigo
                </button>
              </div>
              <p id="widget-accent-hint" class={accentValid ? 'hint' : 'field-error'}>
                {!accentValid
                  ? 'Type a colour as # and 6 hex digits, like #4f46e5.'
                  : onWhite < VISIBLE_ON_WHITE
                    ? `This colour stands out little on a white page (${onWhite.toFixed(1)}:1): the launcher may be hard to see.`
                    : 'The launcher, the main buttons and the selected tab; their text turns white or black, whichever reads.'}
              </p>
            </div>

            <fieldset class="field choice">
              <legend>Launcher position</legend>
              {(
                [
                  ['bottom-right', 'Bottom right'],
                  ['bottom-left', 'Bottom left'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} class="check">
                  <input
                    type="radio"
                    name="widget-position"
                    checked={draft.position === value}
                    onChange={() => change({ position: value })}
                  />{' '}
                  {label}
                </label>
              ))}
              {draft.position === 'bottom-left' ? (
                <p class="hint">
                  Pages move the launcher there once the settings arrive, a few seconds after they
                  load. To draw it on the left from the first moment, add{' '}
                  <code>data-position="bottom-left"</code> to your script tag as well.
                </p>
              ) : null}
            </fieldset>

            <div class="field">
              <label for="widget-launcher-text">Launcher text</label>
              <input
                id="widget-launcher-text"
                value={draft.launcherText ?? ''}
                maxLength={LAUNCHER_TEXT_MAX_LENGTH}
                placeholder="Feedback"
                aria-describedby="widget-launcher-hint"
                onInput={(event) => change({ launcherText: event.currentTarget.value || null })}
              />
              <p id="widget-launcher-hint" class="hint">
                {(draft.launcherText ?? '').length} of {LAUNCHER_TEXT_MAX_LENGTH} characters. Shown
                as typed in every language; empty, it reads “Feedback” in the visitor’s.
              </p>
            </div>

            <TabVisibilityField
              name="roadmap"
              legend="Roadmap tab"
              autoLabel="Only once something is planned, in progress or done"
              value={draft.roadmapTab}
              hasContent={content.roadmap}
              emptyNow="Nothing is on the roadmap yet"
              onChange={(roadmapTab) => change({ roadmapTab })}
            />
            <TabVisibilityField
              name="changelog"
              legend="What’s new tab"
              autoLabel="Only once an entry is published"
              value={draft.changelogTab}
              hasContent={content.changelog}
              emptyNow="No changelog entry is published yet"
              onChange={(changelogTab) => change({ changelogTab })}
            />

            <div class="save-row">
              <button type="submit" class="primary" disabled={saving || !accentValid || !unsaved}>
                Save widget settings
              </button>
              <span id="widget-save-state" class="hint">
                {unsaved ? 'Unsaved changes: the preview shows them.' : 'Everything is saved.'}
              </span>
            </div>
          </fieldset>
          {allowed ? null : <WhyNot permission="configure" doing="change the widget" />}
          {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
        </form>
        <WidgetPreview
          settings={draft}
          tabs={{
            roadmap: shows(draft.roadmapTab, content.roadmap),
            changelog: shows(draft.changelogTab, content.changelog),
          }}
        />
      </div>
    </div>
  )
}
