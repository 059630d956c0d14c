/**
 * Vitest globalSetup: builds dist/ when it is missing or older than the sources, as `npm start`
 * does (scripts/ensure-build.mjs), once before any worker starts. The tests that run the built
 * server (server-process.ts) or serve widget.js and the dashboard from dist/ then never find it
 * stale, and never build it twice at once. `npm test` has just built it: nothing to do then.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

export default function ensureFreshBuild(): void {
  const check = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { ensureBuilt } = await import('./scripts/ensure-build.mjs'); ensureBuilt()",
    ],
    { cwd: REPO_ROOT, stdio: 'inherit', env: buildEnv() },
  )
  if (check.status !== 0) throw new Error(`dist/ could not be built (exit ${check.status})`)
}

/**
 * The environment `npm run build` sees from a shell: without Vitest's NODE_ENV=test (which
 * builds Preact's development variant, far over widget.js's size budget) and VITEST* flags.
 */
function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'),
    ),
  )
}
