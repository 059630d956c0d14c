/**
 * Vitest globalSetup (every project): migrates the template databases once per run, before any
 * worker starts, and names them in the environment the workers and their server processes
 * inherit. Each project runs it again; the first one has done the work.
 */
import {
  EMBEDDED_TEMPLATE_ENV,
  EMPTY_EMBEDDED_TEMPLATE_ENV,
  POSTGRES_TEMPLATE_ENV,
  prepareEmbeddedTemplate,
  prepareEmptyEmbeddedTemplate,
  preparePostgresTemplate,
} from './database-templates'

export default async function prepareDatabaseTemplates(): Promise<void> {
  if (process.env[EMBEDDED_TEMPLATE_ENV]) return
  const databaseUrl = process.env.DATABASE_URL
  const [embedded, empty, postgres] = await Promise.all([
    prepareEmbeddedTemplate(),
    prepareEmptyEmbeddedTemplate(),
    databaseUrl ? preparePostgresTemplate(databaseUrl) : undefined,
  ])
  process.env[EMBEDDED_TEMPLATE_ENV] = embedded
  process.env[EMPTY_EMBEDDED_TEMPLATE_ENV] = empty
  if (postgres) process.env[POSTGRES_TEMPLATE_ENV] = postgres
}
