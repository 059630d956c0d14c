import { ApiError } from '../errors'

/**
 * Every limit that answers 429, by name: the `limit` label of reqio_rate_limited_total and the
 * `limit` field of the request log line.
 * - ip_reads: public reads per IP per minute (REQIO_IP_READS_PER_MINUTE)
 * - ip_writes: public writes per IP per minute (REQIO_IP_WRITES_PER_MINUTE)
 * - person_writes: writes per person (voter) per minute (REQIO_RATE_LIMIT_PER_MINUTE)
 * - anonymous_voters: distinct anonymous voters per IP, project and hour
 *   (REQIO_ANON_VOTERS_PER_IP_PER_HOUR)
 * - new_requests: new requests per IP, project and hour
 *   (REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR)
 * - admin_token_failures: wrong admin tokens per IP (REQIO_AUTH_FAILURES_PER_15_MINUTES)
 * - sign_in_failures: failed sign-ins and wrong current passwords per IP and email (the same)
 * - comments_per_person: comments per person per request per hour
 *   (REQIO_COMMENTS_PER_PERSON_PER_REQUEST_PER_HOUR)
 * - comments_per_request: comments per request per hour (REQIO_COMMENTS_PER_REQUEST_PER_HOUR)
 * - test_emails: the dashboard's "Send a test email" per member (5 per 10 minutes)
 * - api_key_requests: requests per API key per minute (REQIO_API_KEY_REQUESTS_PER_MINUTE)
 * - uploads_per_ip: public image uploads per IP network per hour (limits/upload-caps.ts)
 * - uploads_per_person: public image uploads per person (voter) and project per hour (the same)
 */
export const LIMIT_NAMES = [
  'ip_reads',
  'ip_writes',
  'person_writes',
  'anonymous_voters',
  'new_requests',
  'admin_token_failures',
  'sign_in_failures',
  'comments_per_person',
  'comments_per_request',
  'test_emails',
  'api_key_requests',
  'uploads_per_ip',
  'uploads_per_person',
] as const
export type LimitName = (typeof LIMIT_NAMES)[number]

/** The 429 of spec/api.md, `Retry-After` included, knowing which limit said no. */
export class RateLimitedError extends ApiError {
  constructor(
    readonly limit: LimitName,
    retryAfterSeconds: number,
    message = 'Too many requests; try again shortly.',
  ) {
    super('rate_limited', message, { headers: { 'Retry-After': String(retryAfterSeconds) } })
  }
}
