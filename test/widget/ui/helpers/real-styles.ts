import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Vitest hands `?inline` CSS imports over as '' unless CSS processing is on; tests about
 * styling mock the import with the real stylesheet:
 * `vi.mock('../../../src/widget/ui/styles.css?inline', () => import('./helpers/real-styles'))`
 */
export default readFileSync(resolve(process.cwd(), 'src/widget/ui/styles.css'), 'utf8')
