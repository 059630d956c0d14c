/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { minify } from 'terser'
import { defineConfig, type Plugin } from 'vite'
import mangleList from './mangle.json' with { type: 'json' }
import LongestFirstSequencer from './test/helpers/longest-first-sequencer.ts'
import { skipUnlessInstalled } from './test/helpers/outside-tools.ts'

/**
 * widget.js must stay within this many brotli bytes; the build (and so `npm test`) fails past
 * it. Preact is ~3.9 KB of it and fixed; anything that grows the rest must pay for itself.
 * 16 KB was the budget for every v2 view together (request view, roadmap, what's new); 17 KB
 * since v3 split the board into parts (list, composer, thread, sender: ~500 B brotli for files a
 * newcomer can read one at a time). v3's intake work (tags, images, editing, following, the deep
 * link) may take it to 20 KB, and no further. 18 KB since issue 26's request view and launcher
 * (plural rules and dates in the widget's language, the team's note and comment times, one
 * launcher marker, the request view's own sheet, retries while the server is away: ~0.7 KB).
 * 20 KB since issue 29 (tags filter, images, editing your own words, following).
 */
export const WIDGET_BROTLI_BUDGET = 20 * 1024

/**
 * portal.js (the portal's enhancement script, src/portal/client/) must stay within this many
 * brotli bytes: the portal's pages work without it, so it only has to make them quicker.
 */
export const PORTAL_SCRIPT_BROTLI_BUDGET = 8 * 1024

/** Prints raw/gzip/brotli bytes of one built script on every build and fails the build over budget. */
function sizeBudget(fileName: string, budget: number): Plugin {
  return {
    name: `reqio-size-budget-${fileName}`,
    apply: 'build',
    writeBundle(options) {
      const file = resolve(options.dir ?? 'dist', fileName)
      const code = readFileSync(file)
      const gzip = gzipSync(code, { level: 9 }).length
      const brotli = brotliCompressSync(code).length
      console.log(
        `\n${fileName}: ${code.length} B raw, ${gzip} B gzip, ${brotli} B brotli (budget ${budget} B brotli)`,
      )
      if (brotli > budget) {
        throw new Error(`${fileName} is ${brotli} B brotli, over the ${budget} B budget`)
      }
    },
  }
}

/**
 * Shortens the internal property names listed in mangle.json (as Preact does with its own):
 * after minification they are the largest part of our code that brotli cannot fold away.
 * Then compresses the bundle once more, as one piece.
 */
function mangleInternalProperties(): Plugin {
  const regex = new RegExp(`^(${mangleList.props.join('|')})$`)
  return {
    name: 'reqio-mangle-internal-properties',
    apply: 'build',
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        // A second compress pass over the whole bundle folds what the first minifier left.
        const result = await minify(chunk.code, {
          compress: { passes: 2 },
          // builtins: the listed names are ours even where the DOM has one alike (`detail`, `emit`);
          // test/widget/mangle-list.test.ts keeps real DOM and wire names off the list.
          mangle: { properties: { regex, builtins: true } },
        })
        if (result.code) chunk.code = result.code
      }
    },
  }
}

const widgetBuild = defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    // The browsers the widget supports (README) need no prefixes or fallbacks in our CSS.
    cssTarget: ['chrome100', 'firefox101', 'safari16.4'],
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: resolve(import.meta.dirname, 'src/widget/main.ts'),
      formats: ['iife'],
      name: 'ReqioWidget',
      fileName: () => 'widget.js',
    },
  },
  plugins: [mangleInternalProperties(), sizeBudget('widget.js', WIDGET_BROTLI_BUDGET)],
})

/** portal.js: its own file and budget, never part of widget.js (the portal does not load that). */
const portalScriptBuild = defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: resolve(import.meta.dirname, 'src/portal/client/main.ts'),
      formats: ['iife'],
      name: 'ReqioPortal',
      fileName: () => 'portal.js',
    },
  },
  plugins: [sizeBudget('portal.js', PORTAL_SCRIPT_BROTLI_BUDGET)],
})

const dashboardBuild = defineConfig({
  root: resolve(import.meta.dirname, 'src/dashboard'),
  base: '/dashboard/',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/dashboard'),
    emptyOutDir: true,
    target: 'es2020',
  },
})

const BUILDS: Record<string, ReturnType<typeof defineConfig>> = {
  dashboard: dashboardBuild,
  portal: portalScriptBuild,
}

export default defineConfig(({ mode }) => ({
  ...(BUILDS[mode] ?? widgetBuild),
  test: {
    // Builds dist/ if stale, and migrates one template database of each engine per run (every
    // test store copies it). Each project inherits these; they do their work once.
    globalSetup: [
      'test/helpers/fresh-build.global.ts',
      'test/helpers/database-templates.global.ts',
    ],
    // Vitest's default is one worker fewer than the cores: a single one on a 2-core machine,
    // though most of a test file's time is spent waiting (on PostgreSQL, a server process,
    // Chromium, argon2 in the pool). Two files at a time at least; REQIO_TEST_WORKERS overrides.
    maxWorkers: Number(process.env.REQIO_TEST_WORKERS) || Math.max(2, availableParallelism()),
    // The longest files (by the last run's durations) start first, whatever their project.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'widget',
          environment: 'happy-dom',
          // One real server for the widget UI tests (they run in happy-dom, it cannot).
          globalSetup: ['test/widget/ui/helpers/real-server.global.ts'],
          setupFiles: ['test/helpers/patient-dom-queries.ts'],
          include: ['test/widget/**/*.test.{ts,tsx}', 'test/dashboard/**/*.test.{ts,tsx}'],
          // A dashboard test clicks through several real server round trips (a budget, not a
          // timing assertion: a stuck test still fails).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: [
            'test/server/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/tools/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // Every e2e test drives Chromium: without it (outside CI) they are skipped in one line.
          include:
            mode === 'test' && skipUnlessInstalled(['chromium'], 'the e2e tests (test/e2e)')
              ? []
              : ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}))
