/**
 * v3 moderation as SQL over a `requests r`: what the public may see of a project's requests.
 * A deleted request (deleted_at) and one waiting for the team's approval (status 'pending')
 * leave every public answer; the one place that says so, so that lists, search, the roadmap,
 * the portal and the feeds cannot drift apart.
 */
export const PUBLICLY_SHOWN = `r.deleted_at IS NULL AND r.status <> 'pending'`

/** Not deleted: what the team's counts and lists read (pending ones included). */
export const NOT_DELETED = 'r.deleted_at IS NULL'
