import { readPersonLink, signPersonLink } from './signed-person-link'

/**
 * The preferences page every email's footer links to (spec/api.md v3 "Following"), signed with
 * the same server key as the unsubscribe link (UNSUBSCRIBE_KEY_NAME), for its own purpose.
 */
export function emailPreferencesToken(key: string, projectId: string, personId: number): string {
  return signPersonLink(key, 'email-preferences', projectId, personId)
}

export function readEmailPreferencesToken(
  key: string,
  token: string,
): { projectId: string; personId: number } | null {
  return readPersonLink(key, 'email-preferences', token)
}

export function emailPreferencesUrl(publicUrl: string, projectId: string, token: string): string {
  return `${publicUrl}/p/${encodeURIComponent(projectId)}/email-preferences?token=${token}`
}
