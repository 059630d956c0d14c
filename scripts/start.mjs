// `npm start`: builds only when dist/ is missing or older than the sources, then runs the built
// server in this very process. No child process: npm passes SIGTERM (from Docker, systemd or a
// PaaS) to its script, which `exec`s this file (package.json), so it reaches the server and
// drains it.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ROOT } from './ensure-build.mjs'

ensureBuilt()
await import(pathToFileURL(join(ROOT, 'dist/server/index.js')).href)
