import type { ShownStatus } from './api/requests'
import type { UpdateKind } from './notifications'

/**
 * A count with its noun, one text per plural category (Intl.PluralRules of the table's
 * `locale`); a category a language lacks falls back to `other`.
 */
export interface Plural {
  one: string
  other: string
}

/**
 * Every string the widget shows, in every language Reqio speaks. widget.js bundles English
 * only; the server sends the page's language with the widget settings
 * (`GET /v1/projects/{id}/widget?locale=de-AT`), so a new language costs the bundle nothing.
 * `{0}`, `{1}` are filled in by `fill()`.
 */
export const en = {
  /** The language these strings are in: plural rules and dates follow it. */
  locale: 'en',
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
  /** The board has no requests at all. */
  first: 'No requests yet: suggest the first one.',
  /** {0} what the search found nothing for. */
  suggestQuery: 'Suggest “{0}”',
  alreadyShipped: 'This already shipped.',
  all: 'All',
  filter: 'Status',
  /** The board's filter by the team's tags. */
  tag: 'Tag',
  retry: 'Retry',
  /**
   * {0} the request's title, {1} its vote count. The count is the button's visible text, so it
   * stands as a word of its own here (axe: label-content-name-mismatch).
   */
  vote: 'Vote for {0}: {1}',
  pending: 'Pending',
  status: {
    open: 'Open',
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    declined: 'Declined',
    /** v3 moderation: the author's own request, before the team approves it. */
    pending: 'Waiting for review',
  } as Record<ShownStatus, string>,
  titleLabel: 'Title',
  details: 'Details (optional)',
  /** {0} the most characters allowed. */
  tooLong: 'At most {0} characters.',
  similar: 'Is it one of these?',
  send: 'Send',
  back: 'Back',
  thanks: 'Thanks! Your request is in.',
  saved: 'Saved; it will be sent automatically.',
  voteRefused: 'Vote not saved.',
  offline: 'You seem to be offline.',
  down: 'Reqio is not answering, retrying.',
  /** {0} seconds to wait. */
  rateLimited: 'Too many requests. Try again in {0} s.',
  expired: 'Your session expired.',
  identity: 'We could not confirm who you are.',
  invalid: 'Please check your text.',
  notFound: 'Not found.',
  failed: 'Something went wrong.',
  /** {0} how many comments a request has. */
  comments: { one: '{0} comment', other: '{0} comments' } as Plural,
  you: 'You',
  team: 'Team',
  /** A comment's author whose token gave no name: an identified customer, or an anonymous visitor. */
  customer: 'Customer',
  visitor: 'Visitor',
  comment: 'Comment',
  noComments: 'No comments yet.',
  /** A long thread shows its newest comments; this loads the ones before them. */
  olderComments: 'Show older comments',
  signInToComment: 'Sign in to comment.',
  /** A toggle on a request for identified people: its news (emails, Updates) or none. */
  follow: 'Follow',
  following: 'Following',
  views: 'Views',
  requests: 'Requests',
  roadmap: 'Roadmap',
  news: 'What’s new',
  nothing: 'Nothing here yet.',
  shipped: 'Shipped:',
  /** The identified user's view: what moved on what they asked for, voted or commented on. */
  updates: 'Updates',
  noUpdates: 'Nothing new yet. You will see here when something you asked for moves.',
  /** {0} how many things are new for this person: unread updates, plus an unseen changelog entry. */
  newForYou: { one: '{0} new for you', other: '{0} new for you' } as Plural,
  /** Above the status note on a request: who wrote it. */
  teamNote: 'Note from the team',
  kinds: {
    status: 'Status changed',
    reply: 'The team replied',
    shipped: 'Shipped',
  } as Record<UpdateKind, string>,
  /** Editing your own words (spec v3): on your comments and your request. */
  edit: 'Edit',
  delete: 'Delete',
  save: 'Save',
  cancel: 'Cancel',
  /** Beside a comment or request whose author changed it. */
  edited: 'edited',
  /** Asked before your comment goes. */
  deleteAsk: 'Delete this comment?',
  /** Why your request can no longer be edited (the server answered 409 conflict). */
  editClosed: 'Others have voted or commented: it can no longer be edited.',
  /** Images on a request or comment (spec/api.md "Images"). The file picker's label: */
  attach: 'Add image',
  uploading: 'Uploading…',
  /** {0} the image's place among those of the request or comment. */
  image: 'Image {0}',
  removeImage: 'Remove image {0}',
  /** Said when an image is refused (spec/api.md "Images": the types, the size, how many). */
  imageRules: 'Up to 4 images: PNG, JPEG, WebP or GIF, at most 5 MB each.',
}

export type Messages = typeof en

export const de: Messages = {
  locale: 'de',
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
  first: 'Noch keine Wünsche: schlagen Sie den ersten vor.',
  suggestQuery: '„{0}“ vorschlagen',
  alreadyShipped: 'Das ist schon umgesetzt.',
  all: 'Alle',
  filter: 'Status',
  tag: 'Schlagwort',
  retry: 'Erneut versuchen',
  vote: 'Für {0} stimmen: {1}',
  pending: 'Ausstehend',
  status: {
    open: 'Offen',
    planned: 'Geplant',
    in_progress: 'In Arbeit',
    done: 'Erledigt',
    declined: 'Abgelehnt',
    pending: 'Wartet auf Prüfung',
  },
  titleLabel: 'Titel',
  details: 'Details (optional)',
  tooLong: 'Höchstens {0} Zeichen.',
  similar: 'Ist es einer davon?',
  send: 'Senden',
  back: 'Zurück',
  thanks: 'Danke! Ihr Wunsch ist eingegangen.',
  saved: 'Gespeichert; wird automatisch gesendet.',
  voteRefused: 'Stimme nicht gespeichert.',
  offline: 'Sie scheinen offline zu sein.',
  down: 'Reqio antwortet nicht, neuer Versuch läuft.',
  rateLimited: 'Zu viele Anfragen. In {0} s erneut versuchen.',
  expired: 'Ihre Sitzung ist abgelaufen.',
  identity: 'Ihre Identität konnte nicht bestätigt werden.',
  invalid: 'Bitte prüfen Sie Ihren Text.',
  notFound: 'Nicht gefunden.',
  failed: 'Etwas ist schiefgelaufen.',
  comments: { one: '{0} Kommentar', other: '{0} Kommentare' },
  you: 'Sie',
  team: 'Team',
  customer: 'Kunde',
  visitor: 'Besucher',
  comment: 'Kommentar',
  noComments: 'Noch keine Kommentare.',
  olderComments: 'Ältere Kommentare anzeigen',
  signInToComment: 'Melden Sie sich an, um zu kommentieren.',
  follow: 'Folgen',
  following: 'Gefolgt',
  views: 'Ansichten',
  requests: 'Wünsche',
  roadmap: 'Roadmap',
  news: 'Neuigkeiten',
  nothing: 'Noch nichts hier.',
  shipped: 'Umgesetzt:',
  updates: 'Updates',
  noUpdates: 'Noch nichts Neues. Hier sehen Sie, wenn sich bewegt, was Sie angefragt haben.',
  newForYou: { one: '{0} neu für Sie', other: '{0} neu für Sie' },
  teamNote: 'Notiz vom Team',
  kinds: { status: 'Status geändert', reply: 'Das Team hat geantwortet', shipped: 'Umgesetzt' },
  edit: 'Bearbeiten',
  delete: 'Löschen',
  save: 'Speichern',
  cancel: 'Abbrechen',
  edited: 'bearbeitet',
  deleteAsk: 'Diesen Kommentar löschen?',
  editClosed:
    'Jemand anderes hat abgestimmt oder kommentiert, daher kann dieser Wunsch nicht mehr bearbeitet werden.',
  attach: 'Bild hinzufügen',
  uploading: 'Wird hochgeladen…',
  image: 'Bild {0}',
  removeImage: 'Bild {0} entfernen',
  imageRules: 'Bis zu 4 Bilder: PNG, JPEG, WebP oder GIF, je höchstens 5 MB.',
}

export const fr: Messages = {
  locale: 'fr',
  launcher: 'Feedback',
  title: 'Feedback',
  close: 'Fermer',
  sort: 'Trier',
  top: 'Populaires',
  new: 'Récentes',
  search: 'Rechercher',
  suggest: 'Suggérer une fonctionnalité',
  loading: 'Chargement…',
  empty: 'Aucune demande trouvée.',
  first: 'Aucune demande pour l’instant : suggérez la première.',
  suggestQuery: 'Suggérer « {0} »',
  alreadyShipped: 'C’est déjà livré.',
  all: 'Toutes',
  filter: 'Statut',
  tag: 'Étiquette',
  retry: 'Réessayer',
  vote: 'Voter pour {0} : {1}',
  pending: 'En attente',
  status: {
    open: 'Ouverte',
    planned: 'Prévue',
    in_progress: 'En cours',
    done: 'Terminée',
    declined: 'Refusée',
    pending: 'En attente de validation',
  },
  titleLabel: 'Titre',
  details: 'Détails (facultatif)',
  tooLong: '{0} caractères au maximum.',
  similar: 'Est-ce l’une de celles-ci ?',
  send: 'Envoyer',
  back: 'Retour',
  thanks: 'Merci ! Votre demande est enregistrée.',
  saved: 'Enregistré ; l’envoi se fera automatiquement.',
  voteRefused: 'Vote non enregistré.',
  offline: 'Vous semblez hors ligne.',
  down: 'Reqio ne répond pas, nouvel essai en cours.',
  rateLimited: 'Trop de requêtes. Réessayez dans {0} s.',
  expired: 'Votre session a expiré.',
  identity: 'Nous n’avons pas pu confirmer votre identité.',
  invalid: 'Veuillez vérifier votre texte.',
  notFound: 'Introuvable.',
  failed: 'Une erreur est survenue.',
  comments: { one: '{0} commentaire', other: '{0} commentaires' },
  you: 'Vous',
  team: 'Équipe',
  customer: 'Client',
  visitor: 'Visiteur',
  comment: 'Commentaire',
  noComments: 'Pas encore de commentaires.',
  olderComments: 'Afficher les commentaires plus anciens',
  signInToComment: 'Connectez-vous pour commenter.',
  follow: 'Suivre',
  following: 'Suivi',
  views: 'Vues',
  requests: 'Demandes',
  roadmap: 'Feuille de route',
  news: 'Nouveautés',
  nothing: 'Rien pour l’instant.',
  shipped: 'Livré :',
  updates: 'Mises à jour',
  noUpdates: 'Rien de nouveau pour l’instant. Vous verrez ici quand votre demande avance.',
  newForYou: { one: '{0} nouveauté pour vous', other: '{0} nouveautés pour vous' },
  teamNote: 'Note de l’équipe',
  kinds: { status: 'Statut modifié', reply: 'L’équipe a répondu', shipped: 'Livré' },
  edit: 'Modifier',
  delete: 'Supprimer',
  save: 'Enregistrer',
  cancel: 'Annuler',
  edited: 'modifié',
  deleteAsk: 'Supprimer ce commentaire ?',
  editClosed: 'Quelqu’un d’autre a voté ou commenté : cette demande ne peut plus être modifiée.',
  attach: 'Ajouter une image',
  uploading: 'Envoi en cours…',
  image: 'Image {0}',
  removeImage: 'Retirer l’image {0}',
  imageRules: 'Jusqu’à 4 images : PNG, JPEG, WebP ou GIF, 5 Mo maximum chacune.',
}

/** The strings for a locale such as "de-AT", or undefined for a language we do not speak yet. */
export function messagesFor(locale: string): Messages | undefined {
  // Built here, not at module level, so widget.js (which bundles English only) can drop the rest.
  const byLanguage: Record<string, Messages> = { en, de, fr }
  const language = locale.slice(0, 2).toLowerCase()
  return Object.hasOwn(byLanguage, language) ? byLanguage[language] : undefined
}

/** A message with its `{0}`, `{1}`… replaced by `values`. */
export function fill(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d)\}/g, (_, index: string) => `${values[Number(index)]}`)
}
