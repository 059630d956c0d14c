import { renderMessagePage } from './sso-message-page'
import { type PortalLang, SSO_STRINGS } from './sso-strings'

export interface SignInFailedProps {
  lang: PortalLang
  /** The token error's code (token_expired, token_signature…), shown as it is. */
  code: string
  /** The board, to go on without signing in. */
  boardUrl: string
  /** `{ssoUrl}?return_to=…` when the project has one: the customer's app mints a fresh token. */
  retryUrl: string | null
}

/** The 401 page of GET /p/{pid}/sso: names the code, so a developer setting it up sees why. */
export function renderSignInFailed({ lang, code, boardUrl, retryUrl }: SignInFailedProps): string {
  const words = SSO_STRINGS[lang]
  return renderMessagePage({
    lang,
    title: words.failedTitle,
    children: (
      <>
        <p>
          {words.failedBody} <code>{code}</code>
        </p>
        <ul>
          {retryUrl && (
            <li>
              <a href={retryUrl}>{words.tryAgain}</a>
            </li>
          )}
          <li>
            <a href={boardUrl}>{words.backToBoard}</a>
          </li>
        </ul>
      </>
    ),
  })
}

/** A portal that does not exist here, or is turned off: the same page either way. */
export function renderPortalNotFound(lang: PortalLang): string {
  const words = SSO_STRINGS[lang]
  return renderMessagePage({
    lang,
    title: words.notFoundTitle,
    children: <p>{words.notFoundBody}</p>,
  })
}
