import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { prepareDataDir } from '../../data-dir'
import type { Logger } from '../../logger'
import {
  describeTarget,
  isEmbeddedDatabaseEmpty,
  openTarget,
  readDatabaseTarget,
} from '../database-target'
import { TargetNotEmptyError } from '../empty-target'
import { readDumpHeader, restoreBackup } from '../restore'
import { UsageError } from './usage'

/** `reqio restore <file>`: <file> loaded into the server's database, which must be empty. */
export async function restoreCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<void> {
  const [file, ...extra] = args
  if (!file || extra.length > 0) throw new UsageError('restore takes one argument: the dump file')
  const path = resolve(file)
  const target = readDatabaseTarget(env)
  if (target.engine === 'pglite') {
    if (!isEmbeddedDatabaseEmpty(target.databaseDir))
      throw new TargetNotEmptyError(
        `${target.databaseDir} already holds a database: restore only loads into an empty one, ` +
          'so nothing in it is overwritten. Point REQIO_DATA_DIR at a new directory (or move ' +
          'this one away), then run restore again.',
      )
  }
  // Checked before anything is created: a wrong file leaves no empty database behind.
  const header = await readDumpHeader(path)
  if (target.engine === 'pglite') prepareDataDir(target.dataDir)
  const db = await openTarget(target)
  let restored = false
  try {
    const summary = await restoreBackup(db, path)
    restored = true
    const upgraded =
      summary.upgradedWith.length > 0
        ? `, then upgraded with migrations ${summary.upgradedWith.join(', ')}`
        : ''
    log.info(
      `restore: ${summary.rows} rows in ${summary.tables} tables from ${path} ` +
        `(Reqio ${header.reqioVersion}, ${header.engine}, taken ${header.createdAt}) loaded into ` +
        `${describeTarget(target)}${upgraded}`,
    )
  } finally {
    await db.close()
    // PostgreSQL rolled the whole restore back; the embedded database's files were created
    // for it, empty before: remove them, so that running restore again finds an empty place.
    if (!restored && target.engine === 'pglite')
      rmSync(target.databaseDir, { recursive: true, force: true })
  }
}
