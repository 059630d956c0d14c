import { markdownToNodes } from '../../shared/markdown'
// The widget's own renderer, so the preview shows what end users will see.
import { renderMarkdown } from '../../widget/ui/markdown'

/**
 * Markdown as the widget renders it: the same safe node tree, never HTML; images of the
 * project's own attachments show (the dashboard shares the API's origin).
 */
export function MarkdownPreview({ markdown, projectId }: { markdown: string; projectId: string }) {
  return <div class="md-preview">{renderMarkdown(markdownToNodes(markdown, projectId))}</div>
}
