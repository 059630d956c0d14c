import { PORTAL_LANGUAGES, type PortalLanguage } from '../../portal/portal-strings'

function spoken(tag: string): PortalLanguage | null {
  const language = tag.trim().slice(0, 2).toLowerCase()
  return (PORTAL_LANGUAGES as readonly string[]).includes(language)
    ? (language as PortalLanguage)
    : null
}

/**
 * The page's language: `?lang=` when it names one the portal speaks, else the first of the
 * browser's `Accept-Language` choices (by quality) that it speaks, else English.
 */
export function portalLanguageOf(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): PortalLanguage {
  const asked = lang ? spoken(lang) : null
  if (asked) return asked
  const choices = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((choice) => choice.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  for (const choice of choices) {
    const language = spoken(choice.tag)
    if (language) return language
  }
  return 'en'
}
