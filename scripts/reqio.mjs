// `npm run reqio -- <command>` (backup, restore, migrate): the operations CLI from the build
// (dist/server/cli.js), built first when needed, exactly as `npm start` does for the server.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ROOT } from './ensure-build.mjs'

ensureBuilt()
const cli = join(ROOT, 'dist/server/cli.js')
if (!existsSync(cli)) {
  console.error('[reqio] this build has no operations CLI (src/server/cli.ts).')
  process.exit(1)
}
// The CLI reads its arguments from process.argv as if it had been run as `node dist/server/cli.js …`.
process.argv = [process.argv[0] ?? process.execPath, cli, ...process.argv.slice(2)]
await import(pathToFileURL(cli).href)
