import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Vitest hands `?inline` CSS imports over as '' unless CSS processing is on; tests about
 * styling mock the imports with the real stylesheets:
 * `vi.mock('../../../src/widget/ui/launcher.css?inline', () => import('./helpers/real-launcher-styles'))`
 * (and panel.css with real-panel-styles).
 */
export default readFileSync(resolve(process.cwd(), 'src/widget/ui/launcher.css'), 'utf8')
