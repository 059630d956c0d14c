/**
 * The last line of defence for free text (messages, error messages and stacks): the code
 * never logs a secret on purpose, but an SMTP server's error may quote a recipient and a
 * driver's error may quote its URL. Structured fields are covered by pino's `redact`
 * (REDACTED_FIELDS below).
 */
const SCRUBS: [RegExp, string][] = [
  // user:password@ in any URL (smtp://, postgres://, https://).
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[redacted]@'],
  // Bearer and Basic credentials, wherever a header value was quoted.
  [/\b(bearer|basic)\s+[^\s"',;]+/gi, '$1 [redacted]'],
  // JSON Web Tokens (identity tokens): three base64url parts, the first a JSON header.
  [/\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[token]'],
  // Query and form parameters that carry credentials.
  [
    /([?&;](?:token|access_token|key|api_key|apikey|secret|password|session|code)=)[^&\s"']*/gi,
    '$1[redacted]',
  ],
  // Email addresses.
  [/[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi, '[email]'],
  // Webhook signing secrets (Standard Webhooks' whsec_ prefix).
  [/\bwhsec_[\w+/=-]{8,}/g, '[secret]'],
  // Project API keys (rq_ and base64url).
  [/\brq_[\w-]{8,}/g, '[api-key]'],
]

export function scrubSecrets(text: string): string {
  let scrubbed = text
  for (const [pattern, replacement] of SCRUBS) scrubbed = scrubbed.replace(pattern, replacement)
  return scrubbed
}

/**
 * Field names whose values never reach a log line (pino `redact` paths): at the top level, and
 * in a `headers` object. Explicit paths only: pino's wildcard paths (`*.email`) cost more than
 * the rest of a request line together.
 */
const SECRET_FIELD_NAMES = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'adminToken',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'sessionId',
  'email',
  'to',
  'smtpUrl',
  'databaseUrl',
]

export const REDACTED_FIELDS = [
  ...SECRET_FIELD_NAMES,
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-reqio-anonymous-id"]',
]
