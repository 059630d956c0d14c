import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The `version` of Reqio's package.json, found by walking up from this file, so that the
 * answer is the same from src/ run through tsx and from a compiled copy at another depth.
 */
export function readReqioVersion(from = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'reqio' && pkg.version) return pkg.version
    }
    if (dirname(dir) === dir) return 'unknown'
  }
}
