import { CodeBlock } from '../ui/code-block'
import { agentPrompt, type SnippetTarget, STACK_INFO, type Stack, serverSnippet } from './snippets'

/** Step 3: the chosen stack's snippet with the real project filled in, and the agent prompt beside it. */
export function SnippetStep({ stack, target }: { stack: Stack; target: SnippetTarget }) {
  const snippet = serverSnippet(stack, target)
  const info = STACK_INFO[stack]
  return (
    <section class="step" aria-labelledby="step-mint">
      <h3 id="step-mint">3. Mint a token on your server</h3>
      <p>
        Paste this into your server code and adapt the lines marked <code>ADAPT</code> to your
        session model. It uses <strong>{info.library}</strong> (<code>{info.install}</code>); no
        Reqio package is needed. Tokens expire 300 seconds after they are issued, so mint a fresh
        one on every server-rendered request.
      </p>
      <p>
        <strong>Send the same claims on every token.</strong> Each token replaces what Reqio knows
        about the person: a claim it leaves out (email, name, traits, company) is cleared, and an
        older token (by <code>iat</code>) never overwrites a newer one.
      </p>
      <div class="side-by-side">
        <div>
          {snippet.files.map((file) => (
            <CodeBlock
              key={file.path}
              title={`${info.label}: ${file.path}`}
              code={file.code}
              language={file.language}
            />
          ))}
        </div>
        <div>
          <p class="hint">
            Prefer an AI coding agent (Claude Code, Cursor, Windsurf...)? Give it this prompt.
          </p>
          <CodeBlock title="AI agent prompt" code={agentPrompt(stack, target)} />
        </div>
      </div>
    </section>
  )
}
