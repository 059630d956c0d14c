import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import type { SnippetTarget } from './stacks'
import type { ServerSnippet } from './types'
import { widgetScriptTag } from './widget-tag'

/** Python: a PyJWT function, then Flask-style usage. */
export function pythonSnippet(target: SnippetTarget): ServerSnippet {
  const mint = `# reqio_token.py: mints the identity token the Reqio widget sends with every request.
# Server only: REQIO_SECRET must never reach the browser.
import os
import time

import jwt  # pip install PyJWT

REQIO_AUDIENCE = "${target.audience}"
TOKEN_LIFETIME_SECONDS = ${TOKEN_LIFETIME_SECONDS}


def mint_reqio_token(user):
    """ADAPT: pass your signed-in user; map the fields below to your session model."""
    iat = int(time.time())
    payload = {
        "sub": str(user.id),  # ADAPT: your stable user id, e.g. the database row id
        "aud": REQIO_AUDIENCE,
        "iat": iat,
        "exp": iat + TOKEN_LIFETIME_SECONDS,
    }
    # Send the same claims on every token: each one replaces what Reqio stores about the user,
    # so a claim left out is cleared (the newest token by iat wins).
    if user.email:  # ADAPT (optional)
        payload["email"] = user.email
    if user.name:  # ADAPT (optional): shown beside their comments, at most 100 characters
        payload["name"] = user.name
    if user.plan:  # ADAPT (optional): the customer's billing, for revenue ranking
        payload["traits"] = {
            "plan": user.plan,  # e.g. "pro"
            "amount": user.amount_cents,  # as billed, in cents; the yearly total for yearly plans
            "interval": user.billing_interval,  # "month" or "year"
        }
    # ADAPT (optional), B2B: the account the user belongs to. With it, traits are the
    # company's billing and Reqio counts the company's revenue once, however many vote.
    if user.company_id:
        payload["company"] = {"id": str(user.company_id), "name": user.company_name}
    return jwt.encode(payload, os.environ["REQIO_SECRET"], algorithm="HS256")
`
  const usage = `# app.py: Flask-style usage. ADAPT: login_required and current_user are your session.
from flask import render_template
from flask_login import current_user, login_required

from reqio_token import mint_reqio_token


@app.get("/")
@login_required
def home():
    # templates/home.html: ${widgetScriptTag(target, '{{ reqio_token }}')}
    return render_template("home.html", reqio_token=mint_reqio_token(current_user))


@app.get("/api/reqio-token")  # single-page apps: then window.Reqio.identify(token)
@login_required
def reqio_token():
    return {"token": mint_reqio_token(current_user)}, 200, {"Cache-Control": "no-store"}
`
  return {
    stack: 'python',
    files: [
      { path: 'reqio_token.py', language: 'python', code: mint, role: 'mint' },
      { path: 'app.py', language: 'python', code: usage, role: 'usage' },
    ],
  }
}
