import { CodeBlock } from '../ui/code-block'
import {
  portalAddress,
  portalSnippet,
  type SnippetTarget,
  STACK_INFO,
  type Stack,
} from './snippets'

/**
 * Step 6: the portal's "Sign in" sends people to the owner's SSO URL with `return_to`; this is
 * the handler behind that URL, minting the same token and redirecting to the portal's /sso.
 */
export function PortalSignInStep({ stack, target }: { stack: Stack; target: SnippetTarget }) {
  const snippet = portalSnippet(stack, target)
  const info = STACK_INFO[stack]
  const portal = portalAddress(target)
  return (
    <section class="step" aria-labelledby="step-portal">
      <h3 id="step-portal">6. Sign in to your portal</h3>
      <p>
        Your public portal (<a href={portal}>{portal}</a>) can show your customers as signed in,
        with the same token. Its <strong>Sign in</strong> sends them to your <em>SSO URL</em> with{' '}
        <code>?return_to=</code> the portal page they were on; the handler below signs a fresh token
        and redirects to <code>{portal}/sso</code>, and Reqio brings them back to that page, signed
        in for a week. Add it to your app, then enter its address as the SSO URL in Settings ›
        Portal.
      </p>
      {snippet.files.map((file) => (
        <CodeBlock
          key={file.path}
          title={`Portal, ${info.label}: ${file.path}`}
          code={file.code}
          language={file.language}
        />
      ))}
      <p class="hint">
        The handler only ever redirects to your portal, never to the address in{' '}
        <code>return_to</code>: Reqio checks that one and falls back to the board.
      </p>
    </section>
  )
}
