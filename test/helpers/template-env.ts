/**
 * Where the run's global setup names its migrated templates (database-templates.ts), in a
 * module of its own: a helper that only reads them need not load PGlite and pg.
 */

/** Path of the embedded template (a PGlite dumpDataDir tarball), set by the global setup. */
export const EMBEDDED_TEMPLATE_ENV = 'REQIO_TEST_EMBEDDED_TEMPLATE'
/** Path of the empty embedded database's dump (a restore's target), set by the global setup. */
export const EMPTY_EMBEDDED_TEMPLATE_ENV = 'REQIO_TEST_EMPTY_EMBEDDED_TEMPLATE'
/** Name of the PostgreSQL template database, set by the global setup when DATABASE_URL is. */
export const POSTGRES_TEMPLATE_ENV = 'REQIO_TEST_POSTGRES_TEMPLATE'
