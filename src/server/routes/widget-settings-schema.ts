import * as v from 'valibot'
import {
  HEX_COLOUR,
  LAUNCHER_POSITIONS,
  LAUNCHER_TEXT_MAX_LENGTH,
  normaliseHexColour,
  TAB_VISIBILITIES,
} from '../../shared/api/widget-settings'

/** Line breaks, tabs and other control characters: the launcher is one line of plain text. */
const CONTROL_CHARACTERS = /[\p{Cc}\p{Zl}\p{Zp}]/u

const ACCENT_MESSAGE = 'accent must be a colour like #4f46e5, or null'

const tabVisibility = (field: string) =>
  v.picklist(TAB_VISIBILITIES, `${field} must be one of ${TAB_VISIBILITIES.join(', ')}`)

/**
 * `settings.widget` in PATCH /v1/admin/projects/{pid}: any of its fields, each checked on its
 * own. The accent is stored as lowercase `#rrggbb`; a launcher text that is empty once trimmed
 * is null (the visitor's language's "Feedback").
 */
export const WidgetSettingsPatchSchema = v.strictObject(
  {
    accent: v.optional(
      v.nullable(
        v.pipe(
          v.string(ACCENT_MESSAGE),
          v.trim(),
          v.regex(HEX_COLOUR, ACCENT_MESSAGE),
          v.transform(normaliseHexColour),
        ),
      ),
    ),
    position: v.optional(
      v.picklist(LAUNCHER_POSITIONS, `position must be one of ${LAUNCHER_POSITIONS.join(', ')}`),
    ),
    launcherText: v.optional(
      v.nullable(
        v.pipe(
          v.string('launcherText must be text, or null'),
          v.trim(),
          v.maxLength(
            LAUNCHER_TEXT_MAX_LENGTH,
            `launcherText must be at most ${LAUNCHER_TEXT_MAX_LENGTH} characters`,
          ),
          v.check(
            (text) => !CONTROL_CHARACTERS.test(text),
            'launcherText must be one line without control characters',
          ),
          v.transform((text) => text || null),
        ),
      ),
    ),
    roadmapTab: v.optional(tabVisibility('roadmapTab')),
    changelogTab: v.optional(tabVisibility('changelogTab')),
  },
  'settings.widget has an unknown field',
)
