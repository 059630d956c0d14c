// Decides whether dist/ must be (re)built before Reqio runs, and builds it when it must.
// Plain JavaScript with Node built-ins only: after `npm ci --omit=dev` it still runs.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')

/** What `npm run build` reads: a change to any of them makes the build stale. */
const SOURCE_DIRS = ['src']
const SOURCE_FILES = [
  'package.json',
  'vite.config.ts',
  'vite.server.config.ts',
  'mangle.json',
  'tsconfig.json',
  'scripts/compress-static.mjs',
]

/** What `npm run build` writes; its first output is widget.js, its last the `.br` copies. */
function buildOutputs() {
  const outputs = [
    'dist/widget.js',
    'dist/widget.js.br',
    'dist/widget.js.gz',
    'dist/portal.js',
    'dist/dashboard/index.html',
    'dist/server/index.js',
  ]
  if (existsSync(join(ROOT, 'src/server/cli.ts'))) outputs.push('dist/server/cli.js')
  return outputs.map((path) => join(ROOT, path))
}

function newestMtime(path) {
  const info = statSync(path, { throwIfNoEntry: false })
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/**
 * Why the build must run, or null when dist/ is complete and newer than every source. A tree
 * without src/ (a production image holds only the build) never rebuilds.
 */
export function staleBuildReason() {
  const mtimes = buildOutputs().map((path) => [path, statSync(path, { throwIfNoEntry: false })])
  const missing = mtimes.find(([, info]) => !info)
  if (missing) return `${missing[0].slice(ROOT.length + 1)} is missing`
  if (!existsSync(join(ROOT, 'src'))) return null
  const builtAt = Math.min(...mtimes.map(([, info]) => info.mtimeMs))
  const sourcesAt = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(join(ROOT, dir))),
    ...SOURCE_FILES.map((file) => newestMtime(join(ROOT, file))),
  )
  return sourcesAt > builtAt ? 'the sources changed since the last build' : null
}

/** Builds dist/ when it is missing or stale; exits with a message saying what to do if it cannot. */
export function ensureBuilt() {
  const reason = staleBuildReason()
  if (!reason) return
  if (!existsSync(join(ROOT, 'src'))) {
    fail(`no build to run (${reason}) and no sources to build it from.`)
  }
  if (!existsSync(join(ROOT, 'node_modules/.bin/vite'))) {
    fail(
      `a build is needed (${reason}), but vite, a dev dependency, is not installed ` +
        '(a production install: npm ci --omit=dev). Run `npm install` (or `npm ci`) and then ' +
        '`npm start` again, or run `npm run build` where the dev dependencies are and ship dist/ with the tree.',
    )
  }
  // Build output on stderr, so a CLI's own stdout (a dump, say) stays clean.
  console.error(`[reqio] building (${reason}): npm run build`)
  const npm = process.env.npm_execpath
  const build = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
    : spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) fail(`the build failed (exit ${build.status ?? build.signal}).`)
}

function fail(message) {
  console.error(`[reqio] cannot start: ${message}`)
  process.exit(1)
}
