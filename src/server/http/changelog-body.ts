import { markdownAsPlainText, parseMarkdown } from '../../shared/markdown'
import type { MarkdownNode } from '../../shared/markdown-nodes'
import { invalid } from '../errors'
import type { ChangelogEntryRecord } from '../store/changelog-store'

/**
 * A changelog body is parsed once, when it is written: within the bounds it is stored as its
 * node tree; past them the write is refused with `400 validation_failed` saying why. Reads use
 * the stored tree and never parse, so a vote clearing the read caches costs no parsing. Images
 * show only when they are `projectId`'s attachments.
 */
export function bodyNodesForWrite(body: string, projectId: string): string {
  const parsed = parseMarkdown(body, projectId)
  if ('refused' in parsed) {
    throw invalid('body', `body: ${parsed.refused}.`)
  }
  return JSON.stringify(parsed.nodes)
}

/** Rows written before trees were stored: parsed on first read, once per entry version. */
const OLD_ROWS_KEPT = 500
const parsedOldRows = new Map<string, MarkdownNode[]>()

/**
 * What a public entry shows. A row without a tree (older, or written around the API) is parsed
 * within the same bounds; one past them shows as plain text. It never fails the read.
 */
export function publicBodyNodes(record: ChangelogEntryRecord): MarkdownNode[] {
  if (record.bodyNodes) return record.bodyNodes
  const key = `${record.id}\u0000${record.updatedAt}`
  let nodes = parsedOldRows.get(key)
  if (!nodes) {
    const parsed = parseMarkdown(record.body, record.projectId)
    nodes = 'nodes' in parsed ? parsed.nodes : markdownAsPlainText(record.body)
    if (parsedOldRows.size >= OLD_ROWS_KEPT) parsedOldRows.clear()
    parsedOldRows.set(key, nodes)
  }
  return nodes
}
