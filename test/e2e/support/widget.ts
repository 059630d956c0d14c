// The widget as a person finds it on screen: by role and label, inside its shadow root.
import type { Locator, Page } from 'playwright-core'

/** The widget's parts, found by role and label inside its shadow root. */
export function widgetOf(page: Page) {
  const root = page.locator('reqio-widget')
  const dialog = root.getByRole('dialog', { name: 'Feedback' })
  return {
    root,
    launcher: root.getByRole('button', { name: 'Feedback', exact: true }),
    dialog,
    notice: dialog.getByRole('status'),
    suggest: dialog.getByRole('button', { name: 'Suggest a feature' }),
    title: dialog.getByRole('textbox', { name: 'Title' }),
    details: dialog.getByRole('textbox', { name: 'Details (optional)' }),
    send: dialog.getByRole('button', { name: 'Send' }),
    /** The vote toggle of a request: its name ends with the current count. */
    voteButton: (title: string): Locator =>
      dialog.getByRole('button', {
        name: new RegExp(`^Vote for ${escapeRegExp(title)}: \\d+$`),
      }),
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The computed values of `properties` for the element `locator` finds (shadow roots pierced). */
export function computedStyle(locator: Locator, properties: readonly string[]) {
  return locator.evaluate(
    (element, names) => {
      const style = getComputedStyle(element)
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]))
    },
    [...properties],
  )
}
