import { describe, expect, it } from 'vitest'
import { linkedRequestId } from '../../../src/widget/ui/linked-request'

describe('the request a link names', () => {
  it('reads reqio-request among the host page’s own parameters', () => {
    expect(linkedRequestId({ search: '?tab=help&reqio-request=r_42' })).toBe('r_42')
    expect(linkedRequestId({ search: '?reqio-request=a%2Fb' })).toBe('a/b')
  })

  it('is null when the page names none, an empty one or one longer than any id', () => {
    expect(linkedRequestId({ search: '' })).toBeNull()
    expect(linkedRequestId({ search: '?reqio-request=' })).toBeNull()
    expect(linkedRequestId({ search: '?reqio-request=%20%20' })).toBeNull()
    expect(linkedRequestId({ search: `?reqio-request=${'x'.repeat(101)}` })).toBeNull()
  })
})
