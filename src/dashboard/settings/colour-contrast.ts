/**
 * WCAG contrast for the accent colour the site owner picks: which text reads on it (the widget
 * makes the same choice in src/widget/ui/contrast.ts) and how well it stands out on a white page.
 */

/** Relative luminance of `#rrggbb` (WCAG 2.x). */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

/** The contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

/** White while it reads at 4.5:1 or better on `accent`, else black: what the widget shows. */
export function textOnAccent(accent: string): '#ffffff' | '#000000' {
  return contrastRatio(accent, '#ffffff') >= 4.5 ? '#ffffff' : '#000000'
}

/** Below this, a launcher on a white page is hard to make out (WCAG 1.4.11, non-text). */
export const VISIBLE_ON_WHITE = 3
