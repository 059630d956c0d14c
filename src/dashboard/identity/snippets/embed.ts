import { REQIO_INLINE_STUB_TAG } from '../../../shared/inline-stub'
import type { SnippetTarget } from './stacks'

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
  const spa = `<!-- In your HTML, once, before the widget tag: -->
${REQIO_INLINE_STUB_TAG}
<script src="${target.widgetUrl}" data-project-id="${target.projectId}" async></script>

<script type="module">
  // After the user signs in: fetch a fresh token from your server (e.g. /api/reqio-token)
  // and hand it to the widget. Calls made before widget.js loads are queued and replayed.
  const { token } = await fetch('/api/reqio-token').then((res) => res.json())
  window.Reqio.identify(token)
</script>`
  return { scriptTag, spa }
}
