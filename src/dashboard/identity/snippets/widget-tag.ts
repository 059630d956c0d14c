import type { SnippetTarget } from './stacks'

/**
 * The widget's script tag with the token slot filled by `tokenExpression` (a template
 * expression in the owner's language), so every stack's page template reads the same.
 */
export function widgetScriptTag(target: SnippetTarget, tokenExpression: string): string {
  return `<script src="${target.widgetUrl}" data-project-id="${target.projectId}" data-identity-token="${tokenExpression}" async></script>`
}
