/**
 * The Identity page's "Sign in to your portal" step: per stack, the function that builds the
 * portal's sign-in URL (next to the mint file) and the redirect handler that is the SSO URL.
 */
import type { SnippetTarget, Stack } from '../stacks'
import type { ServerSnippet } from '../types'
import { goPortalSnippet } from './go'
import { nextjsPortalSnippet } from './nextjs'
import { nodePortalSnippet } from './node'
import { phpPortalSnippet } from './php'
import { pythonPortalSnippet } from './python'
import { rubyPortalSnippet } from './ruby'

export { portalAddress } from './portal-address'

const GENERATORS: Record<Stack, (target: SnippetTarget) => ServerSnippet> = {
  nextjs: nextjsPortalSnippet,
  node: nodePortalSnippet,
  python: pythonPortalSnippet,
  php: phpPortalSnippet,
  ruby: rubyPortalSnippet,
  go: goPortalSnippet,
}

export function portalSnippet(stack: Stack, target: SnippetTarget): ServerSnippet {
  return GENERATORS[stack](target)
}

/** The framework-free file the interop tests run beside the mint file. */
export function portalFile(snippet: ServerSnippet) {
  const file = snippet.files.find((candidate) => candidate.role === 'portal')
  if (!file) throw new Error(`the ${snippet.stack} portal snippet has no portal file`)
  return file
}
