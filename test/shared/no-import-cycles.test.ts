import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph } from './helpers/import-graph'

const SRC = fileURLToPath(new URL('../../src', import.meta.url))

describe('imports in src/', () => {
  it('form no cycle, `import type` included', () => {
    expect(importCycles(importGraph(SRC)).map((cycle) => cycle.join(' → '))).toEqual([])
  })

  it('finds a cycle through a type-only import (the walker itself can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ])
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']])
    expect(importGraph(SRC).get('server/store/members-store.ts')).toContain('shared/roles.ts')
  })
})
