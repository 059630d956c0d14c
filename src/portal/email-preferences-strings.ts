import type { UpdateKind } from '../shared/notifications'
import type { PortalLanguage } from './portal-strings'

/** The email preferences page's words, in the portal's languages. */
export interface EmailPreferencesStrings {
  title: string
  intro: string
  /** Who the page is for: `{0}` is their email address, shown so they know whose choices these are. */
  forAddress: string
  legend: string
  kinds: Record<UpdateKind, string>
  save: string
  saved: string
  unsubscribed: string
  invalidTitle: string
  invalidText: string
  goneText: string
}

const en: EmailPreferencesStrings = {
  title: 'Email preferences',
  intro:
    'Choose which news about the requests you follow you want to hear. What you turn off reaches neither your email nor the Updates in the feedback widget.',
  forAddress: 'For {0}',
  legend: 'Tell me when',
  kinds: {
    status: 'a request changes status',
    reply: 'the team replies',
    shipped: 'a request ships in the changelog',
  },
  save: 'Save my choices',
  saved: 'Saved. Your choices count from now on.',
  unsubscribed:
    'You unsubscribed from every email. Saving with at least one box ticked turns emails back on.',
  invalidTitle: 'This link does not work',
  invalidText: 'The link is incomplete or was changed. Open it again from one of our emails.',
  goneText: 'There is nothing stored about you here any more.',
}

const de: EmailPreferencesStrings = {
  title: 'E-Mail-Einstellungen',
  intro:
    'Wählen Sie, welche Neuigkeiten zu den Wünschen, denen Sie folgen, Sie erhalten möchten. Was Sie abschalten, erreicht weder Ihre E-Mail noch die Neuigkeiten im Feedback-Widget.',
  forAddress: 'Für {0}',
  legend: 'Benachrichtigen, wenn',
  kinds: {
    status: 'sich der Status eines Wunsches ändert',
    reply: 'das Team antwortet',
    shipped: 'ein Wunsch im Changelog erscheint',
  },
  save: 'Auswahl speichern',
  saved: 'Gespeichert. Ihre Auswahl gilt ab jetzt.',
  unsubscribed:
    'Sie haben alle E-Mails abbestellt. Speichern mit mindestens einem Häkchen schaltet E-Mails wieder ein.',
  invalidTitle: 'Dieser Link funktioniert nicht',
  invalidText:
    'Der Link ist unvollständig oder wurde verändert. Öffnen Sie ihn erneut aus einer unserer E-Mails.',
  goneText: 'Hier ist nichts mehr über Sie gespeichert.',
}

const fr: EmailPreferencesStrings = {
  title: 'Préférences e-mail',
  intro:
    'Choisissez les nouvelles que vous voulez recevoir sur les demandes que vous suivez. Ce que vous désactivez n’arrive ni par e-mail ni dans les nouveautés du widget.',
  forAddress: 'Pour {0}',
  legend: 'Me prévenir quand',
  kinds: {
    status: 'le statut d’une demande change',
    reply: 'l’équipe répond',
    shipped: 'une demande paraît dans le changelog',
  },
  save: 'Enregistrer mes choix',
  saved: 'Enregistré. Vos choix comptent dès maintenant.',
  unsubscribed:
    'Vous vous êtes désabonné de tous les e-mails. Enregistrer avec au moins une case cochée les réactive.',
  invalidTitle: 'Ce lien ne fonctionne pas',
  invalidText:
    'Le lien est incomplet ou a été modifié. Ouvrez-le à nouveau depuis l’un de nos e-mails.',
  goneText: 'Plus rien n’est conservé à votre sujet ici.',
}

const STRINGS: Record<PortalLanguage, EmailPreferencesStrings> = { en, de, fr }

export function emailPreferencesStringsFor(language: PortalLanguage): EmailPreferencesStrings {
  return STRINGS[language] ?? en
}
