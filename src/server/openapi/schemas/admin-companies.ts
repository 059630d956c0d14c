import * as v from 'valibot'
import { FeedbackRequestSchema, NextCursorSchema } from './admin-common'
import { AccountRevenueFactsEntries } from './revenue'

/** Answers of the companies routes (spec "Companies"). */

/** `CompanySummary`: one account and what its people asked for. */
export const CompanySummarySchema = v.object({
  id: v.string(),
  name: v.nullable(v.string()),
  plan: v.nullable(v.string()),
  mrrCents: v.number(),
  ...AccountRevenueFactsEntries,
  people: v.number(),
  requests: v.number(),
})

/** `CompanyListResponse`. */
export const CompanyListResponseSchema = v.object({
  companies: v.array(CompanySummarySchema),
  nextCursor: NextCursorSchema,
})

/** `CompanyDetailResponse`. */
export const CompanyDetailResponseSchema = v.object({
  company: CompanySummarySchema,
  people: v.array(v.object({ sub: v.string(), email: v.nullable(v.string()) })),
  requests: v.array(
    v.object({
      ...FeedbackRequestSchema.entries,
      mrrCents: v.number(),
      accounts: v.number(),
      companyVoters: v.number(),
    }),
  ),
})
