// `npm start`: builds only when dist/ is missing or older than the sources, then runs the built
// server in this very process. No child process, so SIGTERM from Docker, systemd or a PaaS
// (sent to `npm start`, which runs this with `node`) reaches the server and drains it.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ROOT } from './ensure-build.mjs'

ensureBuilt()
await import(pathToFileURL(join(ROOT, 'dist/server/index.js')).href)
