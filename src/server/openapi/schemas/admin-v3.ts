import * as v from 'valibot'
import {
  CleanString,
  CompanyClaimSchema,
  OptionalClaimsSchema,
  RevenueTraitsSchema,
} from '../../identity/claims-schema'
import { NewRequestSchema, NewTeamCommentSchema } from '../../routes/request-schemas'
import {
  AdminCommentSchema,
  BacklogRequestSchema,
  FeedbackRequestSchema,
  Timestamp,
} from './admin-common'

/**
 * v3 (spec/api.md "API keys, people, and feedback on a customer's behalf"), written from the
 * contract while the keys, onbehalf and people branches build the routes, and checked against
 * what those branches had committed (answers: src/shared/api/api-keys.ts, on-behalf.ts,
 * people.ts there). The request bodies and queries here stand in for the routes' own schemas:
 * the lead swaps those in at merge (NewApiKeySchema, OnBehalfOfSchema and the on-behalf bodies,
 * PeopleQuerySchema, the audit query).
 */

/** The `sub` claim as the verifier takes it (identity/verify-token.ts): 1–255, not blank. */
const SubSchema = v.pipe(
  CleanString,
  v.minLength(1),
  v.maxLength(255),
  v.check((sub) => sub.trim() !== '', 'sub must not be blank'),
)

/** `onBehalfOf`: the customer, as token claims would describe them (claims-schema.ts). */
export const OnBehalfOfSchema = v.pipe(
  v.object({
    sub: SubSchema,
    email: OptionalClaimsSchema.entries.email,
    name: OptionalClaimsSchema.entries.name,
    traits: v.optional(RevenueTraitsSchema),
    company: v.optional(CompanyClaimSchema),
  }),
  v.description(
    "The customer the call is made for, validated like an identity token's claims and recorded as their facts as of now.",
  ),
)

export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const

/** `POST …/api-keys` `{name, scopes}`. */
export const NewApiKeySchema = v.object({
  /** 80: the keys branch's API_KEY_NAME_MAX_LENGTH. */
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  scopes: v.pipe(v.array(v.picklist(API_KEY_SCOPES)), v.minLength(1)),
})

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

/** `POST …/requests` `{title, body?, onBehalfOf}`: a request authored by that customer. */
export const OnBehalfRequestSchema = v.object({
  ...NewRequestSchema.entries,
  onBehalfOf: OnBehalfOfSchema,
})

/** `POST …/requests/{rid}/votes` `{onBehalfOf}`. */
export const OnBehalfVoteSchema = v.object({ onBehalfOf: OnBehalfOfSchema })

/**
 * `POST …/requests/{rid}/comments`: a team reply or note, or with `onBehalfOf` a customer's
 * comment (not a team reply; `internal` must then be left out or false).
 */
export const AdminNewCommentSchema = v.object({
  ...NewTeamCommentSchema.entries,
  onBehalfOf: v.optional(OnBehalfOfSchema),
})

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

/** `?q=&limit=&cursor=` of the people list. */
export const PeopleQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(200))),
  cursor: v.optional(v.string()),
})

/** The `cursor` the backlog, companies and audit log take in v3 (with `limit` ≤ 200). */
export const CursorQueryEntries = {
  cursor: v.optional(v.string()),
}

/** v3: the audit log pages with `limit` (≤ 200) and `cursor`; before v3 it takes no parameter. */
export const AuditPageQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(200))),
  ...CursorQueryEntries,
})
