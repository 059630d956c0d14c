import autocannon from 'autocannon'

/** What the server benchmarks read from an autocannon result. */
export interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; average: number }
  non2xx: number
  errors: number
}

/** One autocannon run, as a promise of its result. */
export function autocannonRun(options: Record<string, unknown>): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error: Error | null, result: AutocannonResult) =>
      error ? reject(error) : resolve(result),
    )
  })
}
