import type { AudienceResponse } from '../../shared/notifications'
import { countOf } from '../format/plural'

/**
 * What publishing will do, in the sentences the confirmation shows before anything is sent:
 * the headline is who gets an email, since that is what cannot be taken back.
 */
export function publishSentences(audience: AudienceResponse, shipping: number): string[] {
  if (shipping === 0) {
    return ['It ships no request: nobody is emailed. It appears under What’s new in the widget.']
  }
  const moves = `${countOf(shipping, 'linked request moves', 'linked requests move')} to Done.`
  const anonymous = audience.anonymous
    ? [`${countOf(audience.anonymous, 'anonymous voter', 'anonymous voters')} cannot be told.`]
    : []
  if (audience.mail === 'off') {
    return [
      'Nobody will be emailed: email is off (REQIO_SMTP_URL is not set).',
      `${countOf(audience.people, 'person', 'people')} will see it under Updates in the widget.`,
      moves,
      ...anonymous,
    ]
  }
  const kept = audience.mail === 'kept' ? ' (demo: kept under Sent mail, not sent)' : ''
  const withoutEmail = audience.people - audience.withEmail
  return [
    `${countOf(audience.withEmail, 'person', 'people')} will be emailed${kept}.`,
    withoutEmail > 0
      ? `${countOf(withoutEmail, 'more person', 'more people')} without email will see it under Updates in the widget.`
      : null,
    moves,
    ...anonymous,
  ].filter((line): line is string => line !== null)
}

/** The confirm button says what it sends: "Publish and email 3 people", or just "Publish". */
export function publishLabel(audience: AudienceResponse | null, verb = 'Publish'): string {
  if (!audience || audience.mail === 'off' || audience.withEmail === 0) return verb
  return `${verb} and email ${countOf(audience.withEmail, 'person', 'people')}`
}
