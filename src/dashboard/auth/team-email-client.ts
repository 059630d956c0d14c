/** Team email as the dashboard calls it: what the signed-in member is emailed about (cookie only). */
import type { TeamEmailSettings } from '../../shared/team-email'
import { createApiCall } from '../api/admin-client'

export function createTeamEmailClient(apiBase = '') {
  const call = createApiCall(null, apiBase)
  return {
    settings: () => call<TeamEmailSettings>('GET', '/v1/auth/notifications'),
    save: (settings: TeamEmailSettings) =>
      call<TeamEmailSettings>('PUT', '/v1/auth/notifications', settings),
  }
}
export type TeamEmailClient = ReturnType<typeof createTeamEmailClient>
