/** "Forgot password?" as the dashboard calls it: ask for a link, then set the password with it. */
import type { PasswordResetStatus, TeamMemberInfo } from '../../shared/team-api'
import { createApiCall } from '../api/admin-client'

export function createPasswordResetClient(apiBase = '') {
  const call = createApiCall(null, apiBase)
  return {
    status: () => call<PasswordResetStatus>('GET', '/v1/auth/password-reset'),
    askForLink: (email: string) =>
      call<PasswordResetStatus>('POST', '/v1/auth/password-reset', { email }),
    confirm: (code: string, password: string) =>
      call<{ member: TeamMemberInfo }>('POST', '/v1/auth/password-reset/confirm', {
        code,
        password,
      }),
  }
}
export type PasswordResetClient = ReturnType<typeof createPasswordResetClient>
