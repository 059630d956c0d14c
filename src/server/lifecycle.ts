/**
 * Where this process is in its life, for the readiness probe: once SIGTERM arrives it is
 * draining, so a load balancer stops sending new work while in-flight requests finish.
 */
export interface Lifecycle {
  readonly draining: boolean
  startDraining(): void
}

export function createLifecycle(): Lifecycle {
  let draining = false
  return {
    get draining() {
      return draining
    },
    startDraining() {
      draining = true
    },
  }
}
