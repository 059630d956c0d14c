/**
 * What a site's template leaves in `data-identity-token` (or passes to identify()) when it did
 * not fill the token in: the placeholder itself (`{{ reqio_token }}`, `<%= token %>`,
 * `${token}`…) or a value printed as "null" or "undefined". None of them is anyone's token, so
 * the widget stays anonymous rather than showing an identified user's views to nobody.
 */
const UNFILLED = /^(\{\{.*\}\}|\{%.*%\}|<%.*%>|\$\{.*\}|#\{.*\}|null|undefined)$/is

/** Why `token` is not a token but a template's leftover, or undefined when it may be one. */
export function unfilledTokenReason(token: string): string | undefined {
  const value = token.trim()
  if (!UNFILLED.test(value)) return undefined
  // Only a placeholder or a word is ever printed here: a real token never matches.
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return `The identity token is "${shown}", a template placeholder left unfilled: the widget stays anonymous. Print the signed token there, or leave the attribute out for anonymous visitors.`
}
