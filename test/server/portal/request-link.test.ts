import { describe, expect, it } from 'vitest'
import { requestLinkOf } from '../../../src/server/portal/request-link'
import { DEFAULT_PROJECT_SETTINGS } from '../../../src/shared/api'
import { publicRequestLink } from '../../../src/shared/request-link'

const project = (siteUrl: string | null) => ({
  id: 'acme-1a2b3c',
  settings: { ...DEFAULT_PROJECT_SETTINGS, siteUrl },
})

describe('the link to a request', () => {
  it('lands on the portal page under REQIO_PUBLIC_URL when the project has no site URL', () => {
    expect(requestLinkOf(project(null), 'r_42', 'https://feedback.acme.test')).toBe(
      'https://feedback.acme.test/p/acme-1a2b3c/requests/r_42',
    )
  })

  it('keeps the path REQIO_PUBLIC_URL is served under, with or without a trailing slash', () => {
    expect(requestLinkOf(project(null), 'r_42', 'https://acme.test/reqio/')).toBe(
      'https://acme.test/reqio/p/acme-1a2b3c/requests/r_42',
    )
  })

  it('adds reqio-request to the site URL’s query, keeping its own query and fragment', () => {
    expect(requestLinkOf(project('https://app.acme.test/help?tab=1#top'), 'r_42', 'x')).toBe(
      'https://app.acme.test/help?tab=1&reqio-request=r_42#top',
    )
    expect(requestLinkOf(project('https://app.acme.test'), 'r_42', 'x')).toBe(
      'https://app.acme.test/?reqio-request=r_42',
    )
  })

  it('replaces a reqio-request the site URL already carries instead of adding a second', () => {
    expect(
      publicRequestLink({
        siteUrl: 'https://app.acme.test/?reqio-request=old',
        publicUrl: 'https://feedback.acme.test',
        projectId: 'p',
        requestId: 'new',
      }),
    ).toBe('https://app.acme.test/?reqio-request=new')
  })

  it('escapes ids so a link never changes path or query', () => {
    expect(
      publicRequestLink({
        siteUrl: null,
        publicUrl: 'https://feedback.acme.test',
        projectId: 'a/b',
        requestId: 'c?d',
      }),
    ).toBe('https://feedback.acme.test/p/a%2Fb/requests/c%3Fd')
  })
})
