// The slice of autocannon's API the server benchmarks use (the package ships no types).
declare module 'autocannon' {
  function autocannon(
    options: Record<string, unknown>,
    callback: (error: Error | null, result: never) => void,
  ): unknown
  export default autocannon
}
