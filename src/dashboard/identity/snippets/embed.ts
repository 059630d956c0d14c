import { REQIO_INLINE_STUB_TAG } from '../../../shared/inline-stub'
import type { SnippetTarget, Stack } from './stacks'
import type { SnippetFile } from './types'
import { widgetScriptTag } from './widget-tag'

export interface EmbedSnippets {
  /** Server-rendered pages: the stack's template renders a fresh token into the tag. */
  scriptTag: string
  /** Which template the tag goes in, and where its names come from. */
  scriptTagWhere: string
  scriptTagLanguage: SnippetFile['language'] | 'html'
  /** Single-page apps: the stub queues identify() until widget.js has loaded. */
  spa: string
}

interface PageTag {
  where: string
  language: EmbedSnippets['scriptTagLanguage']
  /** The template expression that prints the token; empty for a signed-out visitor. */
  token: string
}

/**
 * The token slot in each stack's own page template, calling the mint function of that stack's
 * snippet (step 3): the tag works as pasted, and nothing in it is a placeholder to replace
 * (a placeholder pasted as is is not a token, and the board then holds every write back).
 */
const PAGE_TAGS: Record<Stack, PageTag> = {
  nextjs: {
    where:
      'In an async server component, where user is await getCurrentUser() (app/reqio-widget.tsx above is the whole component):',
    language: 'tsx',
    token: '{user ? await mintReqioToken(user) : undefined}',
  },
  node: {
    where: 'Inside the HTML template literal an async route sends (as in server.mjs above):',
    language: 'javascript',
    token: "${req.user ? await mintReqioToken(req.user) : ''}",
  },
  python: {
    where: 'In your Jinja template, with reqio_token passed by the view (as in app.py above):',
    language: 'html',
    token: '{{ reqio_token }}',
  },
  php: {
    where: "In your PHP page, after require 'reqio_token.php' (as in page.php above):",
    language: 'php',
    token:
      "<?= isset($_SESSION['user']) ? htmlspecialchars(mintReqioToken($_SESSION['user'])) : '' ?>",
  },
  ruby: {
    where: 'In your ERB layout (as in app/views/layouts/application.html.erb above):',
    language: 'erb',
    token: '<%= ReqioToken.mint(current_user) if current_user %>',
  },
  go: {
    where:
      'In your html/template page, with ReqioToken from reqio.MintToken (as in main.go above):',
    language: 'html',
    token: '{{.ReqioToken}}',
  },
}

/** The widget tag with the stack's template expression in data-identity-token. */
export function pageScriptTag(stack: Stack, target: SnippetTarget): string {
  const { token } = PAGE_TAGS[stack]
  // JSX takes an expression, not a quoted string, and closes the tag itself.
  if (stack === 'nextjs')
    return `<script src="${target.widgetUrl}" data-project-id="${target.projectId}" data-identity-token=${token} async />`
  return widgetScriptTag(target, token)
}

export function embedSnippets(stack: Stack, target: SnippetTarget): EmbedSnippets {
  const tag = PAGE_TAGS[stack]
  const spa = `<!-- In your HTML, once, before the widget tag: -->
${REQIO_INLINE_STUB_TAG}
<script src="${target.widgetUrl}" data-project-id="${target.projectId}" async></script>

<script type="module">
  // After the user signs in: fetch a fresh token from your server (/api/reqio-token, step 3)
  // and hand it to the widget. Calls made before widget.js loads are queued and replayed.
  const { token } = await fetch('/api/reqio-token').then((res) => res.json())
  window.Reqio.identify(token)
</script>`
  return {
    scriptTag: pageScriptTag(stack, target),
    scriptTagWhere: tag.where,
    scriptTagLanguage: tag.language,
    spa,
  }
}
