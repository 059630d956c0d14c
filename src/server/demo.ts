import type { Clock } from './clock'
import { generateSecret } from './identity/secrets'
import type { Store } from './store'

export const DEMO_PROJECT_ID = 'demo'
export const DEMO_PROJECT_NAME = 'Acme Analytics'

/** Demo mode: an empty store gets the `demo` project the demo page embeds. Returns true if created. */
export async function seedDemoProject(store: Store, clock: Clock): Promise<boolean> {
  if ((await store.projects.count()) > 0) return false
  await store.projects.create({
    id: DEMO_PROJECT_ID,
    name: DEMO_PROJECT_NAME,
    secret: generateSecret(),
    now: clock.now(),
  })
  return true
}
