import {
  type Messages,
  type Plural,
  de as widgetDe,
  en as widgetEn,
  fr as widgetFr,
} from '../shared/messages'

/**
 * The portal's words in every language it speaks: the widget's strings (src/shared/messages.ts)
 * where they fit, plus what only a page of its own needs (navigation, the head; signing in has src/portal/sso/sso-strings.ts). `{0}`
 * is filled in by `fill()`.
 */
const enPortal = {
  /** {0} the project's name. */
  boardTitle: '{0} feedback',
  /** {0} the project's name. */
  boardDescription: 'Requests and ideas for {0}: vote for what matters to you.',
  /** {0} the project's name. */
  roadmapDescription: 'What {0} has planned, is working on and has shipped.',
  /** {0} the project's name. */
  changelogDescription: 'What is new in {0}.',
  changelog: 'Changelog',
  votes: { one: '{0} vote', other: '{0} votes' } as Plural,
  /** {0} how many requests the board lists. */
  requestCount: { one: '{0} request', other: '{0} requests' } as Plural,
  skip: 'Skip to content',
  mainNav: 'Portal',
  searchLabel: 'Search requests',
  apply: 'Show',
  feed: 'Atom feed',
  pageNotFound: 'Page not found',
  pageNotFoundText: 'This page does not exist, or is no longer public.',
  toBoard: 'Back to the board',
  requestsFor: 'Shipped for:',
  postedOn: 'Posted',
  poweredBy: 'Feedback by Reqio',
  commentLabel: 'Your comment',
  newRequest: 'New request',
}

export type PortalStrings = Messages & { portal: typeof enPortal }

const dePortal: typeof enPortal = {
  boardTitle: '{0} Feedback',
  boardDescription: 'Wünsche und Ideen für {0}: stimmen Sie für das, was Ihnen wichtig ist.',
  roadmapDescription: 'Was {0} geplant hat, woran gearbeitet wird und was umgesetzt ist.',
  changelogDescription: 'Was es Neues bei {0} gibt.',
  changelog: 'Änderungen',
  votes: { one: '{0} Stimme', other: '{0} Stimmen' },
  requestCount: { one: '{0} Wunsch', other: '{0} Wünsche' },
  skip: 'Zum Inhalt springen',
  mainNav: 'Portal',
  searchLabel: 'Wünsche durchsuchen',
  apply: 'Anzeigen',
  feed: 'Atom-Feed',
  pageNotFound: 'Seite nicht gefunden',
  pageNotFoundText: 'Diese Seite gibt es nicht, oder sie ist nicht mehr öffentlich.',
  toBoard: 'Zurück zur Übersicht',
  requestsFor: 'Umgesetzt für:',
  postedOn: 'Erstellt',
  poweredBy: 'Feedback mit Reqio',
  commentLabel: 'Ihr Kommentar',
  newRequest: 'Neuer Wunsch',
}

const frPortal: typeof enPortal = {
  boardTitle: 'Retours sur {0}',
  boardDescription: 'Demandes et idées pour {0} : votez pour ce qui compte pour vous.',
  roadmapDescription: 'Ce que {0} a prévu, ce qui est en cours et ce qui est livré.',
  changelogDescription: 'Les nouveautés de {0}.',
  changelog: 'Nouveautés',
  votes: { one: '{0} vote', other: '{0} votes' },
  requestCount: { one: '{0} demande', other: '{0} demandes' },
  skip: 'Aller au contenu',
  mainNav: 'Portail',
  searchLabel: 'Rechercher des demandes',
  apply: 'Afficher',
  feed: 'Flux Atom',
  pageNotFound: 'Page introuvable',
  pageNotFoundText: 'Cette page n’existe pas, ou n’est plus publique.',
  toBoard: 'Retour au tableau',
  requestsFor: 'Livré pour :',
  postedOn: 'Publiée',
  poweredBy: 'Retours avec Reqio',
  commentLabel: 'Votre commentaire',
  newRequest: 'Nouvelle demande',
}

export const PORTAL_LANGUAGES = ['en', 'de', 'fr'] as const
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number]

const STRINGS: Record<PortalLanguage, PortalStrings> = {
  en: { ...widgetEn, portal: enPortal },
  de: { ...widgetDe, portal: dePortal },
  fr: { ...widgetFr, portal: frPortal },
}

export function portalStringsFor(language: PortalLanguage): PortalStrings {
  return STRINGS[language]
}
