import { invalid, notFound } from '../errors'
import type { UnitOfWork } from '../events/commit'

/**
 * PATCH …/requests/{rid} `tagIds` (spec v3 "Tags"): the request's tags become exactly these.
 * An id that is not a tag of this project (another project's, a deleted one, a typo) refuses
 * the whole PATCH, naming the field. One audit line names what was added and taken off;
 * nobody is notified (a label is the team's bookkeeping, not news).
 */
export async function applyRequestTags(
  w: UnitOfWork,
  input: { projectId: string; requestId: string; tagIds: readonly string[] },
): Promise<void> {
  const { projectId, requestId, tagIds } = input
  const unknown = await w.store.tags.unknownIds(projectId, tagIds)
  if (unknown.length > 0) {
    throw invalid('tagIds', `tagIds: no tag "${unknown[0]}" in this project.`)
  }
  const change = await w.store.tags.setRequestTags(projectId, requestId, tagIds)
  if (!change) throw notFound.request()
  if (change.added.length === 0 && change.removed.length === 0) return
  await w.audit({
    action: 'request.tags',
    target: requestId,
    detail: {
      added: change.added.map((tag) => tag.name),
      removed: change.removed.map((tag) => tag.name),
    },
  })
}
