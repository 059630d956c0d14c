/** The few words the script says itself, in the page's language (the server says the rest). */
const WORDS = {
  en: { offline: 'Could not reach the server. Try again.', failed: 'Not saved. Try again.' },
  de: {
    offline: 'Der Server ist nicht erreichbar. Bitte erneut versuchen.',
    failed: 'Nicht gespeichert. Bitte erneut versuchen.',
  },
  fr: {
    offline: 'Impossible de joindre le serveur. Réessayez.',
    failed: 'Non enregistré. Réessayez.',
  },
} as const

function words() {
  const lang = document.documentElement.lang.slice(0, 2) as keyof typeof WORDS
  return WORDS[lang] ?? WORDS.en
}

/**
 * Says how a write went, right after the form it came from, in a live region (role=status) so
 * screen readers hear it. `null` clears it.
 */
export function showNotice(form: HTMLFormElement, text: string | null): void {
  let notice = form.nextElementSibling
  if (!(notice instanceof HTMLElement && notice.classList.contains('portal-notice'))) {
    if (text === null) return
    notice = document.createElement('p')
    notice.className = 'portal-notice'
    notice.setAttribute('role', 'status')
    form.after(notice)
  }
  ;(notice as HTMLElement).textContent = text ?? ''
}

/** The message for a refused write: the server's own, else ours (offline, or no message). */
export function refusalText(status: number, message: string | null): string {
  if (status === 0) return words().offline
  return message ?? words().failed
}
