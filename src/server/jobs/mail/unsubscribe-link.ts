import { createHmac, timingSafeEqual } from 'node:crypto'

/** The server key (store/mail-store serverKey) that signs unsubscribe links. */
export const UNSUBSCRIBE_KEY_NAME = 'unsubscribe'

const sign = (key: string, payload: string) =>
  createHmac('sha256', key).update(`unsubscribe:${payload}`).digest('base64url')

/** A token naming (project, person), signed so the link itself is the authorisation. */
export function unsubscribeToken(key: string, projectId: string, personId: number): string {
  const payload = Buffer.from(JSON.stringify([projectId, personId])).toString('base64url')
  return `${payload}.${sign(key, payload)}`
}

export function readUnsubscribeToken(
  key: string,
  token: string,
): { projectId: string; personId: number } | null {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(key, payload))
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

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/v1/unsubscribe/${token}`
}
