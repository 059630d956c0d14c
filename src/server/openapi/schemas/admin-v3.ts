import * as v from 'valibot'
import { API_KEY_SCOPES } from '../../../shared/api/api-keys'
import {
  AdminCommentSchema,
  BacklogRequestSchema,
  FeedbackRequestSchema,
  Timestamp,
} from './admin-common'
import { AccountRevenueFactsEntries } from './revenue'

/**
 * The answers of the v3 routes (spec/api.md "API keys, people, and feedback on a customer's
 * behalf"), each mirroring its type in src/shared/api (api-keys.ts, on-behalf.ts, people.ts).
 * Their bodies and queries are the routes' own schemas (routes/admin-api-keys.ts,
 * on-behalf-schemas.ts, admin-people.ts).
 */

/** `apiKey`: never the key itself. */
export const ApiKeySchema = v.object({
  id: v.string(),
  name: v.string(),
  scopes: v.array(v.picklist(API_KEY_SCOPES)),
  prefix: v.string(),
  createdAt: Timestamp,
  lastUsedAt: v.nullable(Timestamp),
})

/** `201 {apiKey, key}`: `key` (`rq_…`) is shown only here. */
export const CreatedApiKeyResponseSchema = v.object({
  apiKey: ApiKeySchema,
  key: v.pipe(v.string(), v.startsWith('rq_')),
})

export const ApiKeyListResponseSchema = v.object({ apiKeys: v.array(ApiKeySchema) })

/** `{request}` of the on-behalf calls: the backlog's view of it, revenue and voters included. */
export const OnBehalfRequestResponseSchema = v.object({ request: BacklogRequestSchema })

/** A person's company as the people answers show it. */
const PersonCompanySchema = v.nullable(v.object({ id: v.string(), name: v.nullable(v.string()) }))

/** The facts every people answer carries. */
const PersonFacts = {
  sub: v.string(),
  email: v.nullable(v.string()),
  name: v.nullable(v.string()),
  plan: v.nullable(v.string()),
  mrrCents: v.number(),
  ...AccountRevenueFactsEntries,
  company: PersonCompanySchema,
  lastSeenAt: Timestamp,
}

/** `GET …/people?q=&limit=&cursor=`: counts of what each person wrote, voted and commented. */
export const PeopleListResponseSchema = v.object({
  people: v.array(
    v.object({
      ...PersonFacts,
      requests: v.number(),
      votes: v.number(),
      comments: v.number(),
    }),
  ),
  nextCursor: v.nullable(v.string()),
})

/**
 * `GET …/people/{sub}`: the person with their requests (with revenue), votes and comments, and
 * what erasing them would take away (the dashboard's confirmation).
 */
export const PersonDetailResponseSchema = v.object({
  person: v.object({
    ...PersonFacts,
    requests: v.array(
      v.object({ ...FeedbackRequestSchema.entries, mrrCents: v.number(), accounts: v.number() }),
    ),
    votes: v.array(v.object({ requestId: v.string(), createdAt: Timestamp, title: v.string() })),
    comments: v.array(AdminCommentSchema),
    erasure: v.object({
      votes: v.number(),
      comments: v.number(),
      requestsLosingRevenue: v.number(),
      mrrCents: v.number(),
    }),
  }),
})

/** `GET …/people/{sub}/export`: everything stored about the person, one JSON document. */
export const PersonExportSchema = v.pipe(
  v.looseObject({}),
  v.description('Everything stored about the person, as one JSON document.'),
)
