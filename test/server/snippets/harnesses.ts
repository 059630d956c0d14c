/**
 * Per-language harnesses: each writes the snippet's own mint file verbatim into a scratch
 * project, adds only a caller that passes a fixed user and prints the token, and says which
 * real interpreter or compiler runs it. No stand-in libraries: a missing one fails the run.
 */
import { resolve } from 'node:path'
import type { ServerSnippet, Stack } from '../../../src/dashboard/identity/snippets'
import { mintFile } from '../../../src/dashboard/identity/snippets'

export interface FixedUser {
  id: string
  email: string
  name: string
  plan: string
  amountCents: number
  interval: 'month' | 'year'
  /** The B2B account: the snippet's optional `company` claim. */
  companyId: string
  companyName: string
}

export interface Harness {
  /** Files to write, by path relative to the scratch project. */
  files: Record<string, string>
  command: string
  args: string[]
  env?: Record<string, string>
}

export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
/**
 * CI clones the repo next to a copy of shared/, so the vendored libraries sit at ../shared/vendor;
 * REQIO_VENDOR_DIR points elsewhere (a git worktree one level deeper, for instance).
 */
export const VENDOR_DIR = process.env.REQIO_VENDOR_DIR ?? resolve(REPO_ROOT, '../shared/vendor')

const json = (value: unknown) => JSON.stringify(value)

function nodeHarness(snippet: ServerSnippet, user: FixedUser): Harness {
  const mint = mintFile(snippet)
  const caller = `import { mintReqioToken } from './${mint.path}'
console.log(await mintReqioToken({ id: ${json(user.id)}, email: ${json(user.email)}, name: ${json(user.name)}, plan: ${json(user.plan)}, amountCents: ${user.amountCents}, billingInterval: ${json(user.interval)}, companyId: ${json(user.companyId)}, companyName: ${json(user.companyName)} }))
`
  return {
    files: { [mint.path]: mint.code, 'print-token.mjs': caller },
    command: process.execPath,
    args: ['print-token.mjs'],
  }
}

/** Runs the route handler the Next.js snippet shows, with the owner's session lookup faked. */
function nextjsHarness(snippet: ServerSnippet, user: FixedUser): Harness {
  const files: Record<string, string> = {}
  for (const file of snippet.files) if (file.language === 'typescript') files[file.path] = file.code
  files['lib/auth.ts'] = `export async function getCurrentUser() {
  return { id: ${json(user.id)}, email: ${json(user.email)}, name: ${json(user.name)}, plan: ${json(user.plan)}, amountCents: ${user.amountCents}, billingInterval: ${json(user.interval)} as const, companyId: ${json(user.companyId)}, companyName: ${json(user.companyName)} }
}
`
  files['print-token.ts'] = `import { GET } from './app/api/reqio-token/route'
const response = await GET()
const { token } = (await response.json()) as { token: string }
console.log(token)
`
  files['package.json'] = json({ type: 'module' })
  files['tsconfig.json'] = json({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      baseUrl: '.',
      paths: { '@/*': ['./*'] },
    },
  })
  return {
    files,
    command: resolve(REPO_ROOT, 'node_modules/.bin/tsx'),
    args: ['print-token.ts'],
  }
}

function pythonHarness(snippet: ServerSnippet, user: FixedUser): Harness {
  const mint = mintFile(snippet)
  const caller = `from types import SimpleNamespace
from reqio_token import mint_reqio_token

user = SimpleNamespace(id=${json(user.id)}, email=${json(user.email)}, name=${json(user.name)}, plan=${json(user.plan)}, amount_cents=${user.amountCents}, billing_interval=${json(user.interval)}, company_id=${json(user.companyId)}, company_name=${json(user.companyName)})
print(mint_reqio_token(user))
`
  return {
    files: { [mint.path]: mint.code, 'print_token.py': caller },
    // Debian's interpreter with Debian's python3-jwt, never a pyenv one.
    command: '/usr/bin/python3',
    args: ['print_token.py'],
  }
}

function phpHarness(snippet: ServerSnippet, user: FixedUser): Harness {
  const mint = mintFile(snippet)
  // Composer's job, done by hand: map Firebase\JWT\ to the vendored release's src/.
  const autoload = `<?php
spl_autoload_register(function ($class) {
    $prefix = 'Firebase\\\\JWT\\\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) return;
    require ${json(`${VENDOR_DIR}/firebase-php-jwt-v7.0.5/src/`)} . str_replace('\\\\', '/', substr($class, strlen($prefix))) . '.php';
});
`
  const caller = `<?php
require __DIR__ . '/vendor/autoload.php';
require __DIR__ . '/${mint.path}';
echo mintReqioToken(['id' => ${json(user.id)}, 'email' => ${json(user.email)}, 'name' => ${json(user.name)}, 'plan' => ${json(user.plan)}, 'amount_cents' => ${user.amountCents}, 'billing_interval' => ${json(user.interval)}, 'company_id' => ${json(user.companyId)}, 'company_name' => ${json(user.companyName)}]), "\\n";
`
  return {
    files: { [mint.path]: mint.code, 'vendor/autoload.php': autoload, 'print_token.php': caller },
    command: '/usr/bin/php',
    args: ['print_token.php'],
  }
}

function rubyHarness(snippet: ServerSnippet, user: FixedUser): Harness {
  const mint = mintFile(snippet)
  const caller = `require_relative ${json(`./${mint.path}`)}

User = Struct.new(:id, :email, :name, :plan, :amount_cents, :billing_interval, :company_id, :company_name)
puts ReqioToken.mint(User.new(${json(user.id)}, ${json(user.email)}, ${json(user.name)}, ${json(user.plan)}, ${user.amountCents}, ${json(user.interval)}, ${json(user.companyId)}, ${json(user.companyName)}))
`
  return {
    files: { [mint.path]: mint.code, 'print_token.rb': caller },
    command: '/usr/bin/ruby',
    args: ['print_token.rb'],
  }
}

/** Go in module mode, offline: the vendored golang-jwt release replaces the module download. */
function goHarness(snippet: ServerSnippet, user: FixedUser, goCacheDir: string): Harness {
  const mint = mintFile(snippet)
  const goMod = `module reqioharness

go 1.19

require github.com/golang-jwt/jwt/v5 v5.2.2

replace github.com/golang-jwt/jwt/v5 => ${VENDOR_DIR}/golang-jwt-v5.2.2
`
  const caller = `package main

import (
	"fmt"

	"reqioharness/reqio"
)

func main() {
	token, err := reqio.MintToken(reqio.User{ID: ${json(user.id)}, Email: ${json(user.email)}, Name: ${json(user.name)}, Plan: ${json(user.plan)}, AmountCents: ${user.amountCents}, BillingInterval: ${json(user.interval)}, CompanyID: ${json(user.companyId)}, CompanyName: ${json(user.companyName)}})
	if err != nil {
		panic(err)
	}
	fmt.Println(token)
}
`
  return {
    files: { [mint.path]: mint.code, 'go.mod': goMod, 'main.go': caller },
    command: '/usr/bin/go',
    args: ['run', '.'],
    env: {
      GOFLAGS: '-mod=mod',
      GOPROXY: 'off',
      GOSUMDB: 'off',
      GOCACHE: resolve(goCacheDir, 'build'),
      GOPATH: resolve(goCacheDir, 'gopath'),
    },
  }
}

export function harnessFor(
  stack: Stack,
  snippet: ServerSnippet,
  user: FixedUser,
  goCacheDir: string,
): Harness {
  switch (stack) {
    case 'node':
      return nodeHarness(snippet, user)
    case 'nextjs':
      return nextjsHarness(snippet, user)
    case 'python':
      return pythonHarness(snippet, user)
    case 'php':
      return phpHarness(snippet, user)
    case 'ruby':
      return rubyHarness(snippet, user)
    case 'go':
      return goHarness(snippet, user, goCacheDir)
  }
}
