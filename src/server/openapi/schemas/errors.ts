import * as v from 'valibot'
import { ERROR_CODES } from '../../../shared/errors'

/** The body of every error answer (server/errors.ts `errorBody`). */
export const ApiErrorSchema = v.object({
  error: v.object({
    code: v.pipe(
      v.picklist(ERROR_CODES),
      v.description('A stable code from spec/api.md; clients branch on it, never on the message.'),
    ),
    message: v.pipe(v.string(), v.description('For people; may change.')),
    field: v.optional(
      v.pipe(v.string(), v.description('validation_failed: the offending input, e.g. `title`.')),
    ),
  }),
})
