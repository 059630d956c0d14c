import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import type { SnippetTarget } from './stacks'
import type { ServerSnippet } from './types'
import { widgetScriptTag } from './widget-tag'

/** Ruby: a module using the jwt gem, then Rails-style layout and controller usage. */
export function rubySnippet(target: SnippetTarget): ServerSnippet {
  const mint = `# reqio_token.rb: mints the identity token the Reqio widget sends with every request.
# Server only: REQIO_SECRET must never reach the browser.
require "jwt" # bundle add jwt

module ReqioToken
  AUDIENCE = "${target.audience}"
  LIFETIME_SECONDS = ${TOKEN_LIFETIME_SECONDS}

  # ADAPT: pass your signed-in user; map the fields below to your session model.
  def self.mint(user)
    iat = Time.now.to_i
    payload = {
      sub: user.id.to_s, # ADAPT: your stable user id, e.g. the database row id
      aud: AUDIENCE,
      iat: iat,
      exp: iat + LIFETIME_SECONDS
    }
    # Send the same claims on every token: each one replaces what Reqio stores about the user,
    # so a claim left out is cleared (the newest token by iat wins).
    payload[:email] = user.email if user.email # ADAPT (optional)
    payload[:name] = user.name if user.name # ADAPT (optional): shown beside their comments, at most 100 characters
    if user.plan # ADAPT (optional): the customer's billing, for revenue ranking
      payload[:traits] = {
        plan: user.plan, # e.g. "pro"
        amount: user.amount_cents, # as billed, in cents; the yearly total for yearly plans
        interval: user.billing_interval # "month" or "year"
      }
    end
    # ADAPT (optional), B2B: the account the user belongs to. With it, traits are the
    # company's billing and Reqio counts the company's revenue once, however many vote.
    if user.company_id
      payload[:company] = { id: user.company_id.to_s, name: user.company_name }
    end
    JWT.encode(payload, ENV.fetch("REQIO_SECRET"), "HS256")
  end
end
`
  const layout = `<%# app/views/layouts/application.html.erb: a fresh token on every render. %>
<% if current_user %>
  ${widgetScriptTag(target, '<%= ReqioToken.mint(current_user) %>')}
<% end %>
`
  const controller = `# app/controllers/reqio_tokens_controller.rb: single-page apps fetch this after sign-in,
# then call window.Reqio.identify(token). ADAPT: authenticate_user! and current_user are your session.
class ReqioTokensController < ApplicationController
  before_action :authenticate_user!

  def show
    response.headers["Cache-Control"] = "no-store"
    render json: { token: ReqioToken.mint(current_user) }
  end
end
`
  return {
    stack: 'ruby',
    files: [
      { path: 'lib/reqio_token.rb', language: 'ruby', code: mint, role: 'mint' },
      {
        path: 'app/views/layouts/application.html.erb',
        language: 'erb',
        code: layout,
        role: 'usage',
      },
      {
        path: 'app/controllers/reqio_tokens_controller.rb',
        language: 'ruby',
        code: controller,
        role: 'usage',
      },
    ],
  }
}
