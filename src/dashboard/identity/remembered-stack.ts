import { isStack, type Stack } from './snippets'

// Not a secret, so localStorage is fine: the stack choice survives new tabs and sessions.
const STACK_KEY = 'reqio.dashboard.stack'

export function readRememberedStack(): Stack {
  try {
    const stored = localStorage.getItem(STACK_KEY)
    return isStack(stored) ? stored : 'nextjs'
  } catch {
    return 'nextjs'
  }
}

export function rememberStack(stack: Stack): void {
  try {
    localStorage.setItem(STACK_KEY, stack)
  } catch {
    // Private modes can refuse storage; the choice then lasts for this page only.
  }
}
