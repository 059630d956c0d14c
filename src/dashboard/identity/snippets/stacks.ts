/** The server stacks the Identity page offers (identity-docs.txt, step 1), with the library each snippet uses. */

export const STACKS = ['nextjs', 'node', 'python', 'php', 'ruby', 'go'] as const
export type Stack = (typeof STACKS)[number]

export interface StackInfo {
  label: string
  /** The JWT library the docs name for this stack. */
  library: string
  /** How the owner installs that library. */
  install: string
}

export const STACK_INFO: Record<Stack, StackInfo> = {
  nextjs: { label: 'Next.js', library: 'jose', install: 'npm install jose' },
  node: { label: 'Node.js', library: 'jose', install: 'npm install jose' },
  python: { label: 'Python', library: 'PyJWT', install: 'pip install PyJWT' },
  php: { label: 'PHP', library: 'firebase/php-jwt', install: 'composer require firebase/php-jwt' },
  ruby: { label: 'Ruby', library: 'jwt gem', install: 'bundle add jwt' },
  go: {
    label: 'Go',
    library: 'github.com/golang-jwt/jwt/v5',
    install: 'go get github.com/golang-jwt/jwt/v5',
  },
}

export function isStack(value: unknown): value is Stack {
  return typeof value === 'string' && (STACKS as readonly string[]).includes(value)
}

/** What every generated snippet is filled in with: the real project, never placeholders. */
export interface SnippetTarget {
  projectId: string
  /** `aud` of this project's tokens, e.g. https://reqio.app/p/{projectId}. */
  audience: string
  /** Where the widget script is served, e.g. https://reqio.app/widget.js. */
  widgetUrl: string
}
