// Issue 19: the Identity page's step-4 script tag works as pasted. Each stack's tag is rendered
// by that stack's real template engine, with the snippet's mint function standing in, and the
// page must carry the minted token for a signed-in user and no token for a signed-out visitor.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageScriptTag, type Stack } from '../../../src/dashboard/identity/snippets'
import { type OutsideToolName, skipUnlessInstalled } from '../../helpers/outside-tools'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl'
const target = {
  projectId: 'shop-abc123',
  audience: 'https://reqio.test/p/shop-abc123',
  widgetUrl: 'https://reqio.test/widget.js',
}
const tag = (stack: Stack) => pageScriptTag(stack, target)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reqio-embed-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((done, fail) =>
    execFile(command, args, { cwd: dir, env: { ...process.env, ...env } }, (error, out, err) =>
      error ? fail(new Error(`${command} failed: ${error.message}\n${err}`)) : done(out),
    ),
  )
}

/** The value the rendered page gives the widget: undefined when the attribute is absent. */
function tokenIn(html: string): string | undefined {
  expect(html).toContain(`data-project-id="${target.projectId}"`)
  return /data-identity-token="([^"]*)"/.exec(html)?.[1]
}

type Render = (signedIn: boolean) => Promise<string>

const RENDERERS: Record<Exclude<Stack, 'python'>, { tools: OutsideToolName[]; render: Render }> = {
  // A template literal in an async route, as server.mjs sends it.
  node: {
    tools: [],
    render: async (signedIn) => {
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor
      const route = new AsyncFunction('req', 'mintReqioToken', `return \`${tag('node')}\``)
      return route({ user: signedIn ? { id: 'u-1' } : undefined }, async () => TOKEN)
    },
  },
  // JSX in an async server component: compiled by TypeScript, the element's props read back.
  nextjs: {
    tools: [],
    render: async (signedIn) => {
      const source = `export default async function ReqioWidget(user, mintReqioToken) {
  return ${tag('nextjs')}
}`
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: {
          jsx: ts.JsxEmit.React,
          jsxFactory: 'h',
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
        },
      })
      const exports: { default?: (...args: unknown[]) => Promise<unknown> } = {}
      const h = (name: string, props: Record<string, unknown>) => {
        const attributes = Object.entries(props)
          .filter(([, value]) => value !== undefined && value !== false)
          .map(([key, value]) => (value === true ? key : `${key}="${value}"`))
        return `<${name} ${attributes.join(' ')}></${name}>`
      }
      new Function('exports', 'h', outputText)(exports, h)
      return String(await exports.default?.(signedIn ? { id: 'u-1' } : null, async () => TOKEN))
    },
  },
  php: {
    tools: ['php'],
    render: async (signedIn) => {
      const page = `<?php
function mintReqioToken($user) { return ${JSON.stringify(TOKEN)}; }
${signedIn ? "$_SESSION['user'] = ['id' => 'u-1'];" : ''}
?>
${tag('php')}
`
      await writeFile(join(dir, 'page.php'), page)
      return run('/usr/bin/php', ['page.php'])
    },
  },
  ruby: {
    tools: ['ruby'],
    render: async (signedIn) => {
      const script = `require "erb"
module ReqioToken
  def self.mint(user) = ${JSON.stringify(TOKEN)}
end
def current_user = ${signedIn ? 'Object.new' : 'nil'}
print ERB.new(File.read("layout.html.erb")).result(binding)
`
      await writeFile(join(dir, 'layout.html.erb'), tag('ruby'))
      await writeFile(join(dir, 'render.rb'), script)
      return run('/usr/bin/ruby', ['render.rb'])
    },
  },
  // html/template, fed ReqioToken as main.go does (empty for a signed-out visitor).
  go: {
    tools: ['go'],
    render: async (signedIn) => {
      const main = `package main

import (
	"html/template"
	"os"
)

func main() {
	page := template.Must(template.New("page").Parse(${JSON.stringify(tag('go'))}))
	page.Execute(os.Stdout, map[string]string{"ReqioToken": os.Args[1]})
}
`
      await writeFile(join(dir, 'main.go'), main)
      const cache = resolve(dir, 'go-cache')
      return run('/usr/bin/go', ['run', 'main.go', signedIn ? TOKEN : ''], {
        GOCACHE: cache,
        GOPATH: resolve(dir, 'gopath'),
        GOFLAGS: '-mod=mod',
        GOPROXY: 'off',
      })
    },
  },
}

describe("the Identity page's script tag, rendered by each stack's template engine", () => {
  for (const [stack, { tools, render }] of Object.entries(RENDERERS)) {
    it.skipIf(skipUnlessInstalled(tools, `the ${stack} embed tag test`))(
      `${stack}: carries the minted token for a signed-in user and none for a visitor`,
      async () => {
        expect(tokenIn(await render(true))).toBe(TOKEN)
        expect(tokenIn(await render(false)) ?? '').toBe('')
      },
      60_000,
    )
  }

  it('python: hands Jinja the token the view passes, as app.py does', () => {
    // Debian's python3 has no Jinja2 here, so this one is read, not run.
    expect(tag('python')).toContain('data-identity-token="{{ reqio_token }}"')
  })
})
