import { chmodSync, mkdirSync, statSync } from 'node:fs'

/**
 * REQIO_DATA_DIR holds project secrets (in the database files and its WAL) and maybe the
 * generated admin token. The directory itself, 0700, keeps other users of the machine out;
 * the files inside are owner-only too (store/pglite-owner-only-fs.ts). An existing directory
 * with looser modes is tightened; one we do not own and cannot tighten stops the start with a
 * message.
 * Answers whether the modes had to be tightened.
 */
export function prepareDataDir(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const info = statSync(dir)
  if ((info.mode & 0o777) === 0o700) return false
  try {
    chmodSync(dir, 0o700)
  } catch (error) {
    throw new Error(
      `REQIO_DATA_DIR ${dir} is mode ${(info.mode & 0o777).toString(8)} and could not be ` +
        `made 0700 (${(error as Error).message}): fix it with \`chmod 700 ${dir}\` as its owner.`,
    )
  }
  return true
}
