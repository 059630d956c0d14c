import type { SnippetTarget } from './stacks'
import { widgetScriptTag } from './widget-tag'

// TODO(inline-stub): replace this local copy with the import below once src/shared/inline-stub.ts
// lands, so the dashboard shows exactly the stub the widget replays:
//   import { INLINE_STUB } from '../../../shared/inline-stub'
/** Defines window.Reqio before widget.js loads, queueing calls for the widget to replay. */
const INLINE_STUB =
  "(function(w){var r=w.Reqio=w.Reqio||{q:[]};['identify','reset','open','close','on','off'].forEach(function(m){r[m]=r[m]||function(){r.q.push([m,arguments])}})})(window);"

export interface EmbedSnippets {
  /** Server-rendered pages: the token goes straight into the tag. */
  scriptTag: string
  /** Single-page apps: the stub queues identify() until widget.js has loaded. */
  spa: string
}

export function embedSnippets(target: SnippetTarget): EmbedSnippets {
  const scriptTag = `<script
  src="${target.widgetUrl}"
  data-project-id="${target.projectId}"
  data-identity-token="<token minted by your server>"
  async
></script>`
  const spa = `<!-- In your HTML, once: -->
<script>${INLINE_STUB}</script>
${widgetScriptTag(target, '').replace(' data-identity-token=""', '')}

// After the user signs in (fetch a fresh token from your server, e.g. /api/reqio-token):
const { token } = await fetch('/api/reqio-token').then((res) => res.json())
window.Reqio.identify(token)`
  return { scriptTag, spa }
}
