/** The sign-in's words in the portal's languages (spec: en, de, fr; anything else: en). */
export type PortalLang = 'en' | 'de' | 'fr'

export interface SsoStrings {
  signIn: string
  signOut: string
  /** {0} the person's name. */
  signedInAs: string
  /** When the token carried no name. */
  signedIn: string
  failedTitle: string
  /** Before the token error's code. */
  failedBody: string
  tryAgain: string
  backToBoard: string
  notFoundTitle: string
  notFoundBody: string
}

export const SSO_STRINGS: Record<PortalLang, SsoStrings> = {
  en: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {0}',
    signedIn: 'Signed in',
    failedTitle: 'Sign-in failed',
    failedBody: 'The sign-in link was refused. Error code:',
    tryAgain: 'Sign in again',
    backToBoard: 'Back to the board',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no portal at this address.',
  },
  de: {
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    signedInAs: 'Angemeldet als {0}',
    signedIn: 'Angemeldet',
    failedTitle: 'Anmeldung fehlgeschlagen',
    failedBody: 'Der Anmeldelink wurde abgelehnt. Fehlercode:',
    tryAgain: 'Erneut anmelden',
    backToBoard: 'Zurück zur Übersicht',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundBody: 'Unter dieser Adresse gibt es kein Portal.',
  },
  fr: {
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    signedInAs: 'Connecté en tant que {0}',
    signedIn: 'Connecté',
    failedTitle: 'Échec de la connexion',
    failedBody: 'Le lien de connexion a été refusé. Code d’erreur :',
    tryAgain: 'Se reconnecter',
    backToBoard: 'Retour au tableau',
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Il n’y a pas de portail à cette adresse.',
  },
}

/** `?lang=` first, else the first Accept-Language the portal speaks, else English. */
export function portalLangOf(
  query: string | undefined,
  acceptLanguage: string | undefined,
): PortalLang {
  const candidates = [
    query,
    ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim()),
  ]
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0]
    if (base === 'en' || base === 'de' || base === 'fr') return base
  }
  return 'en'
}
