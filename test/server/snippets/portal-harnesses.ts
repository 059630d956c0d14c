/**
 * The portal sign-in snippets, run for real: each stack's mint harness (harnesses.ts) plus the
 * portal file written verbatim beside it, with the caller swapped for one that prints the
 * sign-in URL the portal file builds (Next.js: the Location its route handler answers).
 */
import type { ServerSnippet, Stack } from '../../../src/dashboard/identity/snippets'
import { portalFile } from '../../../src/dashboard/identity/snippets'
import { type FixedUser, type Harness, harnessFor } from './harnesses'

const json = (value: unknown) => JSON.stringify(value)

export function portalHarnessFor(
  stack: Stack,
  mint: ServerSnippet,
  portal: ServerSnippet,
  user: FixedUser,
  returnTo: string,
  goCacheDir: string,
): Harness {
  const base = harnessFor(stack, mint, user, goCacheDir)
  const file = portalFile(portal)
  const files = { ...base.files, [file.path]: file.code }
  switch (stack) {
    case 'node':
      files['print-token.mjs'] = `import { reqioPortalSignInUrl } from './${file.path}'
console.log(await reqioPortalSignInUrl({ id: ${json(user.id)}, email: ${json(user.email)}, name: ${json(user.name)} }, ${json(returnTo)}))
`
      break
    case 'nextjs': {
      for (const other of portal.files) files[other.path] = other.code
      files['print-token.ts'] = `import { GET } from './app/reqio/sign-in/route'
const response = await GET(new Request(${json(`https://app.example.com/reqio/sign-in?return_to=${encodeURIComponent(returnTo)}`)}))
console.log(response.status, response.headers.get('Cache-Control'))
console.log(response.headers.get('Location'))
`
      break
    }
    case 'python':
      files['print_token.py'] = `from types import SimpleNamespace
from reqio_portal import reqio_portal_sign_in_url

user = SimpleNamespace(id=${json(user.id)}, email=${json(user.email)}, name=${json(user.name)}, plan=None, amount_cents=None, billing_interval=None, company_id=None, company_name=None)
print(reqio_portal_sign_in_url(user, ${json(returnTo)}))
`
      break
    case 'php':
      files['print_token.php'] = `<?php
require __DIR__ . '/vendor/autoload.php';
require __DIR__ . '/${file.path}';
echo reqioPortalSignInUrl(['id' => ${json(user.id)}, 'email' => ${json(user.email)}, 'name' => ${json(user.name)}], ${json(returnTo)}), "\\n";
`
      break
    case 'ruby':
      files['print_token.rb'] = `require_relative ${json(`./${file.path}`)}

User = Struct.new(:id, :email, :name, :plan, :amount_cents, :billing_interval, :company_id, :company_name)
puts ReqioPortal.sign_in_url(User.new(${json(user.id)}, ${json(user.email)}, ${json(user.name)}), ${json(returnTo)})
`
      break
    case 'go':
      files['main.go'] = `package main

import (
	"fmt"

	"reqioharness/reqio"
)

func main() {
	target, err := reqio.PortalSignInURL(reqio.User{ID: ${json(user.id)}, Email: ${json(user.email)}, Name: ${json(user.name)}}, ${json(returnTo)})
	if err != nil {
		panic(err)
	}
	fmt.Println(target)
}
`
      break
  }
  return { ...base, files }
}
