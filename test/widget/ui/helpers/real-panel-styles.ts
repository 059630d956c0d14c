import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The panel's stylesheet for tests about styling: see real-launcher-styles.ts. */
export default readFileSync(resolve(process.cwd(), 'src/widget/ui/panel.css'), 'utf8')
