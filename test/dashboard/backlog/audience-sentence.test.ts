// What the status form says before a status change goes (issue 26, bug 3).
import { expect, it } from 'vitest'
import { audienceSentence } from '../../../src/dashboard/backlog/use-audience'

it('says how many people will hear about a status change, with the plural Intl picks', () => {
  expect(audienceSentence({ people: 1, withEmail: 1, anonymous: 0, mail: 'smtp' })).toBe(
    '1 person will hear about this: 1 by email, all in the widget.',
  )
  expect(audienceSentence({ people: 1204, withEmail: 7, anonymous: 3, mail: 'smtp' })).toBe(
    '1,204 people will hear about this: 7 by email, all in the widget.',
  )
})

it('says when email is off or only kept, and when nobody can be told', () => {
  expect(audienceSentence({ people: 2, withEmail: 0, anonymous: 0, mail: 'off' })).toBe(
    '2 people will hear about this in the widget. Email is off (REQIO_SMTP_URL is not set).',
  )
  expect(audienceSentence({ people: 2, withEmail: 2, anonymous: 0, mail: 'kept' })).toContain(
    '(demo: emails are kept under Sent mail)',
  )
  expect(audienceSentence({ people: 0, withEmail: 0, anonymous: 4, mail: 'smtp' })).toBe(
    'Nobody identified follows this request yet: nobody will hear.',
  )
})
