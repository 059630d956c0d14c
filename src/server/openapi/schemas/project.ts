import * as v from 'valibot'
import {
  LAUNCHER_POSITIONS,
  MODERATION_MODES,
  type ProjectSettings,
  TAB_VISIBILITIES,
  type WidgetProjectResponse,
} from '../../../shared/api'
import type { Assert, DescribesWire, SameShape } from './wire-type'

export const WidgetSettingsSchema = v.strictObject({
  accent: v.pipe(v.nullable(v.string()), v.description("`#rrggbb`, or null for Reqio's indigo.")),
  position: v.picklist(LAUNCHER_POSITIONS),
  launcherText: v.pipe(
    v.nullable(v.string()),
    v.description('The launcher\'s words; null: "Feedback" in the visitor\'s language.'),
  ),
  roadmapTab: v.picklist(TAB_VISIBILITIES),
  changelogTab: v.picklist(TAB_VISIBILITIES),
})

/** Per-project switches (spec/api.md "Project settings"); none is private. */
export const ProjectSettingsSchema = v.strictObject({
  requireIdentity: v.boolean(),
  allowAnonymousComments: v.boolean(),
  widget: WidgetSettingsSchema,
  siteUrl: v.nullable(v.string()),
  ssoUrl: v.nullable(v.string()),
  portal: v.strictObject({
    enabled: v.boolean(),
    indexable: v.boolean(),
    domain: v.nullable(v.string()),
  }),
  moderation: v.pipe(
    v.picklist(MODERATION_MODES),
    v.description(
      "v3: whose new requests wait for the team's approval (`pending`): nobody's, anonymous visitors', or everyone's.",
    ),
  ),
})
type _Settings = Assert<DescribesWire<typeof ProjectSettingsSchema, ProjectSettings>>

/**
 * The widget's strings in one language (src/shared/messages.ts): plain strings, and a few
 * groups of them (statuses, plural forms).
 */
const MessagesSchema = v.pipe(
  v.objectWithRest({ locale: v.string() }, v.union([v.string(), v.record(v.string(), v.string())])),
  v.description('Every string the widget shows, in the language `?locale=` asked for.'),
)

export const WidgetProjectResponseSchema = v.strictObject({
  project: v.strictObject({
    id: v.string(),
    name: v.string(),
    settings: ProjectSettingsSchema,
    latestChangelogAt: v.optional(
      v.pipe(
        v.nullable(v.string()),
        v.description('When the newest changelog entry was published; absent when none.'),
      ),
    ),
    messages: v.optional(MessagesSchema),
  }),
})
// `messages` is typed by the English table itself; its schema is looser (any language's table).
type _Project = Assert<
  SameShape<
    Omit<v.InferOutput<typeof WidgetProjectResponseSchema>['project'], 'messages'>,
    Omit<WidgetProjectResponse['project'], 'messages'>
  >
>
