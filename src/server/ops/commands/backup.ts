import { resolve } from 'node:path'
import type { Logger } from '../../logger'
import { writeBackup } from '../backup'
import {
  describeTarget,
  isEmbeddedDatabaseEmpty,
  openTarget,
  readDatabaseTarget,
} from '../database-target'
import { UsageError } from './usage'

/** `reqio backup <file>`: the database the server would use, dumped into <file>. */
export async function backupCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<void> {
  const [file, ...extra] = args
  if (!file || extra.length > 0)
    throw new UsageError('backup takes one argument: the file to write')
  const target = readDatabaseTarget(env)
  if (target.engine === 'pglite') {
    if (isEmbeddedDatabaseEmpty(target.databaseDir))
      throw new Error(
        `there is no embedded database in ${target.databaseDir}: set REQIO_DATA_DIR to the ` +
          "server's, or DATABASE_URL to back up PostgreSQL",
      )
  }
  const db = await openTarget(target)
  try {
    const summary = await writeBackup(db, resolve(file))
    log.info(
      `backup: ${summary.rows} rows in ${summary.tables} tables of ${describeTarget(target)} ` +
        `(schema at migration ${summary.migrations.at(-1) ?? 'none'}) written to ${summary.file}`,
    )
  } finally {
    await db.close()
  }
}
