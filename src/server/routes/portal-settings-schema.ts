import * as v from 'valibot'
import {
  isAbsoluteHttpUrl,
  isPortalHostName,
  normaliseHostName,
} from '../../shared/api/portal-settings'

/** Where a browser is sent: kept to a length any browser and email client takes whole. */
const URL_MAX_LENGTH = 2000

/** `siteUrl` and `ssoUrl`: an absolute http(s) URL, or null to clear it. */
export const absoluteUrlSetting = (field: string) => {
  const message = `${field} must be an absolute http(s) URL, or null`
  return v.optional(
    v.nullable(
      v.pipe(
        v.string(message),
        v.trim(),
        v.maxLength(URL_MAX_LENGTH, `${field} must be at most ${URL_MAX_LENGTH} characters`),
        v.check(isAbsoluteHttpUrl, message),
      ),
    ),
  )
}

const DOMAIN_MESSAGE =
  'portal.domain must be a host name like feedback.example.com (no scheme, port or path), or null'

/**
 * `settings.portal` in PATCH /v1/admin/projects/{pid}: any of its fields, each checked on its
 * own. The domain is stored lowercase without a trailing dot, so it compares as `Host` does; an
 * empty one is null.
 */
export const PortalSettingsPatchSchema = v.strictObject(
  {
    enabled: v.optional(v.boolean('portal.enabled must be true or false')),
    indexable: v.optional(v.boolean('portal.indexable must be true or false')),
    domain: v.optional(
      v.nullable(
        v.pipe(
          v.string(DOMAIN_MESSAGE),
          v.transform(normaliseHostName),
          v.check((name) => name === '' || isPortalHostName(name), DOMAIN_MESSAGE),
          v.transform((name) => name || null),
        ),
      ),
    ),
  },
  'settings.portal has an unknown field',
)
