/**
 * Tools some tests need from outside npm: Chromium for the e2e tests, other languages for the
 * snippet interop tests. Outside CI a test whose tool is missing is skipped with one line
 * saying what to install; with CI=true nothing is skipped, so a missing tool fails the run.
 *
 *   it.skipIf(skipUnlessInstalled(['php', 'vendor'], 'the PHP snippet test'))('...', ...)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

export interface OutsideTool {
  /** What it is, for the skip line. */
  label: string
  install: string
  present(): boolean
}

const onPath = (path: string) => () => existsSync(path)

/** initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian). */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN)
    return existsSync(resolve(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : null
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  for (const version of versions) {
    const bin = resolve(root, version, 'bin')
    if (existsSync(resolve(bin, 'initdb')) && existsSync(resolve(bin, 'pg_ctl'))) return bin
  }
  return null
}

/** The interpreter exists and loads the library (exit code 0). */
const runs = (command: string, args: string[]) => () => {
  if (!existsSync(command)) return false
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 })
    return true
  } catch {
    return false
  }
}

export const OUTSIDE_TOOLS = {
  chromium: {
    label: `Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`,
    install: 'apt-get install -y chromium',
    present: onPath(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  python3Jwt: {
    label: "Debian's python3 with PyJWT",
    install: 'apt-get install -y python3 python3-jwt',
    present: runs('/usr/bin/python3', ['-c', 'import jwt']),
  },
  php: { label: 'PHP', install: 'apt-get install -y php-cli', present: onPath('/usr/bin/php') },
  go: { label: 'Go', install: 'apt-get install -y golang-go', present: onPath('/usr/bin/go') },
  ruby: {
    label: 'Ruby with the jwt gem',
    install: 'apt-get install -y ruby ruby-jwt',
    present: runs('/usr/bin/ruby', ['-e', "require 'jwt'"]),
  },
  postgresServer: {
    label: 'the PostgreSQL server binaries (initdb, pg_ctl; or PG_BIN naming their folder)',
    install: 'apt-get install -y postgresql',
    present: () => postgresBinDir() !== null,
  },
  npmRegistry: {
    label: 'the npm registry (a production install in a temporary directory)',
    install: 'network access to registry.npmjs.org',
    present: () => {
      try {
        execFileSync('npm', ['ping', '--fetch-timeout=10000', '--fetch-retries=0'], {
          stdio: 'ignore',
          timeout: 30_000,
        })
        return true
      } catch {
        return false
      }
    },
  },
  vendor: {
    label: '../shared/vendor (the vendored php-jwt and golang-jwt releases)',
    install: 'a copy of shared/vendor next to the repository',
    present: onPath(resolve(REPO_ROOT, '../shared/vendor')),
  },
} satisfies Record<string, OutsideTool>

export type OutsideToolName = keyof typeof OUTSIDE_TOOLS

export const inCi = () => process.env.CI === 'true'

/**
 * True when `what` should be skipped: a tool is missing and this is not CI. Prints one line
 * naming what to install. With CI=true it always answers false, so the test runs and fails.
 */
export function skipUnlessInstalled(tools: OutsideToolName[], what: string): boolean {
  if (inCi()) return false
  const missing = tools.map((name) => OUTSIDE_TOOLS[name]).filter((tool) => !tool.present())
  if (missing.length === 0) return false
  // Vitest reads its config in several places; the environment carries "already said" to all.
  const said = `REQIO_SKIP_SAID_${what.replace(/\W+/g, '_')}`
  if (!process.env[said]) {
    const needs = missing.map((tool) => `${tool.label} (${tool.install})`).join(', ')
    console.warn(`skipped ${what}: needs ${needs}; with CI=true this fails instead`)
    process.env[said] = '1'
  }
  return true
}
