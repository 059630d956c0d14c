import type { Stack } from './stacks'

/** One file of a server snippet, shown with its path so the owner knows where it goes. */
export interface SnippetFile {
  path: string
  /** For syntax labels and code-block classes. */
  language: 'typescript' | 'tsx' | 'javascript' | 'python' | 'php' | 'ruby' | 'erb' | 'go'
  code: string
  /**
   * `mint`: the self-contained file that signs the token (the interop tests run it verbatim);
   * `usage`: how the owner's framework hands the token to the page (or, for the portal, the
   * redirect handler); `portal`: the framework-free function that builds the portal sign-in
   * URL (the interop tests run it verbatim beside the mint file).
   */
  role: 'mint' | 'usage' | 'portal'
}

export interface ServerSnippet {
  stack: Stack
  files: SnippetFile[]
}
