/**
 * `npm run reqio -- <command>`: operations on the server's database (backup, restore,
 * migrate). An entry of its own: it runs main() when loaded, like index.ts, and needs only
 * production dependencies.
 */
import type { Logger } from './logger'
import { cliLogger as logger } from './ops/cli-logger'
import { backupCommand } from './ops/commands/backup'
import { migrateCommand } from './ops/commands/migrate'
import { restoreCommand } from './ops/commands/restore'
import { USAGE, UsageError } from './ops/commands/usage'

type Command = (args: string[], env: NodeJS.ProcessEnv, log: Logger) => Promise<void>

const COMMANDS: Record<string, Command> = {
  backup: backupCommand,
  restore: restoreCommand,
  migrate: migrateCommand,
}

/** Answers the exit code: 0 done, 1 failed (the message says why), 2 not a command line we take. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE)
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS[name]
  if (!command) {
    console.error(`unknown command: ${name}\n\n${USAGE}`)
    return 2
  }
  // As the server: whatever a command creates (database files, a dump) is for this user only.
  process.umask(0o077)
  try {
    await command(args, process.env, logger)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`)
      return 2
    }
    logger.error(`${name} failed:`, error)
    return 1
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
