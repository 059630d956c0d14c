import type { SnippetTarget } from '../stacks'
import type { ServerSnippet } from '../types'
import { PORTAL_ADAPT, portalAddress } from './portal-address'

/** Ruby: the sign-in URL beside lib/reqio_token.rb, and a Rails-style controller for the SSO URL. */
export function rubyPortalSnippet(target: SnippetTarget): ServerSnippet {
  const portal = `# lib/reqio_portal.rb: signs your signed-in users in to your Reqio portal.
require "uri"
require_relative "reqio_token"

module ReqioPortal
  URL = "${portalAddress(target)}" # ${PORTAL_ADAPT}

  # The portal's sign-in with a fresh token; Reqio sends the browser on to return_to if it is a portal page.
  def self.sign_in_url(user, return_to = nil)
    query = { token: ReqioToken.mint(user) }
    query[:return_to] = return_to if return_to && !return_to.empty?
    "#{URL}/sso?#{URI.encode_www_form(query)}"
  end
end
`
  const route = `# app/controllers/reqio_sign_ins_controller.rb: your SSO URL (Settings › Portal), e.g.
# https://app.example.com/reqio/sign-in (routes.rb: get "reqio/sign-in", to: "reqio_sign_ins#show").
# The portal's "Sign in" sends people here with ?return_to=<the portal page they were on>.
class ReqioSignInsController < ApplicationController
  before_action :authenticate_user! # ADAPT: your session

  def show
    response.headers["Cache-Control"] = "no-store"
    redirect_to ReqioPortal.sign_in_url(current_user, params[:return_to].presence), allow_other_host: true
  end
end
`
  return {
    stack: 'ruby',
    files: [
      { path: 'lib/reqio_portal.rb', language: 'ruby', code: portal, role: 'portal' },
      {
        path: 'app/controllers/reqio_sign_ins_controller.rb',
        language: 'ruby',
        code: route,
        role: 'usage',
      },
    ],
  }
}
