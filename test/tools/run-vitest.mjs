// Runs every Vitest project once and closes with the plain `N passed, N failed` line CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const resultsFile = '.vitest-results.json'
rmSync(resultsFile, { force: true })
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
)

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
  passed = results.numPassedTests
  // A file that failed to load fails no test of its own: count it once, and a file with failing
  // tests only by those tests.
  const brokenFiles = results.testResults.filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length
  failed = results.numFailedTests + brokenFiles
  skipped = results.numPendingTests + (results.numTodoTests ?? 0)
} else {
  failed = 1
}
let exitCode = run.status ?? 1
if (exitCode !== 0 && failed === 0) failed = 1
// On CI nothing may be skipped: a skipped test there is a test that did not run.
if (process.env.CI === 'true' && skipped > 0) {
  console.error(`CI=true: ${skipped} test(s) skipped; on CI every test must run`)
  failed += skipped
  exitCode = exitCode || 1
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(exitCode === 0 && failed === 0 ? 0 : exitCode || 1)
