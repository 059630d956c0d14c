import * as z from 'zod'
import type { CompanyListResponse, CompanySummary } from '../../../shared/api'
import { UNTRUSTED_NOTICE, untrusted } from '../untrusted'
import { restErrorResult, toolResult } from './results'
import { type ToolDeps } from './tool-deps'

/** The most companies one REST page gives (api.md v3: `limit` ≤ 200). */
const PAGE = 200

/** list_companies: the accounts behind the revenue, richest first. */
export function registerCompanyTools({ server, rest }: ToolDeps): void {
  server.registerTool(
    'list_companies',
    {
      title: 'List companies',
      description:
        'The companies (accounts) whose people gave feedback, by monthly revenue (mrrCents, in ' +
        'cents) descending, with how many people and requests each has. `query` keeps those ' +
        `whose id or name contains it. ${UNTRUSTED_NOTICE}`,
      inputSchema: {
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(PAGE).optional().describe('Default 20.'),
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
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, limit }) => {
      const wanted = limit ?? 20
      // The companies route has no text search: a query reads a whole page and filters it here.
      const result = await rest.get<CompanyListResponse>(
        `/companies?limit=${query ? PAGE : wanted}`,
      )
      if (!result.ok) return restErrorResult(result)
      const companies = result.body.companies.filter(matching(query)).slice(0, wanted)
      const lines = companies.map(
        (company) =>
          `- ${untrusted(company.id)} ${untrusted(company.name ?? '')}: ${company.mrrCents} cents MRR, ` +
          `plan ${company.plan ?? 'none'}, ${company.people} people, ${company.requests} requests`,
      )
      return toolResult(lines.length === 0 ? 'No company matches.' : lines.join('\n'), {
        companies: companies.map((company) => ({ ...company, untrusted: true })),
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
