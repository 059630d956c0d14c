import type { SnippetTarget } from '../stacks'
import type { ServerSnippet } from '../types'
import { PORTAL_ADAPT, portalAddress } from './portal-address'

/** Go: the sign-in URL in package reqio (beside token.go), and a net/http handler for the SSO URL. */
export function goPortalSnippet(target: SnippetTarget): ServerSnippet {
  const portal = `// Package reqio: signs your signed-in users in to your Reqio portal.
package reqio

import "net/url"

// PortalURL is your portal. ${PORTAL_ADAPT}.
const PortalURL = "${portalAddress(target)}"

// PortalSignInURL is the portal's sign-in with a fresh token; Reqio sends the browser on to
// returnTo if it is a portal page.
func PortalSignInURL(user User, returnTo string) (string, error) {
	token, err := MintToken(user)
	if err != nil {
		return "", err
	}
	query := url.Values{"token": {token}}
	if returnTo != "" {
		query.Set("return_to", returnTo)
	}
	return PortalURL + "/sso?" + query.Encode(), nil
}
`
  const route = `// main.go: your SSO URL (Settings › Portal), e.g. https://app.example.com/reqio/sign-in.
// The portal's "Sign in" sends people here with ?return_to=<the portal page they were on>.
// ADAPT: currentUser is your session lookup.
http.HandleFunc("/reqio/sign-in", func(w http.ResponseWriter, r *http.Request) {
	user, ok := currentUser(r)
	if !ok {
		http.Redirect(w, r, "/login", http.StatusFound) // ADAPT: your login page
		return
	}
	target, err := reqio.PortalSignInURL(user, r.URL.Query().Get("return_to"))
	if err != nil {
		http.Error(w, "could not sign you in", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, target, http.StatusFound)
})
`
  return {
    stack: 'go',
    files: [
      { path: 'reqio/portal.go', language: 'go', code: portal, role: 'portal' },
      { path: 'main.go', language: 'go', code: route, role: 'usage' },
    ],
  }
}
