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
 * Says how a write went, in a live region (role=status) so screen readers hear it: right after
 * the form, or at the end of `beside` (a vote form sits in a row: the notice goes under the
 * row's text, not between the button and the title). `null` clears it.
 */
export function showNotice(
  form: HTMLFormElement,
  text: string | null,
  beside: Element | null = null,
): void {
  const existing = beside ? beside.lastElementChild : form.nextElementSibling
  let notice =
    existing instanceof HTMLElement && existing.classList.contains('portal-notice')
      ? existing
      : null
  if (!notice) {
    if (text === null) return
    notice = document.createElement('p')
    notice.className = 'portal-notice'
    notice.setAttribute('role', 'status')
    if (beside) beside.append(notice)
    else form.after(notice)
  }
  notice.textContent = text ?? ''
}

/** The message for a refused write: the server's own, else ours (offline, or no message). */
export function refusalText(status: number, message: string | null): string {
  if (status === 0) return words().offline
  return message ?? words().failed
}
