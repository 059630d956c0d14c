/**
 * An on-disk embedded database that starts as the run's migrated template
 * (database-templates.ts), extracted where PGlite looks for its files: its first open finds
 * every migration applied (~1 s) instead of creating and migrating a database (~7 s in a
 * server process, most of a restart test's time on a busy machine). For tests of something
 * else than a first start; the ones about a fresh data dir (startup-safety, data-dir-modes,
 * store-persistence, the CLI's migrate) leave theirs empty. Outside a Vitest run (no template)
 * these do nothing and the database is created and migrated as usual.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { EMBEDDED_TEMPLATE_ENV } from './template-env'

/** Fills `pgliteDir` (what openPgliteDb/openStore take as dataDir) with the template. */
export function seedEmbeddedDatabase(pgliteDir: string): void {
  const template = process.env[EMBEDDED_TEMPLATE_ENV]
  if (!template) return
  mkdirSync(pgliteDir, { recursive: true, mode: 0o700 })
  // A PGlite dumpDataDir tarball, uncompressed; its names start with `/` (tar strips it).
  execFileSync('tar', ['-xf', template, '-C', pgliteDir], { stdio: ['ignore', 'ignore', 'pipe'] })
}

/** The same for a server's REQIO_DATA_DIR, whose database lives in `pglite/`. */
export function seedEmbeddedDataDir(dataDir: string): void {
  seedEmbeddedDatabase(join(dataDir, 'pglite'))
}
