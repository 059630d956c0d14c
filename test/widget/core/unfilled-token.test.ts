import { describe, expect, it } from 'vitest'
import { unfilledTokenReason } from '../../../src/widget/unfilled-token'

describe('telling a template leftover from a token', () => {
  it.each([
    '{{ reqio_token }}',
    '{{reqio_token}}',
    '{% reqio_token %}',
    '<%= token %>',
    '${token}',
    '#{token}',
    'null',
    'undefined',
    ' NULL ',
  ])('calls %j a placeholder and says the widget stays anonymous', (value) => {
    expect(unfilledTokenReason(value)).toContain('the widget stays anonymous')
  })

  it('leaves a real token alone and never prints one', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4iLCJleHAiOjk5OTk5OTk5OTl9.c2ln'
    expect(unfilledTokenReason(jwt)).toBeUndefined()
    expect(unfilledTokenReason('not-a-jwt-but-not-a-placeholder')).toBeUndefined()
  })
})
