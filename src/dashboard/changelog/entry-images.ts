import { attachmentPath } from '../../shared/api/attachments'

/** The image types the server takes (anything else it answers 415). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif']

/**
 * The attachments an entry's body shows, in order of first appearance: the editor sends them
 * as `attachmentIds`, so an image stays attached exactly while the body shows it (one taken out
 * of the body is let go, and swept a day after its upload).
 */
export function attachmentIdsInBody(body: string, projectId: string): string[] {
  const prefix = attachmentPath(projectId, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const found = body.matchAll(
    new RegExp(`!\\[[^\\]]*\\]\\((?:https?://[^/\\s)]+)?${prefix}([\\w-]+)\\)`, 'g'),
  )
  return [...new Set([...found].map((match) => match[1] ?? ''))].filter(Boolean)
}

/** Markdown for an uploaded image: its alt text from the file name, without brackets. */
export function markdownImage(fileName: string, url: string): string {
  const alt =
    fileName
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[[\]]/g, '')
      .trim() || 'image'
  return `![${alt}](${url})`
}

/** `body` with `inserted` in place of the selection, on a line of its own. */
export function insertAt(
  body: string,
  inserted: string,
  selection: { start: number; end: number },
): { body: string; caret: number } {
  const before = body.slice(0, selection.start)
  const after = body.slice(selection.end)
  const lead = before === '' || before.endsWith('\n') ? '' : '\n'
  const trail = after.startsWith('\n') ? '' : '\n'
  const text = `${lead}${inserted}${trail}`
  return { body: before + text + after, caret: before.length + text.length }
}
