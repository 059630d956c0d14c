import { CodeBlock } from '../ui/code-block'
import { embedSnippets, type SnippetTarget, type Stack } from './snippets'

/** Step 4: hand the token to the widget, rendered into the tag or from JavaScript. */
export function EmbedStep({ stack, target }: { stack: Stack; target: SnippetTarget }) {
  const embed = embedSnippets(stack, target)
  return (
    <section class="step" aria-labelledby="step-embed">
      <h3 id="step-embed">4. Embed the widget with the token</h3>
      <p>
        Render a fresh token into the <code>data-identity-token</code> attribute.{' '}
        {embed.scriptTagWhere}
      </p>
      <CodeBlock title="Script tag" code={embed.scriptTag} language={embed.scriptTagLanguage} />
      <p>
        Single-page app where users sign in after the page loads? Call{' '}
        <code>window.Reqio.identify(token)</code> after sign-in; calls made before the widget loads
        are queued and replayed.
      </p>
      <CodeBlock title="Single-page app" code={embed.spa} language="html" />
    </section>
  )
}
