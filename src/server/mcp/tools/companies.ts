import * as z from 'zod'
import type { CompanyListResponse, CompanySummary } from '../../../shared/api'
import { UNTRUSTED_NOTICE, untrusted } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { type ToolDeps } from './tool-deps'

/** The most companies one REST page gives (api.md v3: `limit` ≤ 200). */
const PAGE = 200
/** A query reads at most this many pages in one call (then answers a cursor to go on). */
const MAX_PAGES_PER_QUERY = 5

/** list_companies: the accounts behind the revenue, richest first. */
export function registerCompanyTools({ server, rest }: ToolDeps): void {
  server.registerTool(
    'list_companies',
    {
      title: 'List companies',
      description:
        'The companies (accounts) whose people gave feedback, by monthly revenue (mrrCents, in ' +
        'cents) descending, with how many people and requests each has. `query` keeps those ' +
        'whose id or name contains it (a query may answer a few more than `limit`). When ' +
        `there are more, pass \`nextCursor\` back as \`cursor\`. ${UNTRUSTED_NOTICE}`,
      inputSchema: {
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(PAGE).optional().describe('Default 20.'),
        cursor: z.string().max(1000).optional().describe('A `nextCursor` from a previous answer.'),
      },
      outputSchema: {
        companies: z.array(
          z.object({
            id: z.string(),
            name: z.string().nullable(),
            plan: z.string().nullable(),
            mrrCents: z.number(),
            people: z.number(),
            requests: z.number(),
            untrusted: z.literal(true),
          }),
        ),
        nextCursor: z.string().nullable(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, limit, cursor }) => {
      const wanted = limit ?? 20
      // The companies route has no text search: a query reads whole pages and keeps the matches.
      const companies: CompanySummary[] = []
      let nextCursor = cursor ?? null
      for (let page = 0; page < (query ? MAX_PAGES_PER_QUERY : 1); page++) {
        const params = new URLSearchParams({ limit: String(query ? PAGE : wanted) })
        if (nextCursor) params.set('cursor', nextCursor)
        const result = await rest.get<CompanyListResponse>(`/companies?${params}`)
        if (!result.ok) return restErrorResult(result)
        companies.push(...result.body.companies.filter(matching(query)))
        nextCursor = result.body.nextCursor
        if (nextCursor === null || companies.length >= wanted) break
      }
      const lines = companies.map(
        (company) =>
          `- ${untrusted(company.id)} ${untrusted(company.name ?? '')}: ${company.mrrCents} cents MRR, ` +
          `plan ${company.plan ?? 'none'}, ${company.people} people, ${company.requests} requests`,
      )
      if (lines.length === 0) lines.push('No company matches.')
      if (nextCursor !== null) lines.push(`More: call again with cursor "${nextCursor}".`)
      return toolResult(lines.join('\n'), {
        companies: companies.map((company) => ({ ...company, untrusted: true })),
        nextCursor,
      })
    },
  )
}

function matching(query: string | undefined) {
  const needle = query?.trim().toLowerCase()
  return (company: CompanySummary) =>
    !needle ||
    company.id.toLowerCase().includes(needle) ||
    (company.name ?? '').toLowerCase().includes(needle)
}
