import * as v from 'valibot'
import { MailModeSchema, Timestamp } from './admin-common'

/** `GET …/jobs`: the project's queue by state, and the jobs that failed for good. */
export const JobsResponseSchema = v.object({
  counts: v.object({ queued: v.number(), running: v.number(), failed: v.number() }),
  failed: v.array(
    v.object({
      id: v.number(),
      kind: v.string(),
      attempts: v.number(),
      lastError: v.nullable(v.string()),
      updatedAt: Timestamp,
    }),
  ),
})

/** `POST …/jobs/{jid}/retry`. */
export const JobRetriedResponseSchema = v.object({ retried: v.literal(true) })

/** `GET …/mail`: emails kept instead of sent (demo mode without SMTP), `KeptMailInfo`. */
export const KeptMailResponseSchema = v.object({
  mail: MailModeSchema,
  messages: v.array(
    v.object({
      id: v.number(),
      to: v.string(),
      subject: v.string(),
      text: v.string(),
      html: v.string(),
      headers: v.record(v.string(), v.string()),
      at: Timestamp,
    }),
  ),
})
