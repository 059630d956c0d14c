import { prepareDataDir } from '../../data-dir'
import type { Logger } from '../../logger'
import { migrate } from '../../store/migrate'
import { describeTarget, openTarget, readDatabaseTarget } from '../database-target'
import { UsageError } from './usage'

/**
 * `reqio migrate`: applies pending migrations and exits, for a deploy step that upgrades the
 * schema once before new servers start (servers also migrate at start; several at once wait
 * for each other on PostgreSQL's advisory lock).
 */
export async function migrateCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<void> {
  if (args.length > 0) throw new UsageError('migrate takes no arguments')
  const target = readDatabaseTarget(env)
  if (target.engine === 'pglite') {
    prepareDataDir(target.dataDir)
  }
  const db = await openTarget(target)
  try {
    const applied = await migrate(db)
    log.info(
      applied.length > 0
        ? `migrate: applied migrations ${applied.join(', ')} to ${describeTarget(target)}`
        : `migrate: ${describeTarget(target)} is up to date`,
    )
  } finally {
    await db.close()
  }
}
