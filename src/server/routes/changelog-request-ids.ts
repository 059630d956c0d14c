import { invalid } from '../errors'
import { UnknownRequestsError } from '../store/changelog-store'

/** Store writes, with unknown request ids answered as the field they came in. */
export async function linkingKnownRequests<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof UnknownRequestsError) {
      throw invalid(
        'requestIds',
        `requestIds: no request ${error.requestIds.map((id) => `"${id}"`).join(', ')} in this project.`,
      )
    }
    throw error
  }
}
