import { type Algorithm, hash, verify } from '@node-rs/argon2'
import { invalid } from '../errors'

export const PASSWORD_MIN_LENGTH = 10
/** argon2 reads at most this much anyway; a longer "password" is a request to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256

/**
 * argon2id with 64 MiB and 3 passes (RFC 9106's second recommended setting, one lane): about
 * 115–145 ms per hash on our 2-core test machine (docs/team-and-email.md, "Passwords"). Slow
 * enough that a stolen table costs an attacker real money per guess; fast enough that signing in
 * feels instant and that login throttling, not the hash, is what limits a guessing client.
 * The parameters are stored inside each hash, so raising them later leaves old hashes valid.
 */
/** Algorithm.Argon2id: a const enum, which verbatimModuleSyntax cannot import as a value. */
const ARGON2ID = 2 as Algorithm.Argon2id

export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
} as const

export function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw invalid(field, `The password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  if (password.length > PASSWORD_MAX_LENGTH)
    throw invalid(field, `The password must be at most ${PASSWORD_MAX_LENGTH} characters.`)
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS)
}

let decoyHash: Promise<string> | null = null

/**
 * Checks a password against a stored hash; with no hash (unknown email) it still verifies
 * against a decoy, so an unknown email takes as long as a wrong password.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashPassword('decoy password nobody has')
    await verify(await decoyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}
