import { REQUEST_LINK_PARAMETER } from '../../shared/request-link'

/** Longer than any id Reqio makes; a longer value is not a link of ours. */
const ID_MAX_LENGTH = 100

/**
 * The request a link to this page names (`?reqio-request={rid}`, as emails and shared links
 * carry it: src/shared/request-link.ts), or null. Read only: the host's URL stays as it is.
 */
export function linkedRequestId(location: Pick<Location, 'search'>): string | null {
  let id: string | null
  try {
    id = new URLSearchParams(location.search).get(REQUEST_LINK_PARAMETER)
  } catch {
    return null
  }
  const trimmed = id?.trim()
  return trimmed && trimmed.length <= ID_MAX_LENGTH ? trimmed : null
}
