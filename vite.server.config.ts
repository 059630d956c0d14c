// The server's build (`npm run build`, third step): src/server/index.ts (and the operations
// CLI, src/server/cli.ts, when it exists) compiled to plain JavaScript in dist/server/, so
// `npm start` runs with `node` and production dependencies only.
import { cpSync, existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import packageJson from './package.json' with { type: 'json' }

const root = import.meta.dirname
const SERVER_OUT_DIR = resolve(root, 'dist/server')

const entries: Record<string, string> = { index: resolve(root, 'src/server/index.ts') }
const cliEntry = resolve(root, 'src/server/cli.ts')
if (existsSync(cliEntry)) entries.cli = cliEntry

/**
 * Node's built-ins and every runtime dependency stay imports, resolved from node_modules at
 * run time (native modules, PGlite's wasm and pino's workers need their own files); anything
 * else the server imports (our own code, a dev-only package) is bundled in.
 */
const runtimePackages = Object.keys(packageJson.dependencies)
const builtins = new Set(builtinModules)
function isExternal(id: string): boolean {
  if (id.startsWith('node:') || builtins.has(id)) return true
  return runtimePackages.some((name) => id === name || id.startsWith(`${name}/`))
}

/** migrate.ts reads its SQL files next to itself (import.meta.dirname): put them there. */
function copyMigrations(): Plugin {
  return {
    name: 'reqio-copy-migrations',
    apply: 'build',
    writeBundle() {
      cpSync(resolve(root, 'src/server/store/migrations'), resolve(SERVER_OUT_DIR, 'migrations'), {
        recursive: true,
      })
    },
  }
}

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: SERVER_OUT_DIR,
    emptyOutDir: true,
    target: 'node20',
    // Readable stacks in production logs as they are; NODE_OPTIONS=--enable-source-maps points
    // them at src/ (off by default: it makes every Error.stack access slower).
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: {
      input: entries,
      external: isExternal,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        // Flat, so every chunk's import.meta.dirname is dist/server, two levels below the
        // project root exactly like src/server (config.ts and migrate.ts rely on it).
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
  plugins: [copyMigrations()],
})
