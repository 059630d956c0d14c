import type { SnippetTarget } from '../stacks'
import type { ServerSnippet } from '../types'
import { PORTAL_ADAPT, portalAddress } from './portal-address'

/** Python: the sign-in URL beside reqio_token.py, and a Flask-style view for the SSO URL. */
export function pythonPortalSnippet(target: SnippetTarget): ServerSnippet {
  const portal = `# reqio_portal.py: signs your signed-in users in to your Reqio portal.
from urllib.parse import urlencode

from reqio_token import mint_reqio_token

REQIO_PORTAL = "${portalAddress(target)}"  # ${PORTAL_ADAPT}


def reqio_portal_sign_in_url(user, return_to=None):
    """The portal's sign-in with a fresh token; Reqio sends the browser on to return_to if it is a portal page."""
    query = {"token": mint_reqio_token(user)}
    if return_to:
        query["return_to"] = return_to
    return f"{REQIO_PORTAL}/sso?{urlencode(query)}"
`
  const route = `# app.py: your SSO URL (Settings › Portal), e.g. https://app.example.com/reqio/sign-in.
# The portal's "Sign in" sends people here with ?return_to=<the portal page they were on>.
# ADAPT: login_required and current_user are your session.
from flask import redirect, request
from flask_login import current_user, login_required

from reqio_portal import reqio_portal_sign_in_url


@app.get("/reqio/sign-in")
@login_required
def reqio_sign_in():
    response = redirect(reqio_portal_sign_in_url(current_user, request.args.get("return_to")))
    response.headers["Cache-Control"] = "no-store"
    return response
`
  return {
    stack: 'python',
    files: [
      { path: 'reqio_portal.py', language: 'python', code: portal, role: 'portal' },
      { path: 'app.py', language: 'python', code: route, role: 'usage' },
    ],
  }
}
