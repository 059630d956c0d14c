import { h } from 'preact'
import { render } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { SignInControl, type SignInControlProps } from '../../../src/portal/sso/sign-in-control'
import { portalLangOf } from '../../../src/portal/sso/sso-strings'

const page = 'https://reqio.example/p/acme/requests/r_1?sort=new'
const html = (props: Partial<SignInControlProps>) =>
  render(
    h(SignInControl, {
      lang: 'en',
      signedIn: undefined,
      ssoUrl: null,
      pageUrl: page,
      portalPath: '/p/acme',
      ...props,
    }),
  )

describe('the portal header’s sign-in corner', () => {
  it('names the signed-in person and offers a Sign out form that works without JavaScript', () => {
    const out = html({ signedIn: { name: 'Ana' } })
    expect(out).toContain('Signed in as Ana')
    expect(out).toContain('<form method="post" action="/p/acme/sso/logout"')
    expect(out).toContain(`name="return_to" value="${page.replace('&', '&amp;')}"`)
    expect(out).toContain('<button type="submit">Sign out</button>')
  })

  it('escapes a hostile name and says only "Signed in" when the token had none', () => {
    expect(html({ signedIn: { name: '<img src=x onerror=alert(1)>' } })).not.toContain('<img')
    expect(html({ signedIn: { name: null }, lang: 'fr' })).toContain('Connecté<')
  })

  it('sends an anonymous visitor to the ssoUrl with return_to, keeping the URL’s own query', () => {
    const out = html({ ssoUrl: 'https://app.example.com/reqio/sign-in?tenant=a' })
    const href = /href="([^"]+)"/.exec(out)?.[1]?.replaceAll('&amp;', '&') ?? ''
    const url = new URL(href)
    expect(url.origin + url.pathname).toBe('https://app.example.com/reqio/sign-in')
    expect(url.searchParams.get('tenant')).toBe('a')
    expect(url.searchParams.get('return_to')).toBe(page)
    expect(out).toContain('>Sign in</a>')
  })

  it('shows no Sign in at all when the project has no ssoUrl', () => {
    expect(html({})).toBe('')
  })

  it('on a custom domain posts the sign-out to /sso/logout at the root', () => {
    expect(html({ signedIn: { name: 'Bo' }, portalPath: '' })).toContain('action="/sso/logout"')
  })
})

describe('the sign-in pages’ language', () => {
  it('takes ?lang= first, then the first spoken Accept-Language, else English', () => {
    expect(portalLangOf('fr', 'de-DE,de;q=0.9')).toBe('fr')
    expect(portalLangOf(undefined, 'es-ES, de-AT;q=0.8, en;q=0.5')).toBe('de')
    expect(portalLangOf('xx', 'ja')).toBe('en')
    expect(portalLangOf(undefined, undefined)).toBe('en')
  })
})
