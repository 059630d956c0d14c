import { CodeBlock } from '../ui/code-block'
import { embedSnippets, type SnippetTarget } from './snippets'

/** Step 4: hand the token to the widget, by attribute or from JavaScript. */
export function EmbedStep({ target }: { target: SnippetTarget }) {
  const embed = embedSnippets(target)
  return (
    <section class="step" aria-labelledby="step-embed">
      <h3 id="step-embed">4. Embed the widget with the token</h3>
      <p>
        Pass the token with the <code>data-identity-token</code> attribute:
      </p>
      <CodeBlock title="Script tag" code={embed.scriptTag} language="html" />
      <p>
        Single-page app where users sign in after the page loads? Call{' '}
        <code>window.Reqio.identify(token)</code> after sign-in; calls made before the widget loads
        are queued and replayed.
      </p>
      <CodeBlock title="Single-page app" code={embed.spa} language="html" />
    </section>
  )
}
