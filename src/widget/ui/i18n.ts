import { en, type Messages } from '../../shared/messages'
import type { JsonStore } from './storage'

export type { Messages }

/**
 * The strings the UI shows: English at once (the only language in the bundle), then the page's
 * language from this browser's copy, then, by `learn()`, from the server. One object, updated
 * in place, so everything holding it speaks the new language at the next render.
 */
export function createMessages(locale: string | undefined, store: JsonStore) {
  const t: Messages = { ...en }
  const language = (locale || 'en').slice(0, 2).toLowerCase()
  const storageKey = `reqio:messages:${language}`
  /** Takes what a (possibly older or broken) answer offers, key by key; English fills the gaps. */
  const apply = (incoming: unknown) => Object.assign(t, merged(en, incoming))
  const wanted = language === 'en' ? undefined : locale
  // English is in the bundle: an English page reads nothing from localStorage for it.
  const cached = wanted && store.read<Record<string, unknown>>(storageKey, {})
  if (cached) apply(cached)
  const messages = {
    t,
    /** The locale to ask the server for, or undefined when English is all we need. */
    wanted,
    /** The language the strings are in now, for the root's `lang`: English until learned. */
    lang: cached && cached.launcher ? language : 'en',
    learn(incoming: unknown) {
      apply(incoming)
      store.write(storageKey, incoming)
      messages.lang = language
    },
  }
  return messages
}

function merged<T extends object>(base: T, incoming: unknown): T {
  const result = { ...base } as Record<string, unknown>
  for (const [key, fallback] of Object.entries(base)) {
    const value = (incoming as Record<string, unknown> | null)?.[key]
    if (typeof fallback === 'string') result[key] = typeof value === 'string' ? value : fallback
    else result[key] = merged(fallback, value)
  }
  return result as T
}
