/**
 * The one shape an email we send to may take (spec v3 "Hardening"): a bare addr-spec,
 * `local@domain`. No display name, no group, no quoted local part, no comma, space or line
 * break, so a value can never name a second recipient or smuggle a header in.
 */
const LOCAL_MAX_LENGTH = 64
export const EMAIL_MAX_LENGTH = 320

/** RFC 5322 atext, plus letters and digits of any script (SMTPUTF8). */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\p{L}\\p{M}\\p{N}]+"
const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?'
const ADDR_SPEC = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})*$`, 'u')

export function isSingleEmailAddress(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH) return false
  const at = value.lastIndexOf('@')
  if (at < 1 || at > LOCAL_MAX_LENGTH) return false
  return ADDR_SPEC.test(value)
}
