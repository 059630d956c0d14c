import * as z from 'zod'
import { REQUEST_STATUSES } from '../../../shared/api'

/**
 * The tools' argument and result shapes. Arguments carry REST's names; REST validates them again
 * (and is the one that counts), these only describe them to the agent and refuse nonsense early.
 */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id such as r_AbC123 (letters, digits, _ and -)')

export const StatusSchema = z.enum(REQUEST_STATUSES)

export const OnBehalfOfSchema = z
  .looseObject({
    sub: z.string().describe('The customer’s stable user id in your product (as in their token).'),
    email: z.string().optional(),
    name: z.string().optional(),
    traits: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Billing facts, e.g. {plan: "pro", amount: 4900, interval: "month"}.'),
    company: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  })
  .describe(
    'The customer this is done for: {sub, email?, name?, traits?, company?}, validated like an identity token’s claims.',
  )

const CompanyRef = z.object({ id: z.string(), name: z.string().nullable() }).nullable()

const PersonSchema = z.object({
  sub: z.string(),
  email: z.string().nullable(),
  plan: z.string().nullable(),
  mrrCents: z.number(),
  company: CompanyRef,
  untrusted: z.literal(true),
})

export const RequestSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  statusNote: z.string().nullable(),
  votes: z.number(),
  accounts: z.number(),
  mrrCents: z.number(),
  atRiskMrrCents: z.number(),
  commentCount: z.number(),
  unanswered: z.boolean(),
  createdAt: z.string(),
  author: PersonSchema.nullable(),
  untrusted: z.literal(true),
})

export const RequestDetailSchema = RequestSummarySchema.extend({
  body: z.string(),
  votersByAccount: z.array(
    z.object({
      kind: z.enum(['company', 'person']),
      id: z.string(),
      name: z.string().nullable(),
      mrrCents: z.number(),
      voters: z.array(PersonSchema),
      untrusted: z.literal(true),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      createdAt: z.string(),
      kind: z.string(),
      authorName: z.string(),
      authorSub: z.string().nullable(),
      authorEmail: z.string().nullable(),
      internal: z.boolean(),
      hidden: z.boolean(),
      untrusted: z.literal(true),
    }),
  ),
  mergedRequests: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      votes: z.number(),
      mergedAt: z.string(),
      untrusted: z.literal(true),
    }),
  ),
})

/** The answer of every tool that changes a request: the request as it now stands. */
export const RequestResultSchema = { request: RequestSummarySchema }
