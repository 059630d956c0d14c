import type { RequestStatus } from '../../shared/api'

/** Every string the widget shows, in English; each other language repeats this shape. */
const en = {
  launcher: 'Feedback',
  title: 'Feedback',
  close: 'Close',
  sort: 'Sort',
  top: 'Top',
  new: 'New',
  search: 'Search',
  suggest: 'Suggest a feature',
  loading: 'Loading…',
  empty: 'No requests found.',
  retry: 'Retry',
  vote: (title: string, votes: number) => `Vote for ${title} (${votes})`,
  pending: 'Pending',
  status: {
    open: 'Open',
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    declined: 'Declined',
  } as Record<RequestStatus, string>,
  titleLabel: 'Title',
  details: 'Details (optional)',
  tooLong: (max: number) => `At most ${max} characters.`,
  similar: 'Is it one of these?',
  send: 'Send',
  back: 'Back',
  thanks: 'Thanks! Your request is in.',
  saved: 'Saved; it will be sent automatically.',
  voteRefused: 'Vote not saved.',
  offline: 'You seem to be offline.',
  rateLimited: (seconds: number) => `Too many requests. Try again in ${seconds} s.`,
  expired: 'Your session expired.',
  identity: 'We could not confirm who you are.',
  invalid: 'Please check your text.',
  notFound: 'Not found.',
  failed: 'Something went wrong.',
}

export type Messages = typeof en

const de: Messages = {
  launcher: 'Feedback',
  title: 'Feedback',
  close: 'Schließen',
  sort: 'Sortieren',
  top: 'Top',
  new: 'Neu',
  search: 'Suchen',
  suggest: 'Funktion vorschlagen',
  loading: 'Lädt…',
  empty: 'Keine Wünsche gefunden.',
  retry: 'Erneut versuchen',
  vote: (title, votes) => `Für ${title} stimmen (${votes})`,
  pending: 'Ausstehend',
  status: {
    open: 'Offen',
    planned: 'Geplant',
    in_progress: 'In Arbeit',
    done: 'Erledigt',
    declined: 'Abgelehnt',
  },
  titleLabel: 'Titel',
  details: 'Details (optional)',
  tooLong: (max) => `Höchstens ${max} Zeichen.`,
  similar: 'Ist es einer davon?',
  send: 'Senden',
  back: 'Zurück',
  thanks: 'Danke! Ihr Wunsch ist eingegangen.',
  saved: 'Gespeichert; wird automatisch gesendet.',
  voteRefused: 'Stimme nicht gespeichert.',
  offline: 'Sie scheinen offline zu sein.',
  rateLimited: (seconds) => `Zu viele Anfragen. In ${seconds} s erneut versuchen.`,
  expired: 'Ihre Sitzung ist abgelaufen.',
  identity: 'Ihre Identität konnte nicht bestätigt werden.',
  invalid: 'Bitte prüfen Sie Ihren Text.',
  notFound: 'Nicht gefunden.',
  failed: 'Etwas ist schiefgelaufen.',
}

/** Strings for a locale such as "de-AT"; English for languages we do not speak yet. */
export function messagesFor(locale = ''): Messages {
  return locale.slice(0, 2).toLowerCase() === 'de' ? de : en
}
