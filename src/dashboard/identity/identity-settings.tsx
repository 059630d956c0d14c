import { useState } from 'preact/hooks'
import type { AdminProject } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { EmbedStep } from './embed-step'
import { PortalSignInStep } from './portal-sign-in-step'
import { readRememberedStack, rememberStack } from './remembered-stack'
import { SecretStep } from './secret-step'
import { SnippetStep } from './snippet-step'
import type { SnippetTarget, Stack } from './snippets'
import { StackStep } from './stack-step'
import { TokenCheckStep } from './token-check-step'

/** Settings > Identity: the four steps of identity-docs.txt, "Check a token", then the portal's sign-in. */
export function IdentitySettings({
  client,
  project,
  initialSecret,
  widgetUrl,
}: {
  client: AdminClient
  project: AdminProject
  initialSecret?: string
  widgetUrl: string
}) {
  const [stack, setStack] = useState<Stack>(readRememberedStack)
  const target: SnippetTarget = { projectId: project.id, audience: project.audience, widgetUrl }

  function chooseStack(next: Stack) {
    rememberStack(next)
    setStack(next)
  }

  return (
    <div class="identity">
      <p class="lead">
        Tell the widget who your signed-in users are: link requests to real people, weight the
        backlog by revenue, and merge a person's votes across devices.
      </p>
      <StackStep stack={stack} onChange={chooseStack} />
      <SecretStep client={client} projectId={project.id} initialSecret={initialSecret} />
      <SnippetStep stack={stack} target={target} />
      <EmbedStep stack={stack} target={target} />
      <TokenCheckStep client={client} projectId={project.id} audience={project.audience} />
      <PortalSignInStep stack={stack} target={target} />
    </div>
  )
}
