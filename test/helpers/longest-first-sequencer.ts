/**
 * The order test files start in: the longest first across every project, so that the two
 * workers of a run finish together instead of one running a long file alone at the end.
 * Vitest's own order sorts by the last run's durations only within a project and runs the
 * projects one after another (e2e, server, widget), so a long server file could start late.
 * Failed files still start first, and files without a recorded duration (new ones, or a
 * fresh checkout) keep Vitest's order, before the rest.
 */
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const vitestOrder = await super.sort(files)
    const root = this.ctx.config.root
    const rank = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${relative(root, spec.moduleId)}`
      const result = this.ctx.cache.getFileTestResults(key)
      if (!result) return { group: 1, duration: 0 }
      return { group: result.failed ? 0 : 2, duration: result.duration }
    }
    const ranks = new Map(vitestOrder.map((spec) => [spec, rank(spec)]))
    // Array.prototype.sort is stable: ties keep Vitest's order.
    return vitestOrder.sort((a, b) => {
      const rankA = ranks.get(a) as { group: number; duration: number }
      const rankB = ranks.get(b) as { group: number; duration: number }
      return rankA.group - rankB.group || rankB.duration - rankA.duration
    })
  }
}
