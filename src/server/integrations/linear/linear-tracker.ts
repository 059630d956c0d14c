import * as v from 'valibot'
import type { IntegrationRecord } from '../../store/integrations-store'
import type { IssueTracker } from '../trackers/issue-tracker'
import { optionalOneWord, trackerToken } from '../trackers/one-word-field'
import { parseLinearIssueUrl, readLinearChange } from './linear-changes'
import { createLinearIssue, verifyLinearDelivery } from './linear-transport'

export { parseLinearIssueUrl } from './linear-changes'

/** What a project's Linear set-up keeps besides its key: the team new issues go to. */
export interface LinearSettings extends Record<string, unknown> {
  teamId: string | null
}

const TEAM_ID_MAX_LENGTH = 100

const WEBHOOK_SECRET_MIN_LENGTH = 16
const WEBHOOK_SECRET_MAX_LENGTH = 200

/**
 * POST …/integrations/linear `{token?, teamId?, webhookSecret?}`. Linear's webhook form makes
 * its own signing secret (`lin_wh_…`) and takes none: pasting it here as `webhookSecret` lets
 * that form be used; without it Reqio makes one, for a webhook created through Linear's API.
 */
const LinearSetupSchema = v.strictObject({
  webhookSecret: optionalOneWord(
    'webhookSecret',
    WEBHOOK_SECRET_MIN_LENGTH,
    WEBHOOK_SECRET_MAX_LENGTH,
  ),
  token: trackerToken(),
  teamId: v.optional(
    v.pipe(
      v.string('teamId must be a string'),
      v.trim(),
      v.minLength(1, 'teamId must not be empty'),
      v.maxLength(TEAM_ID_MAX_LENGTH, `teamId must be at most ${TEAM_ID_MAX_LENGTH} characters`),
      v.regex(/^[A-Za-z0-9_-]+$/, "teamId must be the team's id (a UUID)"),
    ),
  ),
})

/**
 * Linear issues: link by URL (keyed by the identifier, KEY-n), create through GraphQL
 * `issueCreate`, follow through Linear's Issue webhooks (linear-changes.ts says what moves,
 * linear-transport.ts how it is sent and checked).
 */
export const linearTracker: IssueTracker<LinearSettings> = {
  kind: 'linear',
  label: 'Linear',
  parseIssueUrl: parseLinearIssueUrl,
  setupSchema: LinearSetupSchema,
  settingsOf: (body, stored) => ({ teamId: body.teamId ?? stored?.teamId ?? null }),
  describe: (setup) => ({ teamId: setup.settings.teamId ?? null }),
  createProblem(setup) {
    if (!setup) return 'Linear is not set up for this project.'
    if (!setup.token || !setup.settings.teamId)
      return 'Give Linear a personal API key (token) and a teamId first.'
    return null
  },
  createIssue(setup: IntegrationRecord<LinearSettings>, issue, env) {
    const { token } = setup
    const { teamId } = setup.settings
    if (!token || !teamId) throw new Error('createIssue called without token or teamId')
    return createLinearIssue({ token, teamId }, issue, env)
  },
  verifyInbound: async (delivery, secret) => verifyLinearDelivery(delivery, secret),
  readInbound: (delivery) => readLinearChange(delivery.rawBody),
}
