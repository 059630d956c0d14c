import * as v from 'valibot'
import { AdminProjectSchema, Timestamp } from './admin-common'

/** Answers of the project routes: list, create, settings, secret, token check, install. */

/** `GET /v1/admin/projects`. */
export const ProjectListResponseSchema = v.object({ projects: v.array(AdminProjectSchema) })

/** `CreatedProjectResponse`: the secret appears only here and on rotation. */
export const CreatedProjectResponseSchema = v.object({
  project: AdminProjectSchema,
  secret: v.string(),
})

/** `PATCH /v1/admin/projects/{id}`. */
export const ProjectResponseSchema = v.object({ project: AdminProjectSchema })

/** `RotatedSecretResponse`. */
export const RotatedSecretResponseSchema = v.object({
  secret: v.string(),
  previousValidUntil: Timestamp,
})

/** `TokenCheckResponse`: the verdict, with the code the public API would answer. */
export const TokenCheckResponseSchema = v.union([
  v.object({
    valid: v.literal(true),
    claims: v.object({
      sub: v.string(),
      email: v.nullable(v.string()),
      plan: v.nullable(v.string()),
      interval: v.nullable(v.picklist(['month', 'year'])),
      amount: v.nullable(v.number()),
      mrrCents: v.nullable(v.number()),
      iat: v.number(),
      exp: v.number(),
    }),
  }),
  v.object({
    valid: v.literal(false),
    error: v.object({ code: v.string(), message: v.string() }),
  }),
])

/** `InstallStatusResponse`. */
export const InstallStatusResponseSchema = v.object({
  origins: v.array(v.object({ origin: v.string(), firstSeenAt: Timestamp, lastSeenAt: Timestamp })),
  progress: v.object({
    installed: v.boolean(),
    identityVerified: v.boolean(),
    firstRequest: v.boolean(),
    firstVote: v.boolean(),
  }),
})
