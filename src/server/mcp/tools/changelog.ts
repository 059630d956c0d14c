import * as z from 'zod'
import type { ChangelogEntry } from '../../../shared/api'
import { UNTRUSTED_NOTICE, untrusted } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { IdSchema } from './schemas'
import { type ToolDeps } from './tool-deps'

/** draft_changelog: an unpublished entry a person reviews and publishes from the dashboard. */
export function registerChangelogTools({ server, rest }: ToolDeps): void {
  server.registerTool(
    'draft_changelog',
    {
      title: 'Draft a changelog entry',
      description:
        'Creates an UNPUBLISHED changelog entry (Markdown body) linked to the requests it ' +
        'ships. Nobody is told until a person publishes it in the dashboard; publishing marks ' +
        `the linked requests done and notifies their people. ${UNTRUSTED_NOTICE}`,
      inputSchema: {
        title: z.string().min(1).max(200),
        body: z.string().max(20_000).describe('Markdown.'),
        requestIds: z.array(IdSchema).max(50).optional(),
      },
      outputSchema: {
        entry: z.object({
          id: z.string(),
          title: z.string(),
          body: z.string(),
          requestIds: z.array(z.string()),
          publishedAt: z.string().nullable(),
        }),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    async ({ title, body, requestIds }) => {
      const result = await rest.send<{ entry: ChangelogEntry }>('POST', '/changelog', {
        title,
        body,
        requestIds: requestIds ?? [],
        publish: false,
      })
      if (!result.ok) return restErrorResult(result)
      const { id, requestIds: linked, publishedAt } = result.body.entry
      return toolResult(
        `Draft ${id} saved (not published), linked to ${linked.length} requests: ${untrusted(result.body.entry.title)}`,
        {
          entry: {
            id,
            title: result.body.entry.title,
            body: result.body.entry.body,
            requestIds: linked,
            publishedAt,
          },
        },
      )
    },
  )
}
