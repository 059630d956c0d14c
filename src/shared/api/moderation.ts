/** v3 moderation (spec/api.md "Intake and moderation" > Spam and deletion). */

/**
 * Project setting `moderation`: whose new requests wait for the team's approval (`pending`):
 * nobody's, anonymous visitors', or everyone's.
 */
export const MODERATION_MODES = ['off', 'anonymous', 'all'] as const
export type ModerationMode = (typeof MODERATION_MODES)[number]
export const DEFAULT_MODERATION: ModerationMode = 'off'

/** A stored value read back: anything unknown is `off`. */
export function readModerationMode(value: unknown): ModerationMode {
  return MODERATION_MODES.includes(value as ModerationMode)
    ? (value as ModerationMode)
    : DEFAULT_MODERATION
}

/** How long the team can restore a deleted request (the purge removes it after that). */
export const RESTORE_DAYS = 30
