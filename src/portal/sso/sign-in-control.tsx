import type { PortalLang } from './sso-strings'
import { SSO_STRINGS } from './sso-strings'

export interface SignInControlProps {
  lang: PortalLang
  /** The signed-in person's display name; `undefined` when nobody is signed in. */
  signedIn: { name: string | null } | undefined
  /** The project's ssoUrl, or null: then an anonymous visitor sees no "Sign in". */
  ssoUrl: string | null
  /** The absolute URL of the page being shown: where the sign-in comes back to. */
  pageUrl: string
  /** The portal's root path as the browser sees it (`/p/{pid}`, or '' on a custom domain). */
  portalPath: string
}

/** `{ssoUrl}?return_to=<page>`, keeping whatever query the customer's URL already has. */
export function signInHref(ssoUrl: string, pageUrl: string): string {
  const url = new URL(ssoUrl)
  url.searchParams.set('return_to', pageUrl)
  return url.href
}

/**
 * The header's sign-in corner: who is signed in and a Sign out form (a plain POST, so it
 * works with JavaScript off), or the "Sign in" link to the customer's app. Never the email or
 * sub: only the name the token gave, if any.
 */
export function SignInControl({ lang, signedIn, ssoUrl, pageUrl, portalPath }: SignInControlProps) {
  const words = SSO_STRINGS[lang]
  if (signedIn) {
    return (
      <form method="post" action={`${portalPath}/sso/logout`} data-portal-signed-in="">
        <span>
          {signedIn.name ? words.signedInAs.replace('{0}', signedIn.name) : words.signedIn}
        </span>{' '}
        <input type="hidden" name="return_to" value={pageUrl} />
        <button type="submit">{words.signOut}</button>
      </form>
    )
  }
  if (!ssoUrl) return null
  return (
    <a href={signInHref(ssoUrl, pageUrl)} data-portal-sign-in="">
      {words.signIn}
    </a>
  )
}
