import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A token naming (project, person) for one purpose, signed with a server key, so the link in
 * an email is itself the authorisation (no login): the unsubscribe link and the email
 * preferences page. The purpose is part of what is signed: one link never opens the other.
 */
export type LinkPurpose = 'unsubscribe' | 'email-preferences'

const sign = (key: string, purpose: LinkPurpose, payload: string) =>
  createHmac('sha256', key).update(`${purpose}:${payload}`).digest('base64url')

export function signPersonLink(
  key: string,
  purpose: LinkPurpose,
  projectId: string,
  personId: number,
): string {
  const payload = Buffer.from(JSON.stringify([projectId, personId])).toString('base64url')
  return `${payload}.${sign(key, purpose, payload)}`
}

/** The (project, person) a token names, or null for anything this server did not sign. */
export function readPersonLink(
  key: string,
  purpose: LinkPurpose,
  token: string,
): { projectId: string; personId: number } | null {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(key, purpose, payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || typeof value[0] !== 'string' || !Number.isSafeInteger(value[1]))
      return null
    return { projectId: value[0], personId: value[1] }
  } catch {
    return null
  }
}
