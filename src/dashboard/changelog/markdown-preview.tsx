import { markdownToNodes } from '../../shared/markdown'
// The widget's own renderer, so the preview shows what end users will see.
import { renderMarkdown } from '../../widget/ui/markdown'

/** Markdown as the widget renders it: the same safe node tree, never HTML. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  return <div class="md-preview">{renderMarkdown(markdownToNodes(markdown))}</div>
}
