import { readPersonLink, signPersonLink } from './signed-person-link'

/** The server key (store/mail-store serverKey) that signs unsubscribe and preferences links. */
export const UNSUBSCRIBE_KEY_NAME = 'unsubscribe'

/** A token naming (project, person), signed so the link itself is the authorisation. */
export function unsubscribeToken(key: string, projectId: string, personId: number): string {
  return signPersonLink(key, 'unsubscribe', projectId, personId)
}

export function readUnsubscribeToken(
  key: string,
  token: string,
): { projectId: string; personId: number } | null {
  return readPersonLink(key, 'unsubscribe', token)
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/v1/unsubscribe/${token}`
}
