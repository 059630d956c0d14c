// What the drawer says before closing drops what was typed (issue 26's leftovers).
import { expect, it } from 'vitest'
import { unsavedSentence } from '../../../src/dashboard/backlog/unsaved-drafts'

it('names each unsaved part once, status first, with the verb its number needs', () => {
  expect(unsavedSentence(['reply'])).toBe('Your reply is not saved: closing the request loses it.')
  expect(unsavedSentence(['status'])).toBe(
    'Your status change or note is not saved: closing the request loses it.',
  )
  expect(unsavedSentence(['reply', 'status'])).toBe(
    'Your status change or note and your reply are not saved: closing the request loses them.',
  )
})

it('says nothing when nothing is unsaved', () => {
  expect(unsavedSentence([])).toBe('')
})
