/**
 * The one place the Identity page's code comes from: server snippets per stack, the AI agent
 * prompt and the embed snippets, all filled in with the real project id and audience.
 */
import { goSnippet } from './go'
import { nextjsSnippet } from './nextjs'
import { nodeSnippet } from './node'
import { phpSnippet } from './php'
import { pythonSnippet } from './python'
import { rubySnippet } from './ruby'
import type { SnippetTarget, Stack } from './stacks'
import type { ServerSnippet } from './types'

export { type EmbedSnippets, embedSnippets, pageScriptTag } from './embed'
export { portalAddress, portalFile, portalSnippet } from './portal'
export { agentPrompt } from './prompt'
export { isStack, type SnippetTarget, STACK_INFO, STACKS, type Stack } from './stacks'
export type { ServerSnippet, SnippetFile } from './types'

const GENERATORS: Record<Stack, (target: SnippetTarget) => ServerSnippet> = {
  nextjs: nextjsSnippet,
  node: nodeSnippet,
  python: pythonSnippet,
  php: phpSnippet,
  ruby: rubySnippet,
  go: goSnippet,
}

export function serverSnippet(stack: Stack, target: SnippetTarget): ServerSnippet {
  return GENERATORS[stack](target)
}

/** The file that signs the token: what the owner pastes first and what the interop tests run. */
export function mintFile(snippet: ServerSnippet) {
  const file = snippet.files.find((candidate) => candidate.role === 'mint')
  if (!file) throw new Error(`the ${snippet.stack} snippet has no mint file`)
  return file
}
