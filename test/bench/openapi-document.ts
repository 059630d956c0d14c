// Issue 28: what the OpenAPI document costs at start. The server builds it once (served-document.ts)
// when the app is created; this prints that first build (cold: JIT and converter warming up, as at
// start), the median of later builds, its size on the wire, and rendering /docs/api from it.
import { gzipSync } from 'node:zlib'
import { renderDocsPage } from '../../src/server/openapi/docs-page'
import { buildServedDocument } from '../../src/server/openapi/served-document'
import { median, percentile } from './stats'

const WARM_BUILDS = 25

export function benchOpenApiDocument(): void {
  const first = buildServedDocument()
  const builds: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < WARM_BUILDS; i++) builds.push(buildServedDocument().buildMs)
  const { user, system } = process.cpuUsage(cpu)
  // CPU time too: on a shared machine the wall clock also counts other processes' turns.
  const cpuMsPerBuild = (user + system) / 1000 / WARM_BUILDS
  const renders = Array.from({ length: 10 }, () => {
    const started = performance.now()
    renderDocsPage(first.document)
    return performance.now() - started
  })
  const operations = Object.values(first.document.paths).flatMap(Object.keys).length
  const html = renderDocsPage(first.document)
  console.log('\n## OpenAPI document generation (once, at start)')
  console.table([
    {
      operations,
      firstBuildMs: first.buildMs.toFixed(1),
      [`medianOf${WARM_BUILDS}Ms`]: median(builds).toFixed(2),
      p95Ms: percentile(
        [...builds].sort((a, b) => a - b),
        95,
      ).toFixed(2),
      cpuMsPerBuild: cpuMsPerBuild.toFixed(2),
      jsonBytes: first.json.length,
      jsonGzipBytes: gzipSync(first.json).length,
      docsPageMedianMs: median(renders).toFixed(2),
      docsPageBytes: html.length,
    },
  ])
}
