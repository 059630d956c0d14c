/**
 * How the widget looks and which views it offers, set in the dashboard's Settings › Widget and
 * stored per project (`settings.widget`). The script tag's `data-position` and `data-accent`
 * win over these on the page that carries them.
 */

export const LAUNCHER_POSITIONS = ['bottom-right', 'bottom-left'] as const
export type LauncherPlacement = (typeof LAUNCHER_POSITIONS)[number]

/**
 * Whether the Roadmap or What's new tab shows: always, never, or `auto` (only once there is
 * something on it). The widget's own answer (`GET …/widget`) never says `auto`: the server has
 * already looked.
 */
export const TAB_VISIBILITIES = ['shown', 'hidden', 'auto'] as const
export type TabVisibility = (typeof TAB_VISIBILITIES)[number]

/** One line on a phone's launcher, in any language. */
export const LAUNCHER_TEXT_MAX_LENGTH = 30

export interface WidgetSettings {
  /** `#rrggbb` (lowercase), or null for Reqio's indigo. */
  accent: string | null
  position: LauncherPlacement
  /** The launcher's words as typed, in every language; null: "Feedback" in the visitor's. */
  launcherText: string | null
  roadmapTab: TabVisibility
  changelogTab: TabVisibility
}

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  accent: null,
  position: 'bottom-right',
  launcherText: null,
  roadmapTab: 'shown',
  changelogTab: 'shown',
}

/** Reqio's own accent, what `accent: null` shows (src/widget/ui/launcher.css `--a`). */
export const DEFAULT_ACCENT = '#4f46e5'

/** `#abc` or `#aabbcc`, any case. */
export const HEX_COLOUR = /^#([\da-f]{3}|[\da-f]{6})$/i

/** `#ABC` → `#aabbcc`: one spelling per colour, so the stored value compares as it shows. */
export function normaliseHexColour(colour: string): string {
  const digits = colour.slice(1).toLowerCase()
  return `#${digits.length === 3 ? digits.replace(/./g, '$&$&') : digits}`
}

/**
 * Whatever the column holds (null before any change, or a row written by an older or newer
 * version), read as complete settings: unknown values fall back to the defaults one by one.
 */
export function readWidgetSettings(stored: unknown): WidgetSettings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback
  const text = (value: unknown) => (typeof value === 'string' && value.trim()) || null
  const accent = text(raw.accent)
  return {
    accent: accent && HEX_COLOUR.test(accent) ? normaliseHexColour(accent) : null,
    position: oneOf(raw.position, LAUNCHER_POSITIONS, DEFAULT_WIDGET_SETTINGS.position),
    launcherText: text(raw.launcherText)?.slice(0, LAUNCHER_TEXT_MAX_LENGTH) ?? null,
    roadmapTab: oneOf(raw.roadmapTab, TAB_VISIBILITIES, DEFAULT_WIDGET_SETTINGS.roadmapTab),
    changelogTab: oneOf(raw.changelogTab, TAB_VISIBILITIES, DEFAULT_WIDGET_SETTINGS.changelogTab),
  }
}
