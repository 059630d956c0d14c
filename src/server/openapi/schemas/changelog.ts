import * as v from 'valibot'
import {
  type PublicChangelogResponse,
  ROADMAP_LANES,
  type RoadmapResponse,
} from '../../../shared/api'
import { MARKDOWN_TAGS, type MarkdownNode } from '../../../shared/markdown-nodes'
import { AttachmentListSchema } from './attachments'
import { FeedbackRequestSchema, IsoDateTime } from './requests'
import type { Assert, DescribesWire } from './wire-type'

/**
 * One node of a changelog entry's safe Markdown tree (src/shared/markdown-nodes.ts): a text, or
 * an element with children. Recursive, so the document names it once (components).
 */
export const MarkdownNodeSchema: v.GenericSchema<MarkdownNode> = v.union([
  v.string(),
  v.strictObject({
    t: v.picklist(MARKDOWN_TAGS),
    c: v.optional(v.array(v.lazy(() => MarkdownNodeSchema))),
    href: v.optional(v.pipe(v.string(), v.description('Links only: http(s): or mailto:.'))),
  }),
])

export const PublicChangelogResponseSchema = v.strictObject({
  entries: v.array(
    v.strictObject({
      id: v.string(),
      title: v.string(),
      body: v.pipe(v.string(), v.description('Markdown, as written.')),
      bodyNodes: v.pipe(
        v.array(MarkdownNodeSchema),
        v.description('`body` as a safe node tree: what the widget renders.'),
      ),
      publishedAt: IsoDateTime,
      requests: v.array(v.strictObject({ id: v.string(), title: v.string() })),
      attachments: AttachmentListSchema,
    }),
  ),
})
type _Changelog = Assert<
  DescribesWire<typeof PublicChangelogResponseSchema, PublicChangelogResponse>
>

export const RoadmapResponseSchema = v.strictObject({
  lanes: v.pipe(
    v.array(
      v.strictObject({
        status: v.picklist(ROADMAP_LANES),
        requests: v.array(FeedbackRequestSchema),
      }),
    ),
    v.description('Exactly planned, in_progress, done, in that order (done: newest first, ≤ 50).'),
  ),
})
type _Roadmap = Assert<DescribesWire<typeof RoadmapResponseSchema, RoadmapResponse>>
