import type { SnippetTarget } from '../stacks'

/**
 * The portal's own address on Reqio (`{origin}/p/{pid}`), where sign-ins go: the origin the
 * widget is served from. A handler sends tokens only here (never to whatever `return_to` names),
 * so nobody can use it to collect tokens.
 */
export function portalAddress(target: SnippetTarget): string {
  return new URL(`/p/${target.projectId}`, target.widgetUrl).href
}

/** The comment beside the portal constant in every stack. */
export const PORTAL_ADAPT =
  'ADAPT: https://your.portal.domain when the portal has its own domain (Settings › Portal)'
