/** A command line the CLI cannot run: it prints the usage and exits 2 instead of 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const USAGE = `usage: npm run reqio -- <command>

  backup <file>    write a consistent dump of the database to <file> (gzip'd JSON lines)
  restore <file>   load a dump into an empty database
  migrate          apply pending migrations, then exit

The database is the server's: PostgreSQL when DATABASE_URL is set, else the embedded database
in $REQIO_DATA_DIR/pglite (REQIO_DATA_DIR defaults to .reqio). Stop the server before running
a command on the embedded database.`
